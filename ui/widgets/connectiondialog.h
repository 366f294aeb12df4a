#pragma once

#include "ui/client/serverconnector.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace Gui {

// Built-in server, or a remote server URL.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(const ConnectionTarget &current, QWidget *parent = nullptr);
    // embeddedPort is set only when the user changed the port shown.
    ConnectionTarget target() const;
    // Empty when the URL is usable; otherwise what is wrong with it.
    static QString checkUrl(const QUrl &url);

private:
    void update();
    void done(int result) override;
    QRadioButton *m_embedded;
    QRadioButton *m_remote;
    QLineEdit *m_url;
    QLabel *m_note;
    QSpinBox *m_port;
    QLabel *m_portNote;
    quint16 m_currentPort;
};

} // namespace Gui
