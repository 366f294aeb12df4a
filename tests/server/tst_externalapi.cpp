// The external API's status table (contract section 3), one test per row, over real HTTP.
#include "fixtures.h"
#include "httpclient.h"
#include "testserver.h"

#include "core/keys/apikeyformat.h"
#include "core/model/timeutil.h"
#include "server/external/externalauth.h"
#include "server/http/httpengine.h"
#include "server/http/router.h"
#include "server/serverinstance.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <atomic>

using namespace TestSupport;
using Core::Plan;

namespace {
const QByteArray Base = "/api/external/v1";
const QString PaidPlanMessage =
    QStringLiteral("The Zenovay API requires a paid plan. Upgrade to Pro or higher to use API keys.");

QString code(const HttpResult &r)
{
    return r.json().value(QStringLiteral("code")).toString();
}
QString message(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toString();
}
} // namespace

class TestExternalApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    Core::User m_alice;
    Core::Team m_pro, m_other, m_free;
    Core::Website m_site, m_foreignSite;
    SeededKey m_full, m_readOnly;

    HttpResult get(const QByteArray &path, const QByteArray &key)
    {
        return httpRequest(m_server->port(), "GET", Base + path, {{"X-API-Key", key}});
    }
    HttpResult send(const QByteArray &method, const QByteArray &path, const QByteArray &key,
                    const QByteArray &body, const QByteArray &contentType = "application/json")
    {
        return httpRequest(m_server->port(), method, Base + path,
                           {{"X-API-Key", key}, {"Content-Type", contentType}}, body);
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->isRunning());
        m_alice = Fixtures::createUser(*m_server, QStringLiteral("alice@example.com"));
        const auto bob = Fixtures::createUser(*m_server, QStringLiteral("bob@example.com"));
        m_pro = Fixtures::createTeam(*m_server, QStringLiteral("Pro team"), Plan::Pro, m_alice.id);
        m_free = Fixtures::createTeam(*m_server, QStringLiteral("Free team"), Plan::Free, m_alice.id);
        m_other = Fixtures::createTeam(*m_server, QStringLiteral("Bob's team"), Plan::Scale, bob.id);
        m_site = Fixtures::createWebsite(*m_server, m_pro.id, QStringLiteral("Main site"));
        m_foreignSite = Fixtures::createWebsite(*m_server, m_other.id, QStringLiteral("Bob's site"));
        m_full =
            Fixtures::createKey(*m_server, m_alice.id, m_pro.id,
                                {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")});
        m_readOnly = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, {QStringLiteral("read")});
    }
    void cleanupTestCase() { m_server.reset(); }

    void validKeyWorks()
    {
        const HttpResult r = get("/usage", m_full.key.toLatin1());
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("plan")).toString(), QStringLiteral("pro"));
        QCOMPARE(body[QStringLiteral("key")][QStringLiteral("prefix")].toString(), m_full.key.left(11));
        QVERIFY(!r.body.contains(m_full.key.toLatin1()));
        QCOMPARE(body[QStringLiteral("monthly")][QStringLiteral("limit")].toInt(), 10000);
    }

    void missingHeaderIsApiKeyNotFound_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QString>("where");
        QTest::newRow("no key at all") << QByteArray("/usage") << QByteArray() << QString();
        QTest::newRow("Api-Key header")
            << QByteArray("/usage") << QByteArray("Api-Key") << QStringLiteral("Api-Key");
        QTest::newRow("Authorization")
            << QByteArray("/usage") << QByteArray("Authorization") << QStringLiteral("Authorization");
        QTest::newRow("query parameter") << QByteArray("/usage?api_key=KEY") << QByteArray()
                                         << QStringLiteral("query parameter 'api_key'");
    }
    void missingHeaderIsApiKeyNotFound()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headerName);
        QFETCH(QString, where);
        target.replace("KEY", m_full.key.toLatin1());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!headerName.isEmpty())
            headers.append({headerName, headerName == "Authorization" ? "Bearer " + m_full.key.toLatin1()
                                                                      : m_full.key.toLatin1()});
        const HttpResult r = httpRequest(m_server->port(), "GET", Base + target, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("API_KEY_NOT_FOUND"));
        QVERIFY2(message(r).contains(QStringLiteral("X-API-Key")), qPrintable(message(r)));
        if (!where.isEmpty())
            QVERIFY2(message(r).contains(where), qPrintable(message(r)));
        QVERIFY(!r.header("X-Request-Id").isEmpty());
        QVERIFY(r.header("X-RateLimit-Limit").isEmpty()); // no key, no limit headers
    }

    void malformedKeyIsInvalidApiKey_data()
    {
        QTest::addColumn<QByteArray>("key");
        const QByteArray good = Core::ApiKeyFormat::generate().key.toLatin1();
        QTest::newRow("guide's wrong format") << QByteArray("abc123_not_valid...");
        QTest::newRow("no prefix") << good.mid(3);
        QTest::newRow("truncated") << good.left(30);
        QTest::newRow("bad alphabet") << QByteArray(good).replace(10, 1, "!");
        QByteArray typo = good;
        typo[15] = typo[15] == 'a' ? 'b' : 'a';
        QTest::newRow("one character mistyped") << typo;
    }
    void malformedKeyIsInvalidApiKey()
    {
        QFETCH(QByteArray, key);
        const HttpResult r = get("/usage", key);
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("INVALID_API_KEY"));
        QVERIFY2(message(r).contains(QStringLiteral("zv_")), qPrintable(message(r)));
    }

    void unknownWellFormedKeyIsInvalidApiKey()
    {
        const HttpResult r = get("/usage", Core::ApiKeyFormat::generate().key.toLatin1());
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("INVALID_API_KEY"));
    }

    void revokedKey()
    {
        const auto key = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, {QStringLiteral("read")});
        QCOMPARE(get("/usage", key.key.toLatin1()).status, 200);
        Fixtures::revokeKey(*m_server, key.id);
        const HttpResult r = get("/usage", key.key.toLatin1()); // the very next request
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("API_KEY_REVOKED"));
        // The way out names a place this product has (not the hosted product's settings).
        const QString message = r.json().value(QStringLiteral("error")).toString();
        QVERIFY2(message.contains(QStringLiteral("Personal API keys page of the Zenovay Admin app")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("Settings")), qPrintable(message));
    }

    void expiredKey()
    {
        qint64 now = 0;
        m_server->runOnServerThread([&](Server::ServerInstance &s) { now = s.context().clock.nowMs(); });
        const auto expired = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, {QStringLiteral("read")},
                                                 Core::TeamAccess{}, now - 1000);
        const HttpResult r = get("/usage", expired.key.toLatin1());
        QCOMPARE(r.status, 401);
        QCOMPARE(code(r), QStringLiteral("API_KEY_EXPIRED"));
        const auto valid = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, {QStringLiteral("read")},
                                               Core::TeamAccess{}, now + 3'600'000);
        QCOMPARE(get("/usage", valid.key.toLatin1()).status, 200);
    }

    void freePlanNeedsUpgrade()
    {
        const auto key = Fixtures::createKey(*m_server, m_alice.id, m_free.id, {QStringLiteral("read")});
        const HttpResult r = get("/websites", key.key.toLatin1());
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("API_PAID_PLAN_REQUIRED"));
        QCOMPARE(message(r), PaidPlanMessage);
    }

    void missingPermission()
    {
        const HttpResult r = send("POST", "/websites", m_readOnly.key.toLatin1(),
                                  "{\"team_id\":\"x\",\"name\":\"n\",\"url\":\"https://a.example\"}");
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("INSUFFICIENT_PERMISSION"));
        QVERIFY(message(r).contains(QStringLiteral("write")));
        const HttpResult del =
            send("DELETE", "/websites/" + m_site.id.toLatin1(), m_readOnly.key.toLatin1(), {});
        QCOMPARE(del.status, 403);
        QCOMPARE(code(del), QStringLiteral("INSUFFICIENT_PERMISSION"));
    }

    // A key does no more than its user could in the admin API: deleting a website takes
    // an owner or admin of its team, whatever the key's permissions (issue 11).
    void deletingAWebsiteTakesATeamAdmin()
    {
        const auto carol = Fixtures::createUser(*m_server, QStringLiteral("carol@example.com"));
        Fixtures::addMember(*m_server, m_pro.id, carol.id, Core::Role::Member);
        const auto key =
            Fixtures::createKey(*m_server, carol.id, m_pro.id,
                                {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")});
        const auto site = Fixtures::createWebsite(*m_server, m_pro.id, QStringLiteral("Doomed"));
        const QByteArray path = "/websites/" + site.id.toLatin1();
        HttpResult r = send("DELETE", path, key.key.toLatin1(), {});
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("INSUFFICIENT_PERMISSION"));
        QVERIFY(message(r).contains(QLatin1String("owner or admin")));
        QCOMPARE(get(path, key.key.toLatin1()).status, 200);
        // Reading and changing stay open to members.
        QCOMPARE(send("PATCH", path, key.key.toLatin1(), R"({"name":"Still here"})").status, 200);

        Fixtures::removeMember(*m_server, m_pro.id, carol.id);
        Fixtures::addMember(*m_server, m_pro.id, carol.id, Core::Role::Admin);
        QCOMPARE(send("DELETE", path, key.key.toLatin1(), {}).status, 204);
        QCOMPARE(get(path, m_full.key.toLatin1()).status, 404);
    }

    void websiteOutsideReachIsDenied()
    {
        const HttpResult r = get("/websites/" + m_foreignSite.id.toLatin1(), m_full.key.toLatin1());
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("WEBSITE_ACCESS_DENIED"));
        QCOMPARE(message(r), QStringLiteral("Access denied to this website"));
        // A key limited to other teams does not reach the user's own team either.
        const auto scoped = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, {QStringLiteral("read")},
                                                Core::TeamAccess{false, {m_free.id}});
        QCOMPARE(code(get("/websites/" + m_site.id.toLatin1(), scoped.key.toLatin1())),
                 QStringLiteral("WEBSITE_ACCESS_DENIED"));
    }

    void unknownRoutesAndIdsAre404()
    {
        HttpResult r = get("/website/" + m_site.id.toLatin1(), m_full.key.toLatin1());
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QStringLiteral("NOT_FOUND"));
        r = get("/websites/00000000-0000-0000-0000-000000000000", m_full.key.toLatin1());
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QStringLiteral("NOT_FOUND"));
        QCOMPARE(get("/websites/" + m_site.id.toLatin1(), m_full.key.toLatin1()).status, 200);
    }

    void invalidJsonIs400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("trailing comma")
            << QByteArray("{ \"name\": \"Test\", }") << QByteArray("application/json");
        QTest::newRow("truncated") << QByteArray("{\"name\": \"Te") << QByteArray("application/json");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QByteArray("application/json");
        QTest::newRow("form content type")
            << QByteArray("name=Test") << QByteArray("application/x-www-form-urlencoded");
    }
    void invalidJsonIs400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const HttpResult r = send("POST", "/websites", m_full.key.toLatin1(), body, contentType);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("INVALID_JSON"));
        QVERIFY(!message(r).isEmpty());
        if (contentType == "application/json" && body.startsWith('{'))
            QVERIFY2(message(r).contains(QStringLiteral("offset")), qPrintable(message(r)));
    }

    void malformedParametersAre400()
    {
        HttpResult r = get("/websites?page=abc", m_full.key.toLatin1());
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY(message(r).contains(QStringLiteral("page")));
        r = get("/websites?per_page=1000", m_full.key.toLatin1());
        QCOMPARE(code(r), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY(message(r).contains(QStringLiteral("per_page")));
        r = send("POST", "/websites", m_full.key.toLatin1(),
                 "{\"team_id\": \"" + m_pro.id.toLatin1() +
                     "\", \"name\": 1, \"url\": \"https://a.example\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY(message(r).contains(QStringLiteral("name")));
    }

    void validationFailuresAre422WithDetails()
    {
        const QByteArray body = "{\"team_id\": \"" + m_pro.id.toLatin1() + "\", \"name\": \"" +
                                QByteArray(101, 'n') + "\", \"url\": \"not a url\"}";
        const HttpResult r = send("POST", "/websites", m_full.key.toLatin1(), body);
        QCOMPARE(r.status, 422);
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(json[QStringLiteral("details")][QStringLiteral("url")].toString(),
                 QStringLiteral("Invalid URL format"));
        QCOMPARE(json[QStringLiteral("details")][QStringLiteral("name")].toString(),
                 QStringLiteral("Name too long (max 100 characters)"));
    }

    void serviceUnavailableWhileShuttingDown()
    {
        TestServer server;
        server.runOnServerThread([](Server::ServerInstance &s) { s.engine().setDraining(true); });
        const HttpResult r = httpRequest(server.port(), "GET", Base + "/usage", {{"X-API-Key", "zv_x"}});
        QCOMPARE(r.status, 503);
        QCOMPARE(code(r), QStringLiteral("SERVICE_UNAVAILABLE"));
        QVERIFY(r.header("Retry-After").toInt() >= 1);
    }

    void serviceUnavailableWhenTheDatabaseFails()
    {
        TestServer server;
        const auto u = Fixtures::createUser(server, QStringLiteral("db@example.com"));
        const auto t = Fixtures::createTeam(server, QStringLiteral("T"), Plan::Pro, u.id);
        const auto key = Fixtures::createKey(server, u.id, t.id, {QStringLiteral("read")});
        QCOMPARE(
            httpRequest(server.port(), "GET", Base + "/websites", {{"X-API-Key", key.key.toLatin1()}}).status,
            200);
        server.runOnServerThread([](Server::ServerInstance &s) {
            QSqlQuery(s.database().connection()).exec(QStringLiteral("DROP TABLE websites"));
        });
        const HttpResult r =
            httpRequest(server.port(), "GET", Base + "/websites", {{"X-API-Key", key.key.toLatin1()}});
        QCOMPARE(r.status, 503);
        QCOMPARE(code(r), QStringLiteral("SERVICE_UNAVAILABLE"));
        QVERIFY(!r.header("Retry-After").isEmpty());
        QVERIFY(!r.body.contains("websites")); // no driver message leaks
    }

    // The permission of every key route, as the contract (section 3) states it, checked
    // against the running server: a key holding every other permission is refused with
    // 403 INSUFFICIENT_PERMISSION, a key holding it is not (ids that do not exist, so
    // nothing is changed). Every key route the router has must be in this table.
    void everyKeyRouteNeedsItsContractPermission()
    {
        using P = Core::Permissions;
        const QHash<QString, quint8> contract{
            {QStringLiteral("GET /api/external/v1/usage"), 0},
            {QStringLiteral("GET /api/external/v1/websites"), P::Read},
            {QStringLiteral("POST /api/external/v1/websites"), P::Write},
            {QStringLiteral("GET /api/external/v1/websites/{id}"), P::Read},
            {QStringLiteral("PATCH /api/external/v1/websites/{id}"), P::Write},
            {QStringLiteral("DELETE /api/external/v1/websites/{id}"), P::Admin},
            {QStringLiteral("GET /api/external/v1/analytics/{websiteId}"), P::Read},
            {QStringLiteral("GET /api/external/v1/analytics/{websiteId}/realtime"), P::Read},
            {QStringLiteral("GET /api/external/v1/analytics/{websiteId}/event-properties"), P::Read},
            {QStringLiteral("GET /api/external/v1/analytics/{websiteId}/export"), P::Read},
            {QStringLiteral("POST /api/external/v1/events"), P::Write},
        };
        QList<Server::RouteSpec> routes;
        m_server->runOnServerThread(
            [&](Server::ServerInstance &s) { routes = s.engine().router().routes(); });
        int checked = 0;
        for (const Server::RouteSpec &route : std::as_const(routes)) {
            if (route.access != Server::Access::ApiKey || route.pattern.contains(QLatin1String("declared")))
                continue;
            const QString op = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            QVERIFY2(contract.contains(op), qPrintable(op + QStringLiteral(" is not in the contract table")));
            QCOMPARE(route.permission, contract.value(op));
            if (route.permission == 0)
                continue;
            QString path = route.pattern;
            path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("no-such-id"));
            const QByteArray body =
                "{\"website_id\":\"no-such-id\",\"name\":\"x\",\"url\":\"https://x.example\"}";
            const Core::Permissions needed{route.permission};
            const Core::Permissions others{quint8(~route.permission & 7)};
            const auto without = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, others.names());
            const auto with = Fixtures::createKey(*m_server, m_alice.id, m_pro.id, needed.names());
            const QString what = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            const HttpResult refused = httpRequest(
                m_server->port(), route.method, path.toLatin1(),
                {{"X-API-Key", without.key.toLatin1()}, {"Content-Type", "application/json"}}, body);
            QVERIFY2(refused.status == 403 && code(refused) == QLatin1String("INSUFFICIENT_PERMISSION"),
                     qPrintable(what + QStringLiteral(" without ") + needed.names().join(QLatin1Char(','))));
            const HttpResult admitted =
                httpRequest(m_server->port(), route.method, path.toLatin1(),
                            {{"X-API-Key", with.key.toLatin1()}, {"Content-Type", "application/json"}}, body);
            QVERIFY2(code(admitted) != QLatin1String("INSUFFICIENT_PERMISSION") && admitted.status != 401,
                     qPrintable(what + QStringLiteral(" with ") + needed.names().join(QLatin1Char(','))));
            ++checked;
        }
        QCOMPARE(checked, 10);
    }

    // What a route declares is what the engine enforces: a handler that checks nothing
    // itself is still behind the key, plan and permission checks of its declaration; a
    // handler reading a caller its route does not declare fails closed (500).
    void declaredAccessIsEnforcedBeforeTheHandler()
    {
        // counted on the server's thread; the routes stay registered after this test
        const auto handled = std::make_shared<std::atomic<int>>(0);
        m_server->runOnServerThread([handled](Server::ServerInstance &s) {
            s.engine().router().add({"GET", QStringLiteral("/api/external/v1/declared"),
                                     Server::Access::ApiKey, Core::Permissions::Admin},
                                    [handled](Server::Request &request) {
                                        ++*handled;
                                        return Server::HttpResponse::json(
                                            200,
                                            QJsonObject{{QStringLiteral("key"),
                                                         Server::ExternalAuth::principalOf(request).key.id}});
                                    });
            s.engine().router().add({"GET", QStringLiteral("/undeclared")}, [](Server::Request &request) {
                return Server::HttpResponse::json(
                    200,
                    QJsonObject{{QStringLiteral("key"), Server::ExternalAuth::principalOf(request).key.id}});
            });
        });
        const QByteArray path = Base + "/declared";
        QCOMPARE(code(httpRequest(m_server->port(), "GET", path)), QStringLiteral("API_KEY_NOT_FOUND"));
        QCOMPARE(code(httpRequest(m_server->port(), "GET", path, {{"X-API-Key", "zv_short"}})),
                 QStringLiteral("INVALID_API_KEY"));
        const HttpResult readOnly =
            httpRequest(m_server->port(), "GET", path, {{"X-API-Key", m_readOnly.key.toLatin1()}});
        QCOMPARE(readOnly.status, 403);
        QCOMPARE(code(readOnly), QStringLiteral("INSUFFICIENT_PERMISSION"));
        QVERIFY(!readOnly.header("X-RateLimit-Limit").isEmpty());
        QCOMPARE(handled->load(), 0);
        const HttpResult admitted =
            httpRequest(m_server->port(), "GET", path, {{"X-API-Key", m_full.key.toLatin1()}});
        QCOMPARE(admitted.status, 200);
        QCOMPARE(admitted.json().value(QStringLiteral("key")).toString(), m_full.id);
        QCOMPARE(handled->load(), 1);
        const HttpResult undeclared =
            httpRequest(m_server->port(), "GET", "/undeclared", {{"X-API-Key", m_full.key.toLatin1()}});
        QCOMPARE(undeclared.status, 500);
        QCOMPARE(code(undeclared), QStringLiteral("INTERNAL_ERROR"));
    }

    void unexpectedFailureIs500WithoutDetails()
    {
        TestServer server;
        server.runOnServerThread([](Server::ServerInstance &s) {
            s.engine().router().add({"GET", QStringLiteral("/boom")},
                                    [](Server::Request &) -> Server::HttpResponse {
                                        throw std::runtime_error("secret internal detail");
                                    });
        });
        const HttpResult r = httpRequest(server.port(), "GET", "/boom");
        QCOMPARE(r.status, 500);
        QCOMPARE(code(r), QStringLiteral("INTERNAL_ERROR"));
        QVERIFY(!r.body.contains("secret"));
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExternalApi)
#include "tst_externalapi.moc"
