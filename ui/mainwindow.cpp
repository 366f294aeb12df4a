#include "mainwindow.h"

#include "ui/client/apiclient.h"
#include "ui/client/secretstore.h"
#include "ui/pages/analyticspage.h"
#include "ui/pages/keyspage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/requestspage.h"
#include "ui/pages/serverpage.h"
#include "ui/pages/teamspage.h"
#include "ui/pages/usagepage.h"
#include "ui/pages/websitespage.h"
#include "ui/pages/welcomepage.h"
#include "ui/widgets/connectiondialog.h"
#include "ui/widgets/errorbanner.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Gui {

MainWindow::MainWindow(ApiClient *client, SecretStore *secrets, ServerConnector *connector, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_secrets(secrets), m_connector(connector),
      m_workspace(new Workspace(client, this)), m_root(new QStackedWidget(this)),
      m_welcome(new WelcomePage(client, secrets, this)), m_splitter(new QSplitter(this)),
      m_sidebar(new QListWidget(this)), m_pages(new QStackedWidget(this)),
      m_connectionLabel(new QLabel(this)), m_healthLabel(new QLabel(this)), m_userLabel(new QLabel(this)),
      m_keychainLabel(new QLabel(this)), m_busy(new QProgressBar(this)), m_busyDelay(new QTimer(this)),
      m_healthTimer(new QTimer(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Zenovay Admin"));
    setMinimumSize(900, 600);

    auto *overview = new OverviewPage(m_workspace, this);
    m_pageList = {overview,
                  new AnalyticsPage(m_workspace, this),
                  new TeamsPage(m_workspace, this),
                  new WebsitesPage(m_workspace, this),
                  new KeysPage(m_workspace, this),
                  new UsagePage(m_workspace, this),
                  new RequestsPage(m_workspace, this),
                  new ServerPage(m_workspace, this)};
    const QList<QStyle::StandardPixmap> icons = {
        QStyle::SP_ComputerIcon,      QStyle::SP_FileDialogContentsView, QStyle::SP_DirHomeIcon,        QStyle::SP_DriveNetIcon,
        QStyle::SP_DialogApplyButton, QStyle::SP_FileDialogInfoView, QStyle::SP_FileDialogDetailedView,
        QStyle::SP_DriveHDIcon};
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setAccessibleName(tr("Pages"));
    for (int i = 0; i < m_pageList.size(); ++i) {
        Page *p = m_pageList.at(i);
        auto *item = new QListWidgetItem(style()->standardIcon(icons.at(i)), p->navTitle(), m_sidebar);
        item->setData(Qt::UserRole, p->objectName());
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(p->title()).arg(i + 1));
        item->setSizeHint(QSize(0, 34));
        m_pages->addWidget(p);
        // Only the page in view speaks in the status bar: a page refreshing in the
        // background ("41 requests") must not label another one (issue 15, item 10).
        connect(p, &Page::statusMessage, this, [this, p](const QString &text) {
            if (m_pages->currentWidget() == p)
                statusBar()->showMessage(text, 6000);
        });
    }
    // Wide enough for the longest page name in the current language.
    int widest = 0;
    for (Page *p : std::as_const(m_pageList))
        widest = qMax(widest, m_sidebar->fontMetrics().horizontalAdvance(p->navTitle()));
    m_sidebar->setMinimumWidth(qMin(widest + 64, 280));
    m_sidebar->setMaximumWidth(320);
    connect(overview, &OverviewPage::goTo, this, &MainWindow::showPage);
    connect(static_cast<ServerPage *>(m_pageList.last()), &ServerPage::changeServerRequested, this,
            &MainWindow::chooseServer);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_pageList.size())
            return;
        if (m_pages->currentIndex() != row)
            statusBar()->clearMessage(); // the last page's message is not about this one
        m_pages->setCurrentIndex(row);
        if (isSignedIn())
            m_pageList.at(row)->refresh();
    });

    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({m_sidebar->minimumWidth(), 1000});
    m_root->addWidget(m_welcome);
    m_root->addWidget(m_splitter);
    setCentralWidget(m_root);

    qApp->installEventFilter(this); // this window's dialogs closing: restoreFocus()
    buildMenus();
    buildStatusBar();

    connect(m_connector, &ServerConnector::connected, this, &MainWindow::onConnected);
    connect(m_connector, &ServerConnector::connectionFailed, this, [this](const QString &message) {
        m_connectionLabel->setText(tr("Not connected"));
        for (QLabel *l : {m_keychainLabel, m_userLabel, m_connectionLabel, m_healthLabel}) {
            l->setContentsMargins(8, 0, 8, 0);
            l->setFrameShape(QFrame::NoFrame);
        }

        m_welcome->showConnectionProblem(message);
        m_root->setCurrentWidget(m_welcome);
    });
    connect(m_welcome, &WelcomePage::signedIn, this, &MainWindow::onSignedIn);
    connect(m_welcome, &WelcomePage::changeServerRequested, this, &MainWindow::chooseServer);
    connect(m_client, &ApiClient::sessionRejected, this, &MainWindow::sessionEnded);
    connect(m_secrets, &SecretStore::persistenceChanged, this, &MainWindow::updateKeychainLabel);
    connect(m_workspace, &Workspace::teamsFailed, this, [this](const ApiFailure &f) {
        statusBar()->showMessage(
            ErrorBanner::describe(tr("Could not load your teams."), f).section(u'\n', 0, 0), 8000);
    });

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    // The last page by its name; releases before the Analytics page stored its row, and
    // every page from Teams on has moved down one row since.
    int lastPage = 0;
    if (settings.contains(u"window/pageName"_s)) {
        const QString name = settings.value(u"window/pageName"_s).toString();
        for (int i = 0; i < m_pageList.size(); ++i)
            if (m_pageList.at(i)->objectName() == name)
                lastPage = i;
    } else if (const int oldRow = settings.value(u"window/page"_s, 0).toInt(); oldRow >= 1) {
        lastPage = oldRow + 1;
    }
    m_landOnAnalytics = !settings.contains(u"window/pageName"_s) && !settings.contains(u"window/page"_s);
    m_sidebar->setCurrentRow(lastPage < m_pageList.size() ? lastPage : 0);
    if (!settings.contains(u"window/geometry"_s))
        resize(1180, 780);
    m_root->setCurrentWidget(m_welcome);
}

