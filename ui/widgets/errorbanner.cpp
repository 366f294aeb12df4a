#include "errorbanner.h"

#include "ui/client/servermessages.h"

#include "copyfeedback.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_details(new QLabel(this)), m_toggle(new QToolButton(this)),
      m_copy(new QToolButton(this))
{
    setObjectName(u"errorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setObjectName(u"errorText"_s);
    m_details->setObjectName(u"errorDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);
    m_details->hide();
    m_toggle->setObjectName(u"errorDetailsToggle"_s);
    m_toggle->setText(tr("Details"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setToolTip(tr("The HTTP status, error code and request ID"));
    m_copy->setText(tr("Copy request ID"));
    m_copy->setToolTip(tr("Copy the request ID to quote it to support"));
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_label);
    texts->addWidget(m_details);
    layout->addLayout(texts, 1);
    layout->addWidget(m_toggle, 0, Qt::AlignTop);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_copy, &QToolButton::clicked, this, [this] { copyWithFeedback(m_copy, m_failure.requestId); });
    restyle();
    hide();
}

QString ErrorBanner::summary(const QString &action, const ApiFailure &f)
{
    QString reason;
    if (f.isNetworkError())
        reason = tr("The server could not be reached: %1").arg(f.message);
    else if (!f.message.isEmpty() && f.message != "validation_error"_L1 && f.details.isEmpty())
        reason = localizedServerMessage(f.message);
    else if (!f.details.isEmpty())
        reason = tr("Please correct:");
    else if (f.status == 401)
        reason = tr("You are not signed in, or your session has ended.");
    else if (f.status == 403)
        reason = tr("You are not allowed to do this.");
    else if (f.status == 404)
        reason = tr("It was not found; it may have been deleted meanwhile.");
    else if (f.status == 429)
        reason = tr("Too many requests: try again in a moment.");
    else if (f.status >= 500)
        reason = tr("The server had a problem. Try again; if it keeps happening, give your administrator the "
                    "request ID under Details.");
    else
        reason = tr("The server refused it.");
    QString text = action + u' ' + reason;
    if (!reason.endsWith(u'.') && !reason.endsWith(u':') && !reason.endsWith(u'?') && !reason.endsWith(u'!'))
        text += u'.';
    for (auto it = f.details.begin(); it != f.details.end(); ++it)
        text += u"\n• "_s + it.key() + u": "_s + localizedServerMessage(it.value());
    return text;
}

QString ErrorBanner::details(const ApiFailure &f)
{
    QStringList lines;
    if (!f.isNetworkError()) {
        QString status = tr("HTTP %1").arg(f.status);
        if (!f.code.isEmpty())
            status += u" · "_s + f.code;
        lines << status;
    }
    if (!f.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(f.requestId);
    return lines.join(u'\n');
}

QString ErrorBanner::describe(const QString &action, const ApiFailure &f)
{
    const QString more = details(f);
    return more.isEmpty() ? summary(action, f) : summary(action, f) + u'\n' + more;
}

void ErrorBanner::showFailure(const QString &action, const ApiFailure &failure)
{
    m_failure = failure;
    m_label->setText(summary(action, failure));
    m_details->setText(details(failure));
    m_toggle->setChecked(false);
    m_toggle->setVisible(!m_details->text().isEmpty());
    m_copy->setVisible(!failure.requestId.isEmpty());
    show();
}

void ErrorBanner::showMessage(const QString &text)
{
    m_failure = {};
    m_label->setText(text);
    m_details->clear();
    m_toggle->setChecked(false);
    m_toggle->hide();
    m_copy->hide();
    show();
}

QString ErrorBanner::text() const
{
    return m_details->text().isEmpty() ? m_label->text() : m_label->text() + u'\n' + m_details->text();
}

QString ErrorBanner::summaryText() const
{
    return m_label->text();
}

bool ErrorBanner::detailsShown() const
{
    return m_details->isVisible();
}

bool ErrorBanner::event(QEvent *e)
{
    if (e->type() == QEvent::PaletteChange)
        restyle();
    return QFrame::event(e);
}

void ErrorBanner::restyle()
{
    // A tint of red that works on light and dark palettes alike.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor bg = dark ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xfd, 0xec, 0xea);
    const QColor border = dark ? QColor(0x9a, 0x3a, 0x3a) : QColor(0xe5, 0x9a, 0x94);
    QPalette p = palette();
    p.setColor(QPalette::Window, bg);
    setAutoFillBackground(true);
    setPalette(p);
    setStyleSheet(u"#errorBanner { border: 1px solid %1; border-radius: 4px; }"_s.arg(border.name()));
}

} // namespace Gui
