// Admin API over real HTTP: a website's analytics and ingest statistics for members of
// its team, and the ingest fields of the server status.
#include "adminclient.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include "core/ingest/eventpipeline.h"
#include "server/serverinstance.h"

#include <QDateTime>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Password = QStringLiteral("password-123");
}

class TestAdminAnalytics : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin, m_bob;
    QString m_site, m_code;

    quint16 port() const { return m_server->port(); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        const QJsonObject setup =
            adminSetup(port(), QStringLiteral("admin@example.com"), QStringLiteral("Ada"), Password);
        const QString team =
            setup.value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
        m_admin = adminLogin(port(), QStringLiteral("admin@example.com"), Password);
        QVERIFY(!adminCreateUser(port(), m_admin, QStringLiteral("bob@example.com"), QStringLiteral("Bob"),
                                 Password)
                     .isEmpty());
        m_bob = adminLogin(port(), QStringLiteral("bob@example.com"), Password);
        const HttpResult site =
            adminCall(port(), "POST", QStringLiteral("/websites"), m_admin,
                      QJsonObject{{QStringLiteral("team_id"), team},
                                  {QStringLiteral("name"), QStringLiteral("Shop")},
                                  {QStringLiteral("url"), QStringLiteral("https://example.com")}});
        QCOMPARE(site.status, 201);
        m_site = site.json().value(QStringLiteral("id")).toString();
        m_code = site.json().value(QStringLiteral("tracking_code")).toString();

        const QByteArray target = "/e/" + m_code.toLatin1();
        QCOMPARE(
            httpRequest(port(), "POST", target, {}, toJsonBytes(sampleEvent(QStringLiteral("/a")))).status,
            202);
        QCOMPARE(
            httpRequest(port(), "POST", target, {}, toJsonBytes(sampleEvent(QStringLiteral("/b")))).status,
            202);
        QJsonObject bot = sampleEvent();
        bot.insert(QStringLiteral("user_agent"), QStringLiteral("Googlebot/2.1"));
        QCOMPARE(httpRequest(port(), "POST", target, {}, toJsonBytes(bot)).status, 202);
        m_server->runOnServerThread([](Server::ServerInstance &s) { QVERIFY(s.eventPipeline().flush()); });
    }
    void cleanupTestCase() { m_server.reset(); }

    void analyticsForMembers()
    {
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        HttpResult r =
            adminCall(port(), "GET",
                      QStringLiteral("/websites/%1/analytics?from=%2&to=%2").arg(m_site, today), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject totals = r.json().value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("pageviews")).toInt(), 2);
        QCOMPARE(totals.value(QStringLiteral("visitors")).toInt(), 1);
        QCOMPARE(totals.value(QStringLiteral("sessions")).toInt(), 1);
        QCOMPARE(totals.value(QStringLiteral("bounce_rate")).toDouble(), 0.0);
        QCOMPARE(r.json().value(QStringLiteral("pages")).toArray().size(), 2);

        r = adminCall(port(), "GET", QStringLiteral("/websites/%1/analytics?from=yesterday").arg(m_site),
                      m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        r = adminCall(port(), "GET", QStringLiteral("/websites/%1/analytics").arg(m_site), m_bob);
        QCOMPARE(r.status, 404);
        r = adminCall(port(), "GET", QStringLiteral("/websites/%1/analytics").arg(m_site));
        QCOMPARE(r.status, 401);
    }

    void ingestStatsForMembers()
    {
        HttpResult r =
            adminCall(port(), "GET", QStringLiteral("/websites/%1/ingest-stats").arg(m_site), m_admin);
        QCOMPARE(r.status, 200);
        for (const char *window : {"last_24h", "last_7d", "all_time"}) {
            const QJsonObject w = r.json().value(QLatin1String(window)).toObject();
            QCOMPARE(w.value(QStringLiteral("accepted")).toInt(), 2);
            QCOMPARE(w.value(QStringLiteral("dropped")).toInt(), 1);
            QCOMPARE(
                w.value(QStringLiteral("dropped_by_reason")).toObject().value(QStringLiteral("bot")).toInt(),
                1);
        }
        r = adminCall(port(), "GET", QStringLiteral("/websites/%1/ingest-stats").arg(m_site), m_bob);
        QCOMPARE(r.status, 404);
    }

    void serverStatusHasTheIngestFields()
    {
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/server/status"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject ingest = r.json().value(QStringLiteral("ingest")).toObject();
        QCOMPARE(ingest.value(QStringLiteral("queue_depth")).toInt(), 0);
        QCOMPARE(ingest.value(QStringLiteral("committed_since_start")).toInt(), 2);
        QVERIFY(ingest.contains(QStringLiteral("events_per_second")));
        QCOMPARE(r.json().value(QStringLiteral("events_stored")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAdminAnalytics)
#include "tst_adminanalytics.moc"