MainWindow::~MainWindow() = default; // a destroyed filter object leaves qApp's list itself

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect to Server…"), this, &MainWindow::chooseServer);
    connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction *signOutAction = file->addAction(tr("Sign &Out"), this, &MainWindow::signOut);
    signOutAction->setObjectName(u"signOutAction"_s);
    m_signedInActions << signOutAction;
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *newAction = edit->addAction(tr("&New…"), this, [this] {
        if (Page *p = currentPage())
            p->createNew();
    });
    newAction->setObjectName(u"newAction"_s);
    newAction->setShortcut(QKeySequence::New);
    newAction->setToolTip(tr("New key, website or team, depending on the page"));
    QAction *find = edit->addAction(tr("&Find"), this, [this] {
        if (Page *p = currentPage())
            p->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    m_signedInActions << newAction << find;

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pageList.size(); ++i) {
        Page *p = m_pageList.at(i);
        QAction *a = go->addAction(p->navTitle(), this, [this, i] { m_sidebar->setCurrentRow(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_signedInActions << a;
    }
    go->addSeparator();
    QAction *refresh = go->addAction(tr("&Refresh"), this, [this] {
        if (Page *p = currentPage(); p && isSignedIn()) {
            p->refresh();
            m_workspace->reloadTeams();
        }
    });
    refresh->setShortcuts({QKeySequence::Refresh, QKeySequence(tr("Ctrl+R"))});
    m_signedInActions << refresh;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"),
                                    tr("Ctrl+1 … Ctrl+8: go to a page\n"
                                       "Ctrl+N: new key, website or team\n"
                                       "Ctrl+F: search\n"
                                       "F5 or Ctrl+R: refresh\n"
                                       "Enter: open the selected key\n"
                                       "Delete: revoke the selected key\n"
                                       "Esc: back to the key list\n"
                                       "Ctrl+Shift+O: connect to another server\n"
                                       "Ctrl+Q: quit"),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    help->addAction(tr("&About Zenovay Admin"), this, [this] {
        QMessageBox::about(
            this, tr("About Zenovay Admin"),
            tr("<b>Zenovay Admin %1</b><p>The desktop admin app of Zenovay self-hosted: teams, "
               "websites, personal API keys and their activity.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    for (QAction *a : std::as_const(m_signedInActions)) {
        a->setEnabled(false);
        addAction(a);
    }
}

void MainWindow::buildStatusBar()
{
    m_connectionLabel->setObjectName(u"connectionStatus"_s);
    m_healthLabel->setObjectName(u"healthStatus"_s);
    m_userLabel->setObjectName(u"userStatus"_s);
    m_keychainLabel->setObjectName(u"keychainStatus"_s);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    m_connectionLabel->setText(tr("Not connected"));
    statusBar()->addPermanentWidget(m_busy);
    bool first = true;
    for (QLabel *l : {m_keychainLabel, m_userLabel, m_connectionLabel, m_healthLabel}) {
        if (!first) {
            auto *separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(separator);
            // The user label (and its separator) only shows while signed in.
            if (l == m_userLabel) {
                separator->setVisible(false);
                l->setVisible(false);
                connect(m_workspace, &Workspace::meChanged, separator, [this, separator] {
                    separator->setVisible(isSignedIn());
                    m_userLabel->setVisible(isSignedIn());
                });
                connect(this, &MainWindow::signedOut, separator, [this, separator] {
                    separator->hide();
                    m_userLabel->hide();
                });
            }
        }
        first = false;
        statusBar()->addPermanentWidget(l);
    }
    // Show the indicator only for calls that take a noticeable time, so quick ones don't flicker.
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, [this] { m_busy->setVisible(m_client->isBusy()); });
    connect(m_client, &ApiClient::busyChanged, this, [this](bool busy) {
        if (busy) {
            m_busyDelay->start();
        } else {
            m_busyDelay->stop();
            m_busy->hide();
        }
    });
    connect(m_client, &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (!reachable)
            m_healthLabel->setText(tr("● Unreachable"));
        else
            checkHealth();
    });
    m_healthTimer->setInterval(15'000);
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::checkHealth);
    updateKeychainLabel();
}

void MainWindow::setHealthIntervalMs(int ms)
{
    m_healthTimer->setInterval(ms);
}

void MainWindow::start()
{
    QSettings settings;
    ConnectionTarget target;
    target.embedded = settings.value(u"connection/mode"_s, u"embedded"_s).toString() != "remote"_L1;
    target.remoteUrl = settings.value(u"connection/url"_s).toUrl();
    start(target);
}

void MainWindow::start(const ConnectionTarget &target)
{
    m_root->setCurrentWidget(m_welcome);
    m_welcome->showBusy(target.embedded ? tr("Starting the built-in server…")
                                        : tr("Connecting to %1…").arg(target.remoteUrl.toString()));
    m_connector->connectTo(target);
}

void MainWindow::onConnected(const QUrl &baseUrl, const QString &displayName, const QString &accountKey)
{
    m_client->setBaseUrl(baseUrl);
    m_client->setToken({});
    m_accountKey = accountKey;
    m_workspace->setConnectionName(displayName);
    m_connectionLabel->setText(displayName);
    m_connectionLabel->setToolTip(baseUrl.toString());
    setWindowTitle(tr("Zenovay Admin — %1").arg(displayName));
    checkHealth();
    m_healthTimer->start();
    restoreSession();
}

QString MainWindow::secretKey() const
{
    return u"session/"_s + m_accountKey;
}

void MainWindow::restoreSession()
{
    m_welcome->showBusy(tr("Checking your session…"));
    m_secrets->read(secretKey(), this, [this](std::optional<QString> token) {
        if (!token || token->isEmpty()) {
            m_welcome->chooseForm();
            return;
        }
        m_client->setToken(*token);
        m_client->me(
            this, [this](const MeInfo &me) { enterWorkspace(me); },
            [this](const ApiFailure &f) {
                if (f.status == 401) {
                    m_secrets->remove(secretKey());
                    m_client->setToken({});
                    m_welcome->chooseForm(tr("Your session has ended. Sign in again."));
                } else {
                    m_welcome->showConnectionProblem(
                        ErrorBanner::describe(tr("Could not check your session."), f));
                }
            });
    });
}

void MainWindow::onSignedIn(const LoginResult &login, bool remember)
{
    m_client->setToken(login.token);
    if (remember)
        m_secrets->write(secretKey(), login.token, this, [this](bool) { updateKeychainLabel(); });
    m_client->me(
        this, [this](const MeInfo &me) { enterWorkspace(me); },
        [this](const ApiFailure &f) {
            m_welcome->showConnectionProblem(
                ErrorBanner::describe(tr("Signed in, but loading your account failed."), f));
        });
}

void MainWindow::enterWorkspace(const MeInfo &me)
{
    m_workspace->setMe(me);
    m_userLabel->setText(me.user.isServerAdmin ? tr("%1 (server admin)").arg(me.user.email) : me.user.email);
    for (QAction *a : std::as_const(m_signedInActions))
        a->setEnabled(true);
    m_root->setCurrentWidget(m_splitter);
    Q_EMIT m_workspace->meChanged();
    // Teams first: most pages name teams. Then the current page.
    auto *once = new QObject(this);
    auto finish = [this, once] {
        delete once;
        const auto open = [this](bool analytics) {
            if (analytics)
                showPage(u"analyticsPage"_s); // refreshes it
            else if (Page *p = currentPage())
                p->refresh();
            Q_EMIT signedIn();
        };
        // A first run: a user who has websites came for their traffic.
        if (!std::exchange(m_landOnAnalytics, false)) {
            open(false);
            return;
        }
        m_client->websites(
            this, [open](const QList<Core::Website> &sites) { open(!sites.isEmpty()); },
            [open](const ApiFailure &) { open(false); });
    };
    connect(m_workspace, &Workspace::teamsChanged, once, finish);
    connect(m_workspace, &Workspace::teamsFailed, once, finish);
    m_workspace->reloadTeams();
    updateKeychainLabel();
}

void MainWindow::signOut()
{
    if (!isSignedIn())
        return;
    m_client->logout(this, {}, {});
    m_secrets->remove(secretKey());
    m_client->setToken({});
    for (QAction *a : std::as_const(m_signedInActions))
        a->setEnabled(false);
    m_userLabel->clear();
    m_root->setCurrentWidget(m_welcome);
    m_welcome->showSignIn(tr("You are signed out."));
    Q_EMIT signedOut();
}

void MainWindow::sessionEnded(const ApiFailure &failure)
{
    if (!isSignedIn())
        return;
    m_secrets->remove(secretKey());
    m_client->setToken({});
    for (QAction *a : std::as_const(m_signedInActions))
        a->setEnabled(false);
    m_root->setCurrentWidget(m_welcome);
    m_welcome->showSignIn(ErrorBanner::describe(tr("Your session has ended. Sign in again."), failure));
    Q_EMIT signedOut();
}

void MainWindow::chooseServer()
{
    ConnectionTarget current = m_connector->target();
    current.embeddedPort = m_connector->builtInPort();
    auto *dialog = new ConnectionDialog(current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionTarget target = dialog->target();
        QSettings settings;
        settings.setValue(u"connection/mode"_s, target.embedded ? u"embedded"_s : u"remote"_s);
        settings.setValue(u"connection/url"_s, target.remoteUrl);
        for (QAction *a : std::as_const(m_signedInActions))
            a->setEnabled(false);
        start(target);
    });
    dialog->open();
}

void MainWindow::checkHealth()
{
    m_client->health(
        this,
        [this](const QString &version) {
            m_healthLabel->setText(tr("● Healthy"));
            m_healthLabel->setToolTip(tr("GET /healthz answered 200 (server version %1)").arg(version));
            QPalette p = m_healthLabel->palette();
            p.setColor(QPalette::WindowText, QColor(0x2e, 0x7d, 0x32));
            m_healthLabel->setPalette(p);
        },
        [this](const ApiFailure &f) {
            m_healthLabel->setText(f.isNetworkError() ? tr("● Unreachable")
                                                      : tr("● Unhealthy (HTTP %1)").arg(f.status));
            m_healthLabel->setToolTip(f.summary());
            QPalette p = m_healthLabel->palette();
            p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
            m_healthLabel->setPalette(p);
        });
}

void MainWindow::updateKeychainLabel()
{
    if (m_secrets->isPersistent()) {
        m_keychainLabel->setText(tr("Keychain"));
        m_keychainLabel->setToolTip(tr("Your session is kept in the system keychain."));
    } else {
        m_keychainLabel->setText(tr("Session in memory only"));
        m_keychainLabel->setToolTip(m_secrets->unavailableReason());
    }
}

Page *MainWindow::page(const QString &objectName) const
{
    for (Page *p : m_pageList)
        if (p->objectName() == objectName)
            return p;
    return nullptr;
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

KeysPage *MainWindow::keysPage() const
{
    return static_cast<KeysPage *>(page(u"keysPage"_s));
}

bool MainWindow::isSignedIn() const
{
    return m_root->currentWidget() == m_splitter;
}

void MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_pageList.size(); ++i)
        if (m_pageList.at(i)->objectName() == objectName)
            m_sidebar->setCurrentRow(i);
}

QString MainWindow::healthText() const
{
    return m_healthLabel->text();
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::keychainText() const
{
    return m_keychainLabel->text();
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, QMainWindow::saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    settings.remove(u"window/page"_s);
    if (const int row = m_sidebar->currentRow(); row >= 0 && row < m_pageList.size())
        settings.setValue(u"window/pageName"_s, m_pageList.at(row)->objectName());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Hide) {
        if (auto *dialog = qobject_cast<QDialog *>(watched); dialog && dialog->isWindow()) {
            // One of this window's (isAncestorOf stops at window borders: walk the parents).
            for (const QObject *o = dialog->parent(); o; o = o->parent())
                if (o == this) {
                    QTimer::singleShot(0, this, &MainWindow::restoreFocus);
                    break;
                }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreFocus()
{
    // Another dialog of this window still open (a confirmation over a dialog): it has
    // the keyboard.
    if (QWidget *modal = QApplication::activeModalWidget(); modal && modal != this)
        return;
    if (!isVisible())
        return;
    activateWindow();
    QWidget *focus = QApplication::focusWidget();
    if (focus && isAncestorOf(focus) && focus->isVisible() && focus->isEnabled())
        return;
    QWidget *area = m_root->currentWidget() == m_splitter ? static_cast<QWidget *>(currentPage())
                                                          : m_root->currentWidget();
    if (!area)
        return;
    // The first widget of the area in view that takes the keyboard, in tab order.
    for (QWidget *w = area->nextInFocusChain(); w && w != area; w = w->nextInFocusChain()) {
        if (area->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    area->setFocus(Qt::OtherFocusReason);
}

} // namespace Gui
