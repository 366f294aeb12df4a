#include "connectiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

ConnectionDialog::ConnectionDialog(const ConnectionTarget &current, QWidget *parent)
    : QDialog(parent), m_embedded(new QRadioButton(tr("&This computer (the built-in server)"), this)),
      m_remote(new QRadioButton(tr("&Another server:"), this)), m_url(new QLineEdit(this)),
      m_note(new QLabel(this)), m_port(new QSpinBox(this)), m_portNote(new QLabel(this)),
      m_currentPort(current.embeddedPort)
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
    // The built-in server's port, kept across launches; 0 (not known) shows "Automatic".
    m_port->setObjectName(u"embeddedPort"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Automatic"));
    m_port->setValue(current.embeddedPort);
    m_port->setAccelerated(true);
    m_portNote->setObjectName(u"embeddedPortNote"_s);
    m_portNote->setWordWrap(true);
    auto *portRow = new QFormLayout;
    portRow->setContentsMargins(24, 0, 0, 0);
    portRow->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    portRow->addRow(tr("&Port:"), m_port);
    portRow->addRow(m_portNote);
    layout->addWidget(m_embedded);
    layout->addWidget(embeddedNote);
    layout->addLayout(portRow);
    layout->addWidget(m_remote);
    layout->addWidget(m_url);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remote, &QRadioButton::toggled, this, &ConnectionDialog::update);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::update);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::update);
    update();
    resize(480, sizeHint().height());
}

ConnectionTarget ConnectionDialog::target() const
{
    ConnectionTarget t;
    t.embedded = m_embedded->isChecked();
    t.remoteUrl = QUrl::fromUserInput(m_url->text().trimmed());
    // Only a port the user changed is a choice (used or refused); the one shown stays
    // the remembered one, which falls back to a free port when another program took it.
    t.embeddedPort = m_port->value() != m_currentPort ? quint16(m_port->value()) : 0;
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
    m_port->setEnabled(m_embedded->isChecked());
    const int port = m_port->value();
    QString portText;
    if (port > 0 && port < 1024)
        portText = tr("Ports below 1024 need administrator rights; choose 1024 or above.");
    else if (port > 0 && port != m_currentPort && m_currentPort > 0)
        portText = tr("Tracking snippets and bookmarks made for port %1 stop working; the app restarts the "
                      "built-in server on port %2.")
                       .arg(m_currentPort)
                       .arg(port);
    else if (port > 0)
        portText =
            tr("Kept across launches: the server is at http://127.0.0.1:%1 on this computer.").arg(port);
    m_portNote->setText(portText);
    m_portNote->setVisible(m_embedded->isChecked() && !portText.isEmpty());
    const QString problem = m_remote->isChecked() ? checkUrl(target().remoteUrl) : QString();
    m_note->setText(problem);
    m_note->setVisible(!problem.isEmpty());
}

void ConnectionDialog::done(int result)
{
    if (result == QDialog::Accepted && m_embedded->isChecked() && m_port->value() > 0 &&
        m_port->value() < 1024) {
        m_port->setFocus();
        return;
    }
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
