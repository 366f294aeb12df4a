// Admin API over real HTTP: setup, sign-in, sessions, throttling, users.
#include "adminclient.h"
#include "testserver.h"

#include "server/http/httpengine.h"
#include "server/serverinstance.h"

#include "core/model/clock.h"
#include "core/model/timeutil.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
constexpr qint64 Start = 1'780'000'020'000; // a UTC minute boundary
const QString AdminEmail = QStringLiteral("admin@example.com");
const QString AdminPassword = QStringLiteral("correct-horse-1");

QJsonObject credentials(const QString &email, const QString &password)
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
}
} // namespace

class TestAdminAuth : public QObject
{
    Q_OBJECT
    std::shared_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin;

    quint16 port() const { return m_server->port(); }

    std::unique_ptr<TestServer> makeServer(const std::shared_ptr<Core::ManualClock> &clock,
                                           std::function<void(Server::ServerConfig &)> extra = {})
    {
        return std::make_unique<TestServer>([clock, extra](Server::ServerConfig &c) {
            c.clock = clock;
            if (extra)
                extra(c);
        });
    }

private slots:
    void initTestCase()
    {
        m_clock = std::make_shared<Core::ManualClock>(Start);
        m_server = makeServer(m_clock);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        QVERIFY(!adminSetup(port(), AdminEmail, QStringLiteral("Ada"), AdminPassword).isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }
    // A fresh minute (and past any ban) for every test, so auth limits do not carry over.
    void init()
    {
        m_clock->advanceMs(3'600'000);
        m_admin = adminLogin(port(), AdminEmail, AdminPassword);
        QVERIFY(!m_admin.isEmpty());
    }

    void authSettingsComeFromTheIniFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("z.ini"));
        auto write = [&](const QByteArray &text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("[auth]\nargon2_memory_kib=65536\nargon2_iterations=3\nmax_pending_sign_ins=8\nhash_threads=2\n"
              "session_ttl_minutes=90\nrequests_per_minute=12\n"
              "failures_before_ban=3\nban_initial_seconds=10\nban_max_seconds=600\n");
        Server::ServerConfig c;
        QVERIFY(!c.loadFile(path));
        QCOMPARE(c.auth.argon2MemoryKib, quint64(65536));
        QCOMPARE(c.auth.argon2Iterations, quint64(3));
        QCOMPARE(c.auth.maxPendingSignIns, 8);
        QCOMPARE(c.auth.hashThreads, 2);
        QCOMPARE(c.auth.sessionTtlMinutes, 90);
        QCOMPARE(c.auth.requestsPerMinute, 12);
        QCOMPARE(c.auth.failuresBeforeBan, 3);
        QCOMPARE(c.auth.banInitialSeconds, 10);
        QCOMPARE(c.auth.banMaxSeconds, 600);
        // OWASP's Argon2id parameters by default
        QCOMPARE(Server::ServerConfig().auth.argon2MemoryKib, quint64(19 * 1024));
        QCOMPARE(Server::ServerConfig().auth.argon2Iterations, quint64(2));
        write("[auth]\nargon2_memory_kib=4\n");
        Server::ServerConfig bad;
        const auto error = bad.loadFile(path);
        QVERIFY(error && error->contains(QLatin1String(":2: [auth] argon2_memory_kib=4")));
        QCOMPARE(bad.auth.argon2MemoryKib, Server::ServerConfig().auth.argon2MemoryKib);
    }

