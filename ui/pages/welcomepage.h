#pragma once

#include "ui/client/apitypes.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Gui {

class ApiClient;
class SecretStore;

// Before the workspace: connecting, the first-run setup form (POST /setup) on an empty
// server, or sign-in.
class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    WelcomePage(ApiClient *client, SecretStore *secrets, QWidget *parent = nullptr);

    void showBusy(const QString &text);
    void showConnectionProblem(const QString &text);
    // Asks the server whether it is set up, then shows setup or sign-in.
    void chooseForm(const QString &notice = {});
    void showSignIn(const QString &notice = {});
    void showSetup();
    bool isShowingSetup() const;
    bool isShowingSignIn() const;

Q_SIGNALS:
    void signedIn(const Gui::LoginResult &login, bool remember);
    void changeServerRequested();

private:
    void submitSetup();
    void submitSignIn();
    void setBusy(bool busy);
    QWidget *card(QWidget *content);

    ApiClient *m_client;
    SecretStore *m_secrets;
    QStackedWidget *m_stack;
    QWidget *m_busyPane;
    QWidget *m_setupPane;
    QWidget *m_signInPane;
    QLabel *m_busyText;
    QPushButton *m_retry;
    QLineEdit *m_setupEmail;
    QLineEdit *m_setupName;
    QLineEdit *m_setupPassword;
    QLineEdit *m_setupConfirm;
    QLabel *m_setupError;
    QPushButton *m_setupButton;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_signInNotice;
    QLabel *m_signInError;
    QLabel *m_keychainNote;
    QPushButton *m_signInButton;
};

} // namespace Gui
