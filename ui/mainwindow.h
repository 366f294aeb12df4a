#pragma once

#include "ui/client/apitypes.h"
#include "ui/client/serverconnector.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace Gui {

class ApiClient;
class KeysPage;
class Page;
class SecretStore;
class WelcomePage;
class Workspace;

// The admin app's window: the welcome flow (connect, set up, sign in), then the sidebar
// pages; the status bar shows the connection, server health, the busy indicator and
// whether the session is kept in the keychain or in memory only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ApiClient *client, SecretStore *secrets, ServerConnector *connector,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects to the target saved in the settings (the built-in server by default).
    void start();
    void start(const ConnectionTarget &target);
    void setHealthIntervalMs(int ms);

    // For tests and the screenshot tool.
    Workspace *workspace() const { return m_workspace; }
    WelcomePage *welcomePage() const { return m_welcome; }
    Page *page(const QString &objectName) const;
    Page *currentPage() const;
    KeysPage *keysPage() const;
    bool isSignedIn() const;
    void showPage(const QString &objectName);
    QString healthText() const;
    QString connectionText() const;
    QString keychainText() const;

Q_SIGNALS:
    // The workspace is showing, with me and my teams loaded.
    void signedIn();
    void signedOut();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    // Sees this window's dialogs close (restoreFocus).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // After a dialog closes: this window active again, and the keyboard in the page in
    // view when the widget that had it is gone, hidden or disabled (a revoked key's
    // Revoke button), so F5, Esc and the arrows work without a click (issue 15, item 16).
    void restoreFocus();
    void buildMenus();
    void buildStatusBar();
    void onConnected(const QUrl &baseUrl, const QString &displayName, const QString &accountKey);
    void restoreSession();
    void onSignedIn(const LoginResult &login, bool remember);
    void enterWorkspace(const MeInfo &me);
    void signOut();
    void sessionEnded(const ApiFailure &failure);
    void chooseServer();
    void checkHealth();
    void updateKeychainLabel();
    void saveState();
    QString secretKey() const;

    ApiClient *m_client;
    SecretStore *m_secrets;
    ServerConnector *m_connector;
    Workspace *m_workspace;
    QStackedWidget *m_root;
    WelcomePage *m_welcome;
    QSplitter *m_splitter;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QList<Page *> m_pageList;
    QLabel *m_connectionLabel;
    QLabel *m_healthLabel;
    QLabel *m_userLabel;
    QLabel *m_keychainLabel;
    QProgressBar *m_busy;
    QTimer *m_busyDelay;
    QTimer *m_healthTimer;
    QString m_accountKey;
    QList<QAction *> m_signedInActions;
    // No page remembered from an earlier run: the first workspace opens on the Analytics
    // page once there is a website to show (the Overview with Getting started until then).
    bool m_landOnAnalytics = false;
};

} // namespace Gui
