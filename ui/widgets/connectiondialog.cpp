#include "connectiondialog.h"

#include <QDialogButtonBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

ConnectionDialog::ConnectionDialog(const ConnectionTarget &current, QWidget *parent)
    : QDialog(parent), m_embedded(new QRadioButton(tr("&This computer (the built-in server)"), this)),
      m_remote(new QRadioButton(tr("&Another server:"), this)), m_url(new QLineEdit(this)),
      m_note(new QLabel(this))
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Connect to a server"));
    m_embedded->setObjectName(u"embeddedServer"_s);
    m_remote->setObjectName(u"remoteServer"_s);
    m_url->setObjectName(u"serverUrl"_s);
    m_url->setPlaceholderText(tr("https://zenovay.example.com"));
    m_note->setWordWrap(true);
    m_note->setObjectName(u"connectionNote"_s);
    (current.embedded ? m_embedded : m_remote)->setChecked(true);
    m_url->setText(current.remoteUrl.toString());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    auto *layout = new QVBoxLayout(this);
    auto *embeddedNote =
        new QLabel(tr("The app runs the server itself, on this computer only (loopback), with "
                      "its data in your user's application data folder."),
                   this);
    embeddedNote->setWordWrap(true);
    embeddedNote->setIndent(24);
    layout->addWidget(m_embedded);
    layout->addWidget(embeddedNote);
    layout->addWidget(m_remote);
    layout->addWidget(m_url);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remote, &QRadioButton::toggled, this, &ConnectionDialog::update);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::update);
    update();
    resize(480, sizeHint().height());
}

ConnectionTarget ConnectionDialog::target() const
{
    ConnectionTarget t;
    t.embedded = m_embedded->isChecked();
    t.remoteUrl = QUrl::fromUserInput(m_url->text().trimmed());
    return t;
}

QString ConnectionDialog::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("Enter the server's address, for example https://zenovay.example.com.");
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
        return tr("The address must start with https:// (or http:// on a trusted network).");
    const QHostAddress host(url.host());
    const bool loopback = host.isLoopback() || url.host() == "localhost"_L1;
    if (url.scheme() == "http"_L1 && !loopback)
        return tr(
            "Warning: with http:// your password and session travel unencrypted. Use https:// for servers "
            "on other machines.");
    return {};
}

void ConnectionDialog::update()
{
    m_url->setEnabled(m_remote->isChecked());
    const QString problem = m_remote->isChecked() ? checkUrl(target().remoteUrl) : QString();
    m_note->setText(problem);
    m_note->setVisible(!problem.isEmpty());
}

void ConnectionDialog::done(int result)
{
    if (result == QDialog::Accepted && m_remote->isChecked()) {
        const QUrl url = target().remoteUrl;
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
            update();
            return;
        }
    }
    QDialog::done(result);
}

} // namespace Gui
