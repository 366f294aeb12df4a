// Per-key rate limits, monthly quotas, their headers, and changes that must apply on
// the very next request. The server runs on a ManualClock.
#include "fixtures.h"
#include "httpclient.h"
#include "testserver.h"

#include "core/keys/keyactivity.h"
#include "core/model/timeutil.h"
#include "server/external/externalapi.h"
#include "server/serverinstance.h"

#include "wire/keyreports.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtConcurrent>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace TestSupport;
using Core::Plan;

namespace {
const QByteArray Usage = "/api/external/v1/usage";
const qint64 Start = *Core::Time::parseIso(QStringLiteral("2026-06-13T12:00:10.000Z"));

QString code(const HttpResult &r)
{
    return r.json().value(QStringLiteral("code")).toString();
}
} // namespace

class TestExternalLimits : public QObject
{
    Q_OBJECT

    struct World
    {
        std::shared_ptr<Core::ManualClock> clock = std::make_shared<Core::ManualClock>(Start);
        std::unique_ptr<TestServer> server;
        Core::User user;
        Core::Team team;
        SeededKey key;

        explicit World(const QString &dataDir = {})
        {
            server = std::make_unique<TestServer>([&](Server::ServerConfig &c) {
                c.clock = clock;
                if (!dataDir.isEmpty())
                    c.dataDir = dataDir;
            });
        }
        void seed()
        {
            user = Fixtures::createUser(*server, QStringLiteral("limits@example.com"));
            team = Fixtures::createTeam(*server, QStringLiteral("Pro"), Plan::Pro, user.id);
            key = Fixtures::createKey(*server, user.id, team.id, {QStringLiteral("read")});
        }
        HttpResult get(const QByteArray &path = Usage) const
        {
            return httpRequest(server->port(), "GET", path, {{"X-API-Key", key.key.toLatin1()}});
        }
    };

private slots:
    void exactlyTheLimitSucceedsUnderConcurrency()
    {
        World w;
        w.seed();
        QThreadPool pool;
        pool.setMaxThreadCount(50);
        QList<QFuture<int>> futures;
        for (int i = 0; i < 100; ++i)
            futures << QtConcurrent::run(&pool, [&w] { return w.get("/api/external/v1/websites").status; });
        int ok = 0, limited = 0;
        for (auto &f : futures) {
            const int status = f.result();
            ok += status == 200;
            limited += status == 429;
        }
        QCOMPARE(ok, 30);
        QCOMPARE(limited, 70);
        QCOMPARE(w.get().header("X-Usage-Monthly"), QByteArray("30"));
    }