    void configuredLimitsApply()
    {
        auto clock = std::make_shared<Core::ManualClock>(Start);
        auto server = makeServer(clock, [](Server::ServerConfig &c) {
            c.auth.requestsPerMinute = 3;
            c.auth.sessionTtlMinutes = 1;
        });
        const quint16 p = server->port();
        QVERIFY(!adminSetup(p, AdminEmail, QStringLiteral("Ada"), AdminPassword).isEmpty());
        const QByteArray token = adminLogin(p, AdminEmail, AdminPassword);
        QVERIFY(!token.isEmpty());
        QCOMPARE(
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword)).status,
            200);
        QCOMPARE(
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword)).status,
            429);
        clock->advanceMs(60'000);
        QCOMPARE(codeOf(adminCall(p, "GET", QStringLiteral("/me"), token)),
                 QStringLiteral("SESSION_EXPIRED"));
    }

    void setupOnlyOnceAndValidated()
    {
        auto clock = std::make_shared<Core::ManualClock>(Start);
        auto server = makeServer(clock);
        QVERIFY(server->isRunning());
        const quint16 p = server->port();
        QCOMPARE(adminCall(p, "GET", QStringLiteral("/setup"))
                     .json()
                     .value(QStringLiteral("setup_required"))
                     .toBool(),
                 true);

        HttpResult r = adminCall(p, "POST", QStringLiteral("/setup"), {},
                                 QJsonObject{{QStringLiteral("email"), QStringLiteral("not-an-email")},
                                             {QStringLiteral("name"), QString(101, QLatin1Char('n'))},
                                             {QStringLiteral("password"), QStringLiteral("short")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("email")).toString(),
                 QStringLiteral("Invalid email address"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Name too long (max 100 characters)"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("password")).toString(),
                 QStringLiteral("Password too short (min 8 characters)"));

        r = adminCallRaw(p, "POST", QStringLiteral("/setup"), {}, R"({"email": "a@b.c", "name": "A",})");
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_JSON"));
        r = adminCallRaw(p, "POST", QStringLiteral("/setup"), {},
                         R"({"email": "a@b.c", "name": "A", "password": 12345678})");
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY(r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("password")));

        r = adminCall(p, "POST", QStringLiteral("/setup"), {},
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("Root@Example.com")},
                                  {QStringLiteral("name"), QStringLiteral("Root")},
                                  {QStringLiteral("password"), QStringLiteral("long-enough-pw")}});
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        const QJsonObject team = r.json().value(QStringLiteral("team")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("root@example.com"));
        QCOMPARE(user.value(QStringLiteral("is_server_admin")).toBool(), true);
        QCOMPARE(user.value(QStringLiteral("created_at")).toString(), Core::Time::toIso(Start));
        QVERIFY(!user.contains(QStringLiteral("password")) &&
                !user.contains(QStringLiteral("password_hash")));
        QCOMPARE(team.value(QStringLiteral("plan")).toString(), QStringLiteral("free"));
        QCOMPARE(team.value(QStringLiteral("name")).toString(), QStringLiteral("Root's team"));

        r = adminCall(p, "POST", QStringLiteral("/setup"), {},
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("other@example.com")},
                                  {QStringLiteral("name"), QStringLiteral("Other")},
                                  {QStringLiteral("password"), QStringLiteral("long-enough-pw")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("ALREADY_SET_UP"));
        QVERIFY(
            adminLogin(p, QStringLiteral("other@example.com"), QStringLiteral("long-enough-pw")).isEmpty());
        QVERIFY(
            !adminLogin(p, QStringLiteral("ROOT@example.com"), QStringLiteral("long-enough-pw")).isEmpty());
    }

    void loginReturnsSessionAndMe()
    {
        const HttpResult r =
            adminCall(port(), "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QString token = r.json().value(QStringLiteral("token")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^zvs_[A-Za-z0-9_-]{43}$")).match(token).hasMatch());
        QCOMPARE(r.json().value(QStringLiteral("expires_at")).toString(),
                 Core::Time::toIso(m_clock->nowMs() + 7 * 24 * 3'600'000LL));
        QCOMPARE(r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 AdminEmail);

        const HttpResult me = adminCall(port(), "GET", QStringLiteral("/me"), token.toLatin1());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 AdminEmail);
        const QJsonArray memberships = me.json().value(QStringLiteral("memberships")).toArray();
        QCOMPARE(memberships.size(), 1);
        QCOMPARE(memberships[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("owner"));
        QCOMPARE(memberships[0]
                     .toObject()
                     .value(QStringLiteral("team"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Ada's team"));
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        const HttpResult wrong = adminCall(port(), "POST", QStringLiteral("/login"), {},
                                           credentials(AdminEmail, QStringLiteral("nope-nope-1")));
        const HttpResult unknown = adminCall(port(), "POST", QStringLiteral("/login"), {},
                                             credentials(QStringLiteral("ghost@example.com"), AdminPassword));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(codeOf(wrong), QStringLiteral("INVALID_CREDENTIALS"));
        QJsonObject a = wrong.json();
        QJsonObject b = unknown.json();
        a.remove(QStringLiteral("request_id"));
        b.remove(QStringLiteral("request_id"));
        QCOMPARE(a, b);

        const HttpResult empty =
            adminCall(port(), "POST", QStringLiteral("/login"), {}, credentials(QString(), QString()));
        QCOMPARE(empty.status, 422);
        QCOMPARE(detailsOf(empty).value(QStringLiteral("email")).toString(),
                 QStringLiteral("Email is required"));
    }

    void missingOrBadTokenIs401_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("bearer only") << QByteArray("Bearer");
        QTest::newRow("garbage") << QByteArray("Bearer not-a-token");
        QTest::newRow("basic") << QByteArray("Basic YWRtaW46cGFzcw==");
        QTest::newRow("unknown token")
            << QByteArray("Bearer zvs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("api key") << QByteArray("Bearer zv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    void missingOrBadTokenIs401()
    {
        QFETCH(QByteArray, authorization);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        for (const char *path : {"/api/admin/v1/me", "/api/admin/v1/teams", "/api/admin/v1/keys",
                                 "/api/admin/v1/server/status", "/api/admin/v1/users"}) {
            const HttpResult r = httpRequest(port(), "GET", path, headers);
            QCOMPARE(r.status, 401);
            QCOMPARE(codeOf(r), QStringLiteral("UNAUTHORIZED"));
            QVERIFY(!r.header("X-Request-Id").isEmpty());
        }
    }

    // Every admin route but the public sign-in ones answers 401 without a session, and
    // 401 SESSION_EXPIRED with an expired one: taken from the router, so new routes are
    // covered without being listed here.
    void everyRouteNeedsALiveSession()
    {
        QStringList routes;
        m_server->runOnServerThread(
            [&](Server::ServerInstance &s) { routes = s.engine().router().describe(); });
        const QSet<QString> open{QStringLiteral("GET /api/admin/v1/setup"),
                                 QStringLiteral("POST /api/admin/v1/setup"),
                                 QStringLiteral("POST /api/admin/v1/login")};
        const QByteArray token = adminLogin(port(), AdminEmail, AdminPassword);
        m_clock->advanceMs(7 * 24 * 3'600'000LL);
        int checked = 0;
        for (const QString &route : routes) {
            if (!route.contains(QLatin1String(" /api/admin/v1/")) || open.contains(route))
                continue;
            const QByteArray method = route.section(QLatin1Char(' '), 0, 0).toLatin1();
            QString path = route.section(QLatin1Char(' '), 1).mid(int(qstrlen(AdminPrefix)));
            path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("some-id"));
            const QJsonObject body{{QStringLiteral("name"), QStringLiteral("x")}};
            const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
            HttpResult r = adminCall(port(), method, path, {}, hasBody ? std::optional(body) : std::nullopt);
            QVERIFY2(r.status == 401 && codeOf(r) == QLatin1String("UNAUTHORIZED"), qPrintable(route));
            r = adminCall(port(), method, path, token, hasBody ? std::optional(body) : std::nullopt);
            QVERIFY2(r.status == 401 && codeOf(r) == QLatin1String("SESSION_EXPIRED"), qPrintable(route));
            ++checked;
        }
        QVERIFY(checked >= 25);
        m_admin = adminLogin(port(), AdminEmail, AdminPassword);
    }

    void logoutEndsTheSession()
    {
        const QByteArray token = adminLogin(port(), AdminEmail, AdminPassword);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/me"), token).status, 200);
        QCOMPARE(adminCall(port(), "POST", QStringLiteral("/logout"), token).status, 204);
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/me"), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/me"), m_admin).status,
                 200); // other sessions live on
    }

    void sessionExpires()
    {
        const QByteArray token = adminLogin(port(), AdminEmail, AdminPassword);
        m_clock->advanceMs(7 * 24 * 3'600'000LL - 1);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/me"), token).status, 200);
        m_clock->advanceMs(1);
        HttpResult r = adminCall(port(), "GET", QStringLiteral("/me"), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("SESSION_EXPIRED"));
        r = adminCall(port(), "GET", QStringLiteral("/teams"), token);
        QCOMPARE(r.status, 401);
    }

    void authEndpointsAreLimitedPerMinute()
    {
        auto clock = std::make_shared<Core::ManualClock>(Start);
        auto server = makeServer(clock);
        const quint16 p = server->port();
        QVERIFY(!adminSetup(p, AdminEmail, QStringLiteral("Ada"), AdminPassword).isEmpty()); // request 1
        clock->advanceMs(10'000);
        for (int i = 2; i <= 30; ++i) {
            const HttpResult r = adminCall(p, "POST", QStringLiteral("/setup"), {},
                                           QJsonObject{{QStringLiteral("email"), QStringLiteral("x@y.z")}});
            QCOMPARE(r.status, 409);
        }
        HttpResult r =
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(codeOf(r), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(r.header("Retry-After"), QByteArray("50"));
        // Signed-in routes are not auth endpoints.
        QCOMPARE(adminCall(p, "GET", QStringLiteral("/me"), {}).status, 401);
        clock->advanceMs(50'000);
        r = adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword));
        QCOMPARE(r.status, 200);
    }

    void repeatedFailuresBanTheAddressWithGrowingBans()
    {
        auto clock = std::make_shared<Core::ManualClock>(Start);
        auto server = makeServer(clock);
        const quint16 p = server->port();
        QVERIFY(!adminSetup(p, AdminEmail, QStringLiteral("Ada"), AdminPassword).isEmpty());
        const auto wrong = credentials(AdminEmail, QStringLiteral("wrong-password"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(adminCall(p, "POST", QStringLiteral("/login"), {}, wrong).status, 401);
        // Banned: even the right password is refused, without checking it.
        HttpResult r =
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(codeOf(r), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(r.header("Retry-After"), QByteArray("30"));
        clock->advanceMs(29'000);
        QCOMPARE(
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword)).status,
            429);
        clock->advanceMs(1'000);
        QCOMPARE(
            adminCall(p, "POST", QStringLiteral("/login"), {}, credentials(AdminEmail, AdminPassword)).status,
            200);
        // The next round of failures earns twice the ban, then four times.
        clock->advanceMs(60'000);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(adminCall(p, "POST", QStringLiteral("/login"), {}, wrong).status, 401);
        r = adminCall(p, "POST", QStringLiteral("/login"), {}, wrong);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("60"));
        clock->advanceMs(60'000);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(adminCall(p, "POST", QStringLiteral("/login"), {}, wrong).status, 401);
        r = adminCall(p, "POST", QStringLiteral("/login"), {}, wrong);
        QCOMPARE(r.header("Retry-After"), QByteArray("120"));
    }

    void usersAreManagedByServerAdmins()
    {
        const QString bobId = adminCreateUser(port(), m_admin, QStringLiteral("bob@example.com"),
                                              QStringLiteral("Bob"), QStringLiteral("bob-password-1"));
        QVERIFY(!bobId.isEmpty());
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin,
                                 QJsonObject{{QStringLiteral("email"), QStringLiteral("BOB@example.com")},
                                             {QStringLiteral("name"), QStringLiteral("Bob 2")},
                                             {QStringLiteral("password"), QStringLiteral("bob-password-1")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("EMAIL_TAKEN"));
        r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin, QJsonObject{});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("email")).toString(), QStringLiteral("Email is required"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("name")).toString(), QStringLiteral("Name is required"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("password")).toString(),
                 QStringLiteral("Password is required"));

        r = adminCall(port(), "GET", QStringLiteral("/users?per_page=1&page=2"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("page")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("per_page")).toInt(), 1);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray().size(), 1);
        r = adminCall(port(), "GET", QStringLiteral("/users?per_page=101"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/users?page=0"), m_admin).status, 400);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/users/nope"), m_admin).status, 404);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/users/") + bobId, m_admin).status, 200);

        // Bob is not a server admin.
        const QByteArray bob =
            adminLogin(port(), QStringLiteral("bob@example.com"), QStringLiteral("bob-password-1"));
        QVERIFY(!bob.isEmpty());
        for (const auto &[method, path] : {std::pair<QByteArray, QString>{"GET", QStringLiteral("/users")},
                                           {"POST", QStringLiteral("/users")},
                                           {"PATCH", QStringLiteral("/users/") + bobId},
                                           {"GET", QStringLiteral("/audit")}}) {
            r = adminCall(port(), method, path, bob, QJsonObject{});
            QCOMPARE(r.status, 403);
            QCOMPARE(codeOf(r), QStringLiteral("FORBIDDEN"));
        }
    }

    void disabledUserIsCutOffAtOnce()
    {
        const QString id = adminCreateUser(port(), m_admin, QStringLiteral("carol@example.com"),
                                           QStringLiteral("Carol"), QStringLiteral("carol-password"));
        const QByteArray carol =
            adminLogin(port(), QStringLiteral("carol@example.com"), QStringLiteral("carol-password"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/me"), carol).status, 200);

        HttpResult r = adminCall(port(), "PATCH", QStringLiteral("/users/") + id, m_admin,
                                 QJsonObject{{QStringLiteral("disabled"), QStringLiteral("yes")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        r = adminCall(port(), "PATCH", QStringLiteral("/users/") + id, m_admin,
                      QJsonObject{{QStringLiteral("disabled"), true},
                                  {QStringLiteral("name"), QStringLiteral("Carol D")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("disabled")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Carol D"));

        r = adminCall(port(), "GET", QStringLiteral("/me"), carol);
        QCOMPARE(r.status, 401);
        r = adminCall(port(), "POST", QStringLiteral("/login"), {},
                      credentials(QStringLiteral("carol@example.com"), QStringLiteral("carol-password")));
        QCOMPARE(r.status, 403);
        QCOMPARE(codeOf(r), QStringLiteral("ACCOUNT_DISABLED"));
        // A wrong password for a disabled account says nothing about the account.
        r = adminCall(port(), "POST", QStringLiteral("/login"), {},
                      credentials(QStringLiteral("carol@example.com"), QStringLiteral("wrong-password")));
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_CREDENTIALS"));

        // Admins cannot lock themselves out.
        const QString adminId = adminCall(port(), "GET", QStringLiteral("/me"), m_admin)
                                    .json()
                                    .value(QStringLiteral("user"))
                                    .toObject()
                                    .value(QStringLiteral("id"))
                                    .toString();
        r = adminCall(port(), "PATCH", QStringLiteral("/users/") + adminId, m_admin,
                      QJsonObject{{QStringLiteral("disabled"), true}});
        QCOMPARE(r.status, 422);
        QVERIFY(detailsOf(r).contains(QStringLiteral("disabled")));

        r = adminCall(port(), "PATCH", QStringLiteral("/users/") + id, m_admin,
                      QJsonObject{{QStringLiteral("disabled"), false}});
        QCOMPARE(r.status, 200);
        QVERIFY(!adminLogin(port(), QStringLiteral("carol@example.com"), QStringLiteral("carol-password"))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAdminAuth)
#include "tst_adminauth.moc"
