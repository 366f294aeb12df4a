// Admin API over real HTTP: server status, plan limits, audit log.
#include "admintestcase.h"

#include "server/serverinstance.h"

#include "wire/serverstatus.h"

#include "core/model/clock.h"
#include "core/model/timeutil.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace TestSupport;

namespace {
QJsonObject plan(const QString &name, const QJsonValue &perMinute, const QJsonValue &perMonth)
{
    return {{QStringLiteral("plan"), name},
            {QStringLiteral("per_minute"), perMinute},
            {QStringLiteral("per_month"), perMonth}};
}
} // namespace

class TestAdminServer : public AdminTestCase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = startAdminServer();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void statusReportsWhatExists()
    {
        // Two events stored directly, as the ingest would.
        m_server->runOnServerThread([](Server::ServerInstance &s) {
            for (int i = 0; i < 2; ++i) {
                Core::Statement q =
                    s.database().prepare(QStringLiteral("INSERT INTO events (website_id, event_type, url, "
                                                        "path, session_id, user_agent, device_type, "
                                                        "browser, os, occurred_at, received_at) VALUES ('w', "
                                                        "'pageview', 'https://x/', '/', 's', 'ua', "
                                                        "'desktop', 'b', 'o', 1, 1)"));
                Core::exec(q);
            }
        });
        m_clock->advanceMs(90'500);
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/server/status"), m_bob);
        QCOMPARE(r.status, 200);
        const QJsonObject s = r.json();
        QCOMPARE(s.value(QStringLiteral("version")).toString(), QStringLiteral(ZENOVAY_VERSION));
        QCOMPARE(s.value(QStringLiteral("started_at")).toString(), Core::Time::toIso(Start));
        QCOMPARE(s.value(QStringLiteral("uptime_seconds")).toInteger(), 90);
        QCOMPARE(s.value(QStringLiteral("events_stored")).toInteger(), 2);
        QCOMPARE(s.value(QStringLiteral("listening")).toArray(),
                 QJsonArray{QStringLiteral("http://127.0.0.1:%1").arg(port())});
        const QJsonObject db = s.value(QStringLiteral("database")).toObject();
        const QString path = db.value(QStringLiteral("path")).toString();
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_server->dataDir()).absoluteFilePath());
        QVERIFY(db.value(QStringLiteral("size_bytes")).toInteger() >= QFileInfo(path).size());
        QVERIFY(db.value(QStringLiteral("size_bytes")).toInteger() > 0);
        QVERIFY(db.value(QStringLiteral("schema_version")).toInt() >= 2);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/server/status")).status, 401);

        // What the desktop app reads of it, through the wire contract: every field it shows
        // is there (the app once looked for an ingest rate under a name the server never sent).
        const Wire::ServerStatus read = Wire::serverStatusFromJson(s);
        QCOMPARE(read.version, QStringLiteral(ZENOVAY_VERSION));
        QCOMPARE(read.uptimeS.value_or(-1), qint64(90));
        QCOMPARE(read.eventsStored.value_or(-1), qint64(2));
        QCOMPARE(read.listen, QStringList{QStringLiteral("http://127.0.0.1:%1").arg(port())});
        QCOMPARE(read.databasePath, path);
        QVERIFY(read.databaseSizeBytes.value_or(0) > 0);
        QVERIFY(read.ingestRatePerS.has_value());
        QCOMPARE(s.value(QStringLiteral("ingest"))
                     .toObject()
                     .value(QStringLiteral("events_per_second"))
                     .toDouble(-1),
                 *read.ingestRatePerS);
        QCOMPARE(read.ingestQueueDepth.value_or(-1), qint64(0));
    }

    void statusFieldsCanBeAdded()
    {
        m_server->runOnServerThread([](Server::ServerInstance &s) {
            s.context().status.add(QLatin1StringView("queue_depth"), [] { return 7; });
        });
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/server/status"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("queue_depth")).toInt(), 7);
        QVERIFY(r.json().contains(QStringLiteral("version")));
    }

    void plansHaveTheGuidesDefaults()
    {
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/server/plans"), m_bob);
        QCOMPARE(r.status, 200);
        const QJsonArray expected{plan(QStringLiteral("free"), 0, 0), plan(QStringLiteral("pro"), 30, 10000),
                                  plan(QStringLiteral("scale"), 60, 100000),
                                  plan(QStringLiteral("enterprise"), 120, 1000000)};
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray(), expected);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 4);
    }

    void onlyServerAdminsChangePlans()
    {
        const QJsonObject body{{QStringLiteral("data"), QJsonArray{plan(QStringLiteral("pro"), 45, 20000)}}};
        HttpResult r = adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_bob, body);
        QCOMPARE(r.status, 403);
        QCOMPARE(codeOf(r), QStringLiteral("FORBIDDEN"));
        const quint64 before = epoch();
        r = adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_admin, body);
        QCOMPARE(r.status, 200);
        QVERIFY(epoch() > before);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray()[1].toObject(),
                 plan(QStringLiteral("pro"), 45, 20000));
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray()[2].toObject(),
                 plan(QStringLiteral("scale"), 60, 100000));
        r = adminCall(port(), "GET", QStringLiteral("/server/plans"), m_bob);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray()[1].toObject(),
                 plan(QStringLiteral("pro"), 45, 20000));
    }

    void planValidation()
    {
        const quint64 before = epoch();
        HttpResult r = adminCall(
            port(), "PUT", QStringLiteral("/server/plans"), m_admin,
            QJsonObject{{QStringLiteral("data"),
                         QJsonArray{plan(QStringLiteral("pro"), -1, 10), plan(QStringLiteral("gold"), 1, 1),
                                    plan(QStringLiteral("pro"), 1, 1),
                                    QJsonObject{{QStringLiteral("plan"), QStringLiteral("scale")}}}}});
        QCOMPARE(r.status, 422);
        const QJsonObject d = detailsOf(r);
        QCOMPARE(d.value(QStringLiteral("data[0].per_minute")).toString(),
                 QStringLiteral("Must be a whole number from 0 to 1000000000000"));
        QCOMPARE(d.value(QStringLiteral("data[1].plan")).toString(),
                 QStringLiteral("Plan must be free, pro, scale or enterprise"));
        QCOMPARE(d.value(QStringLiteral("data[2].plan")).toString(), QStringLiteral("Plan listed twice"));
        QCOMPARE(d.value(QStringLiteral("data[3].per_month")).toString(), QStringLiteral("Required"));
        r = adminCall(
            port(), "PUT", QStringLiteral("/server/plans"), m_admin,
            QJsonObject{{QStringLiteral("data"), QJsonArray{plan(QStringLiteral("pro"), 1.5, 10)}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(detailsOf(r).value(QStringLiteral("parameter")).toString(),
                 QStringLiteral("data[0].per_minute"));
        r = adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_admin,
                      QJsonObject{{QStringLiteral("data"),
                                   QJsonArray{plan(QStringLiteral("pro"), QStringLiteral("30"), 10)}}});
        QCOMPARE(r.status, 400);
        r = adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_admin,
                      QJsonObject{{QStringLiteral("data"), 5}});
        QCOMPARE(r.status, 400);
        QCOMPARE(detailsOf(r).value(QStringLiteral("parameter")).toString(), QStringLiteral("data"));
        QCOMPARE(epoch(), before);
        // Nothing was changed by the refused requests.
        r = adminCall(port(), "GET", QStringLiteral("/server/plans"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray()[1].toObject(),
                 plan(QStringLiteral("pro"), 45, 20000));
    }

    void auditIsPagedNewestFirstForServerAdmins()
    {
        HttpResult r = adminCall(port(), "GET", QStringLiteral("/audit?per_page=2"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 2);
        QVERIFY(r.json().value(QStringLiteral("total")).toInt() >= 5);
        const QJsonObject newest = data[0].toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("plans.updated"));
        QCOMPARE(newest.value(QStringLiteral("ip")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(data[0].toObject().value(QStringLiteral("id")).toInt() >
                data[1].toObject().value(QStringLiteral("id")).toInt());
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/audit"), m_bob).status, 403);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/audit")).status, 401);
    }

    void unknownAdminPathsAre404And405()
    {
        HttpResult r = adminCall(port(), "GET", QStringLiteral("/team"), m_admin);
        QCOMPARE(r.status, 404);
        r = adminCall(port(), "DELETE", QStringLiteral("/server/plans"), m_admin);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD, PUT, OPTIONS"));
    }
};

QTEST_GUILESS_MAIN(TestAdminServer)
#include "tst_adminserver.moc"