    void headersOnEveryAuthenticatedResponse()
    {
        World w;
        w.seed();
        const HttpResult first = w.get();
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("30"));
        QCOMPARE(first.header("X-RateLimit-Remaining"), QByteArray("29"));
        QCOMPARE(first.header("X-RateLimit-Reset"), QByteArray("2026-06-13T12:01:00.000Z"));
        QCOMPARE(first.header("X-Usage-Monthly"), QByteArray("1"));
        QCOMPARE(first.header("X-Usage-Limit"), QByteArray("10000"));
        QCOMPARE(first.header("RateLimit-Policy"), QByteArray("\"minute\";q=30;w=60"));
        QCOMPARE(first.header("RateLimit"), QByteArray("\"minute\";r=29;t=50"));
        // Error responses after the limiter carry them too (here a 404 for an unknown id).
        const HttpResult missing = w.get("/api/external/v1/websites/nope");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("X-RateLimit-Remaining"), QByteArray("28"));
        QCOMPARE(missing.header("X-Usage-Monthly"), QByteArray("2"));
        static const QRegularExpression iso(
            QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"));
        QVERIFY(iso.match(QString::fromLatin1(missing.header("X-RateLimit-Reset"))).hasMatch());
    }

    void minuteWindowRollsOver()
    {
        World w;
        w.seed();
        for (int i = 0; i < 30; ++i)
            QCOMPARE(w.get().status, 200);
        const HttpResult limited = w.get();
        QCOMPARE(limited.status, 429);
        QCOMPARE(code(limited), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(limited.header("Retry-After"), QByteArray("50"));
        QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
        QCOMPARE(limited.header("X-Usage-Monthly"), QByteArray("30")); // the 429 is not counted
        w.clock->advanceMs(49'500);                                    // 12:00:59.5
        QCOMPARE(w.get().header("Retry-After"), QByteArray("1"));
        w.clock->advanceMs(500); // 12:01:00.000, a new window
        const HttpResult next = w.get();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.header("X-RateLimit-Remaining"), QByteArray("29"));
        QCOMPARE(next.header("X-RateLimit-Reset"), QByteArray("2026-06-13T12:02:00.000Z"));
        QCOMPARE(next.header("X-Usage-Monthly"), QByteArray("31"));
    }

    void monthlyQuotaResetsAtTheStartOfTheNextMonth()
    {
        World w;
        w.seed();
        Fixtures::setPlanLimits(*w.server, Plan::Pro, 1000, 5);
        w.clock->setMs(*Core::Time::parseIso(QStringLiteral("2026-06-30T23:59:00.000Z")));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(w.get().status, 200);
        const HttpResult over = w.get();
        QCOMPARE(over.status, 429);
        QCOMPARE(code(over), QStringLiteral("MONTHLY_QUOTA_EXCEEDED"));
        QCOMPARE(over.header("Retry-After"), QByteArray("60"));
        QCOMPARE(over.header("X-Usage-Monthly"), QByteArray("5"));
        QCOMPARE(over.header("X-Usage-Limit"), QByteArray("5"));
        w.clock->setMs(*Core::Time::parseIso(QStringLiteral("2026-07-01T00:00:00.000Z")));
        const HttpResult july = w.get();
        QCOMPARE(july.status, 200);
        QCOMPARE(july.header("X-Usage-Monthly"), QByteArray("1"));
        // June's total was kept for the usage history.
        Fixtures::flushBooks(*w.server);
        QJsonObject report;
        w.server->runOnServerThread([&](Server::ServerInstance &s) {
            report = Wire::toJson(
                s.externalApi().books().usageReport(w.key.id, {Plan::Pro, 1000, 5}, w.clock->nowMs(), 5));
        });
        const QJsonArray months = report.value(QStringLiteral("months")).toArray();
        QCOMPARE(months.size(), 2);
        QCOMPARE(months[1][QStringLiteral("month")].toString(), QStringLiteral("2026-06"));
        QCOMPARE(months[1][QStringLiteral("used")].toInt(), 5);
    }

    void changesApplyOnTheNextRequest()
    {
        World w;
        w.seed();
        const auto site = Fixtures::createWebsite(*w.server, w.team.id, QStringLiteral("S"));
        const QByteArray sitePath = "/api/external/v1/websites/" + site.id.toLatin1();
        QCOMPARE(w.get(sitePath).status, 200);

        // Membership removal cuts the key off the team's websites (and the billing team).
        const auto second = Fixtures::createTeam(*w.server, QStringLiteral("Second"), Plan::Scale, w.user.id);
        const auto siteB = Fixtures::createWebsite(*w.server, second.id, QStringLiteral("B"));
        const auto keyB = Fixtures::createKey(*w.server, w.user.id, w.team.id, {QStringLiteral("read")});
        const QByteArray pathB = "/api/external/v1/websites/" + siteB.id.toLatin1();
        auto getB = [&] {
            return httpRequest(w.server->port(), "GET", pathB, {{"X-API-Key", keyB.key.toLatin1()}});
        };
        QCOMPARE(getB().status, 200);
        const auto owner2 = Fixtures::createUser(*w.server, QStringLiteral("owner2@example.com"));
        Fixtures::addMember(*w.server, second.id, owner2.id, Core::Role::Owner);
        Fixtures::removeMember(*w.server, second.id, w.user.id);
        const HttpResult cut = getB();
        QCOMPARE(cut.status, 403);
        QCOMPARE(code(cut), QStringLiteral("WEBSITE_ACCESS_DENIED"));

        // Plan downgrade of the billing team turns the key off.
        Fixtures::setPlan(*w.server, w.team.id, Plan::Free);
        const HttpResult downgraded = w.get(sitePath);
        QCOMPARE(downgraded.status, 403);
        QCOMPARE(code(downgraded), QStringLiteral("API_PAID_PLAN_REQUIRED"));
        Fixtures::setPlan(*w.server, w.team.id, Plan::Scale);
        const HttpResult upgraded = w.get(sitePath);
        QCOMPARE(upgraded.status, 200);
        QCOMPARE(upgraded.header("X-RateLimit-Limit"), QByteArray("60"));

        // Expiry passes with the clock.
        const auto expiring = Fixtures::createKey(*w.server, w.user.id, w.team.id, {QStringLiteral("read")},
                                                  Core::TeamAccess{}, Start + 60'000);
        auto getE = [&] {
            return httpRequest(w.server->port(), "GET", Usage, {{"X-API-Key", expiring.key.toLatin1()}});
        };
        QCOMPARE(getE().status, 200);
        w.clock->advanceMs(60'000);
        QCOMPARE(code(getE()), QStringLiteral("API_KEY_EXPIRED"));

        // A disabled owner's keys stop at once.
        Fixtures::disableUser(*w.server, w.user.id);
        QCOMPARE(code(w.get(sitePath)), QStringLiteral("API_KEY_REVOKED"));
    }

    void usageSurvivesARestart()
    {
        QTemporaryDir dir;
        SeededKey key;
        {
            World w(dir.path());
            w.seed();
            key = w.key;
            for (int i = 0; i < 30; ++i)
                QCOMPARE(w.get().status, 200);
            QCOMPARE(w.get().status, 429);
        } // graceful stop flushes the books
        World again(dir.path());
        again.key = key;
        // Same minute: the window is still full; the month keeps counting.
        const HttpResult stillLimited = again.get();
        QCOMPARE(stillLimited.status, 429);
        QCOMPARE(stillLimited.header("X-Usage-Monthly"), QByteArray("30"));
        again.clock->advanceMs(60'000);
        QCOMPARE(again.get().header("X-Usage-Monthly"), QByteArray("31"));
    }

    void activityIsRecordedWithoutTheKey()
    {
        World w;
        w.seed();
        QSet<QByteArray> requestIds;
        for (int i = 0; i < 32; ++i)
            requestIds.insert(w.get().header("X-Request-Id"));
        requestIds.insert(w.get("/api/external/v1/websites/nope").header("X-Request-Id"));
        Fixtures::flushBooks(*w.server);
        QJsonObject activity, requests;
        w.server->runOnServerThread([&](Server::ServerInstance &s) {
            activity =
                Wire::toJson(Core::KeyActivity::activityReport(s.database(), w.key.id, w.clock->nowMs(), 24));
            requests = Wire::toJson(Core::KeyActivity::requestsReport(s.database(), w.key.id, 100));
        });
        QCOMPARE(activity[QStringLiteral("accepted")][QStringLiteral("last_24h")].toInt(), 30);
        QCOMPARE(activity[QStringLiteral("rejected")][QStringLiteral("all_time")].toInt(), 3);
        QCOMPARE(activity[QStringLiteral("last_used_at")].toString(), Core::Time::toIso(Start));
        QMap<QString, int> byCode;
        for (const QJsonValue &v : activity[QStringLiteral("rejected_by_code")].toArray())
            byCode[v[QStringLiteral("code")].toString()] = v[QStringLiteral("all_time")].toInt();
        QCOMPARE(byCode.value(QStringLiteral("RATE_LIMIT_EXCEEDED")), 3); // 2 on /usage + the 404's turn
        const QJsonArray hourly = activity[QStringLiteral("hourly")].toArray();
        QCOMPARE(hourly.size(), 24);
        QCOMPARE(hourly.last()[QStringLiteral("accepted")].toInt(), 30);
        const QJsonArray log = requests[QStringLiteral("data")].toArray();
        QCOMPARE(log.size(), 33);
        QCOMPARE(requests[QStringLiteral("total")].toInt(), 33);
        for (const QJsonValue &entry : log) {
            QVERIFY(requestIds.contains(entry[QStringLiteral("request_id")].toString().toLatin1()));
            QVERIFY(entry[QStringLiteral("latency_ms")].toDouble() >= 0);
        }
        QCOMPARE(log.first()[QStringLiteral("status")].toInt(), 429);
        // Nothing on disk holds the key.
        QDirIterator it(w.server->dataDir(), QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(w.key.key.mid(3).toLatin1()), qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestExternalLimits)
#include "tst_externallimits.moc"
