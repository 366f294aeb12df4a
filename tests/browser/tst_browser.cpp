// The tracker in a real browser: Debian's headless Chromium loads a page from another
// origin (a tiny page host in this test) that carries the guide's snippet pointing at
// our server's /z.js with data-debug="true". Asserted on what the server stored: the
// pageview with the right fields, a second one after history.pushState, a custom event
// from zenovay.track(); and on Chromium's console log: the tracker's debug lines and
// the guide's `typeof zenovay !== 'undefined'` check.
#include "ingestfixtures.h"
#include "testserver.h"

#include "core/ingest/eventpipeline.h"
#include "server/serverinstance.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace TestSupport;

namespace {
const QByteArray DesktopUa =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

struct Stored
{
    QString type, name, url, referrer, session, ua, device, browser, os, props;
};
} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    Core::Website m_site;
    QTcpServer m_pageHost;
    QByteArray m_page;

    QList<Stored> stored(const QString &websiteId)
    {
        QList<Stored> out;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            s.eventPipeline().flush();
            Core::Statement q =
                s.database().prepare(QStringLiteral("SELECT event_type, name, url, referrer, session_id, "
                                                    "user_agent, device_type, browser, os, props "
                                                    "FROM events WHERE website_id = ? ORDER BY id"));
            q.addBindValue(websiteId);
            if (!q.exec())
                return;
            while (q.next())
                out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                            q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                            q.value(9).toString()});
        });
        return out;
    }

    // Serves the test page for any path (a single-page app), on the test thread's event loop.
    void servePage()
    {
        while (QTcpSocket *socket = m_pageHost.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                    QByteArray::number(m_page.size()) + "\r\nConnection: close\r\n\r\n" + m_page);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    // The guide's snippet for the website (with data-do-not-track="true" when asked), a
    // history.pushState and a zenovay.track() call.
    QByteArray pageFor(const Core::Website &site, bool doNotTrackAttribute) const
    {
        const QByteArray src = "http://127.0.0.1:" + QByteArray::number(m_server->port()) + "/z.js";
        return "<!doctype html><html><head><title>shop</title>\n"
               "<script data-tracking-code=\"" +
               site.trackingCode.toLatin1() +
               "\"\n"
               "        data-debug=\"true\"\n" +
               (doNotTrackAttribute ? QByteArray("        data-do-not-track=\"true\"\n") : QByteArray()) +
               "        src=\"" + src +
               "\"></script>\n"
               "</head><body><h1>Shop</h1>\n"
               "<script>\n"
               "  window.addEventListener('load', () => {\n"
               "    if (typeof zenovay !== 'undefined') {\n"
               "      console.log('Zenovay loaded');\n"
               "    }\n"
               "    setTimeout(() => {\n"
               "      history.pushState({}, '', '/app/second?tab=1');\n"
               "      setTimeout(() => zenovay.track('signup', {plan: 'pro', seats: 3}), 300);\n"
               "    }, 300);\n"
               "  });\n"
               "</script></body></html>\n";
    }

    struct Visit
    {
        QList<Stored> events;
        QByteArray log;
        QString pageUrl;
    };
    // Opens the page in headless Chromium (its Do-Not-Track setting on or off) until the
    // website has `events` events and the log has `logLine`, then a moment longer.
    Visit browse(const Core::Website &site, bool doNotTrackAttribute, bool doNotTrackSetting, int events,
                 const QByteArray &logLine)
    {
        Visit visit;
        const QString chromium =
            qEnvironmentVariable("ZENOVAY_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
        if (!QFile::exists(chromium)) {
            QTest::qFail("Chromium is missing: scripts/deps.sh test installs it", __FILE__, __LINE__);
            return visit;
        }
        m_page = pageFor(site, doNotTrackAttribute);
        QTemporaryDir profile;
        if (doNotTrackSetting) {
            // The profile's "Send a Do Not Track request" setting.
            QDir(profile.path()).mkpath(QStringLiteral("Default"));
            QFile prefs(profile.filePath(QStringLiteral("Default/Preferences")));
            if (!prefs.open(QIODevice::WriteOnly) || prefs.write(R"({"enable_do_not_track": true})") < 0) {
                QTest::qFail("cannot write the browser profile", __FILE__, __LINE__);
                return visit;
            }
        }
        visit.pageUrl = QStringLiteral("http://127.0.0.1:%1/app/start").arg(m_pageHost.serverPort());
        QProcess browser;
        browser.setChildProcessModifier([] { ::setsid(); }); // its own process group, killed as a whole
        browser.start(chromium,
                      {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                       QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
                       QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
                       QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
                       QStringLiteral("--user-data-dir=") + profile.path(),
                       QStringLiteral("--user-agent=") + QString::fromLatin1(DesktopUa),
                       QStringLiteral("--enable-logging=stderr"), QStringLiteral("--v=0"), visit.pageUrl});
        if (!browser.waitForStarted(10'000)) {
            QTest::qFail(qPrintable(browser.errorString()), __FILE__, __LINE__);
            return visit;
        }
        const auto killBrowser = qScopeGuard([&] {
            ::kill(-pid_t(browser.processId()), SIGKILL);
            browser.waitForFinished(5000);
        });
        (void)QTest::qWaitFor(
            [&] {
                visit.log += browser.readAllStandardError();
                return stored(site.id).size() >= events && visit.log.contains(logLine);
            },
            45'000);
        QTest::qWait(300); // give a stray extra event the chance to show up
        visit.log += browser.readAllStandardError();
        visit.events = stored(site.id);
        return visit;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        m_server->runOnServerThread(
            [this](Server::ServerInstance &s) { m_site = createWebsite(s.database()); });
        QVERIFY(m_pageHost.listen(QHostAddress::LocalHost, 0));
        connect(&m_pageHost, &QTcpServer::newConnection, this, &TestBrowser::servePage);
    }

    void trackerInHeadlessChromium()
    {
        const Visit visit = browse(m_site, false, false, 3, "sent event: HTTP 202");
        if (QTest::currentTestFailed())
            return;
        const QList<Stored> &events = visit.events;
        const QByteArray &log = visit.log;
        const QString &pageUrl = visit.pageUrl;
        QVERIFY2(log.contains("sent event: HTTP 202"), log.right(3000).constData());

        QCOMPARE(events.size(), 3);
        const Stored &first = events[0];
        QCOMPARE(first.type, QStringLiteral("pageview"));
        QCOMPARE(first.url, pageUrl);
        QCOMPARE(first.ua, QString::fromLatin1(DesktopUa));
        QCOMPARE(first.device, QStringLiteral("desktop"));
        QCOMPARE(first.browser, QStringLiteral("Chrome"));
        QCOMPARE(first.os, QStringLiteral("Linux"));
        QCOMPARE(first.session.size(), 24);
        QVERIFY(first.referrer.isEmpty());

        const Stored &second = events[1];
        QCOMPARE(second.type, QStringLiteral("pageview"));
        QCOMPARE(second.url,
                 pageUrl.left(pageUrl.lastIndexOf(QLatin1Char('/'))) + QStringLiteral("/second?tab=1"));
        QCOMPARE(second.referrer, pageUrl);
        QCOMPARE(second.session, first.session);

        const Stored &custom = events[2];
        QCOMPARE(custom.type, QStringLiteral("event"));
        QCOMPARE(custom.name, QStringLiteral("signup"));
        QCOMPARE(custom.props, QStringLiteral("{\"plan\":\"pro\",\"seats\":3}"));
        QCOMPARE(custom.session, first.session);

        QVERIFY2(log.contains("Zenovay loaded"), log.right(3000).constData());
        QVERIFY2(
            log.contains(QByteArray("[zenovay] loaded, tracking code " + m_site.trackingCode.toLatin1())),
            log.right(3000).constData());
        QVERIFY2(log.contains("[zenovay] sending pageview"), log.right(3000).constData());
        QVERIFY2(log.contains("[zenovay] sent pageview: HTTP 202"), log.right(3000).constData());
        QVERIFY2(!log.contains("Uncaught"), log.right(3000).constData());
    }

    // data-do-not-track="true" and the browser's Do-Not-Track on: nothing is sent, not
    // even zenovay.track(); the setting alone (no attribute) changes nothing.
    void doNotTrackIsHonouredWhenTheSiteAsks()
    {
        Core::Website honours, ignores;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            honours = createWebsite(s.database());
            ignores = createWebsite(s.database());
        });
        const Visit quiet = browse(honours, true, true, 0, "[zenovay] not sent (Do Not Track is on): event");
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(quiet.log.contains("[zenovay] Do Not Track is on: nothing will be sent"),
                 quiet.log.right(3000).constData());
        QVERIFY2(quiet.log.contains("[zenovay] not sent (Do Not Track is on): event"), quiet.log.right(3000).constData());
        QVERIFY2(quiet.log.contains("Zenovay loaded"), quiet.log.right(3000).constData()); // zenovay is defined
        QCOMPARE(quiet.events.size(), 0);
        QVERIFY2(!quiet.log.contains("Uncaught"), quiet.log.right(3000).constData());

        const Visit counted = browse(ignores, false, true, 3, "sent event: HTTP 202");
        QCOMPARE(counted.events.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBrowser)
#include "tst_browser.moc"
