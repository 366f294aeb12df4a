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

using namespace Qt::StringLiterals;

namespace Gui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_copy(new QToolButton(this))
{
    setObjectName(u"errorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setObjectName(u"errorText"_s);
    m_copy->setText(tr("Copy request ID"));
    m_copy->setToolTip(tr("Copy the request ID to quote it to support"));
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_copy, &QToolButton::clicked, this, [this] { copyWithFeedback(m_copy, m_failure.requestId); });
    restyle();
    hide();
}

QString ErrorBanner::describe(const QString &action, const ApiFailure &f)
{
    QString text = action;
    if (f.isNetworkError()) {
        text += u' ' + tr("The server could not be reached: %1").arg(f.message);
        return text;
    }
    QString detail = tr("HTTP %1").arg(f.status);
    if (!f.code.isEmpty())
        detail += u" · "_s + f.code;
    text += u' ' + detail;
    if (!f.message.isEmpty() && f.message != "validation_error"_L1)
        text += u"\n"_s + localizedServerMessage(f.message);
    for (auto it = f.details.begin(); it != f.details.end(); ++it)
        text += u"\n• "_s + it.key() + u": "_s + it.value();
    if (!f.requestId.isEmpty())
        text += u"\n"_s + tr("Request ID: %1").arg(f.requestId);
    return text;
}

void ErrorBanner::showFailure(const QString &action, const ApiFailure &failure)
{
    m_failure = failure;
    m_label->setText(describe(action, failure));
    m_copy->setVisible(!failure.requestId.isEmpty());
    show();
}

void ErrorBanner::showMessage(const QString &text)
{
    m_failure = {};
    m_label->setText(text);
    m_copy->hide();
    show();
}

QString ErrorBanner::text() const
{
    return m_label->text();
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
