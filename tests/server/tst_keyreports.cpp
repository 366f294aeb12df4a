// Issue 4 end to end through the admin API: a key created and managed there, used on
// the external API, its activity/usage/requests reports, and admin changes (revoke,
// plan downgrade, member removal, plan limits) taking effect on the very next request.
#include "adminclient.h"
#include "testserver.h"

#include "core/model/timeutil.h"

#include <QJsonArray>
#include <QTest>

using namespace TestSupport;

namespace {
const qint64 Start = *Core::Time::parseIso(QStringLiteral("2026-06-13T12:00:10.000Z"));
}

class TestKeyReports : public QObject
{
    Q_OBJECT
    std::shared_ptr<Core::ManualClock> m_clock = std::make_shared<Core::ManualClock>(Start);
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin;
    QString m_teamId;

    quint16 port() const { return m_server->port(); }
    HttpResult ext(const QByteArray &key, const QByteArray &path)
    {
        return httpRequest(port(), "GET", "/api/external/v1" + path, {{"X-API-Key", key}});
    }
    QJsonObject createKey(const QByteArray &token, const QJsonObject &body)
    {
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), token, body);
        return r.status == 201 ? r.json()
                               : QJsonObject{{QStringLiteral("failed"), QString::fromUtf8(r.body)}};
    }
    QJsonObject keyBody(const QString &name, const QJsonValue &teamAccess = QStringLiteral("all"))
    {
        return {{QStringLiteral("name"), name},
                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("read")}},
                {QStringLiteral("team_access"), teamAccess},
                {QStringLiteral("billing_team_id"), m_teamId}};
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([this](Server::ServerConfig &c) { c.clock = m_clock; });
        QVERIFY(m_server->isRunning());
        const QJsonObject setup =
            adminSetup(port(), QStringLiteral("admin@example.com"), QStringLiteral("Admin"),
                       QStringLiteral("correct horse battery"));
        m_teamId = setup[QStringLiteral("team")][QStringLiteral("id")].toString();
        QVERIFY(!m_teamId.isEmpty());
        m_admin =
            adminLogin(port(), QStringLiteral("admin@example.com"), QStringLiteral("correct horse battery"));
        QVERIFY(!m_admin.isEmpty());
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/") + m_teamId, m_admin,
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}})
                     .status,
                 200);
    }
    void cleanupTestCase() { m_server.reset(); }

    void reportsShowWhatTheKeyDid()
    {
        QCOMPARE(
            adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_admin,
                      QJsonObject{{QStringLiteral("data"),
                                   QJsonArray{QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")},
                                                          {QStringLiteral("per_minute"), 5},
                                                          {QStringLiteral("per_month"), 10000}}}}})
                .status,
            200);
        const QJsonObject created = createKey(m_admin, keyBody(QStringLiteral("reporting")));
        const QByteArray key = created[QStringLiteral("key")].toString().toLatin1();
        const QString id = created[QStringLiteral("id")].toString();
        QVERIFY2(key.startsWith("zv_"), qPrintable(created[QStringLiteral("failed")].toString()));
        QSet<QString> requestIds;
        for (int i = 0; i < 4; ++i)
            requestIds.insert(QString::fromLatin1(ext(key, "/usage").header("X-Request-Id")));
        requestIds.insert(
            QString::fromLatin1(ext(key, "/websites/nope").header("X-Request-Id"))); // 404, counted
        for (int i = 0; i < 2; ++i)
            requestIds.insert(QString::fromLatin1(ext(key, "/usage").header("X-Request-Id"))); // 429s

        const HttpResult activity =
            adminCall(port(), "GET", QStringLiteral("/keys/%1/activity?hours=24").arg(id), m_admin);
        QCOMPARE(activity.status, 200);
        const QJsonObject a = activity.json();
        QCOMPARE(a[QStringLiteral("accepted")][QStringLiteral("last_24h")].toInt(), 4);
        QCOMPARE(a[QStringLiteral("rejected")][QStringLiteral("last_7d")].toInt(), 3);
        QCOMPARE(a[QStringLiteral("last_used_at")].toString(), Core::Time::toIso(Start));
        QMap<QString, int> byCode;
        for (const QJsonValue &v : a[QStringLiteral("rejected_by_code")].toArray())
            byCode[v[QStringLiteral("code")].toString()] = v[QStringLiteral("all_time")].toInt();
        QCOMPARE(byCode.value(QStringLiteral("NOT_FOUND")), 1);
        QCOMPARE(byCode.value(QStringLiteral("RATE_LIMIT_EXCEEDED")), 2);
        QCOMPARE(a[QStringLiteral("hourly")].toArray().size(), 24);

        const QJsonObject u =
            adminCall(port(), "GET", QStringLiteral("/keys/%1/usage?minutes=3").arg(id), m_admin).json();
        QCOMPARE(u[QStringLiteral("plan")].toString(), QStringLiteral("pro"));
        QCOMPARE(u[QStringLiteral("current_month")][QStringLiteral("used")].toInt(), 5);
        QCOMPARE(u[QStringLiteral("current_month")][QStringLiteral("month")].toString(),
                 QStringLiteral("2026-06"));
        QCOMPARE(u[QStringLiteral("current_month")][QStringLiteral("resets_at")].toString(),
                 QStringLiteral("2026-07-01T00:00:00.000Z"));
        const QJsonArray minutes = u[QStringLiteral("minutes")].toArray();
        QCOMPARE(minutes.size(), 3);
        QCOMPARE(minutes.last()[QStringLiteral("accepted")].toInt(), 5);
        QCOMPARE(minutes.last()[QStringLiteral("rate_limited")].toInt(), 2);
        QCOMPARE(minutes.last()[QStringLiteral("limit")].toInt(), 5);
        QCOMPARE(minutes.first()[QStringLiteral("t")].toString(), QStringLiteral("2026-06-13T11:58:00.000Z"));

        const QJsonObject r =
            adminCall(port(), "GET", QStringLiteral("/keys/%1/requests?limit=3").arg(id), m_admin).json();
        QCOMPARE(r[QStringLiteral("total")].toInt(), 7);
        const QJsonArray log = r[QStringLiteral("data")].toArray();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log[0][QStringLiteral("status")].toInt(), 429);
        QCOMPARE(log[0][QStringLiteral("code")].toString(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(log[0][QStringLiteral("path")].toString(), QStringLiteral("/api/external/v1/usage"));
        for (const QJsonValue &e : log)
            QVERIFY(requestIds.contains(e[QStringLiteral("request_id")].toString()));
        QVERIFY(!adminCall(port(), "GET", QStringLiteral("/keys/%1/requests").arg(id), m_admin)
                     .body.contains(key));

        // Bad parameters, no session, someone else's key.
        QCOMPARE(
            codeOf(adminCall(port(), "GET", QStringLiteral("/keys/%1/activity?hours=0").arg(id), m_admin)),
            QStringLiteral("INVALID_PARAMETER"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys/%1/usage").arg(id)).status, 401);
        QVERIFY(!adminCreateUser(port(), m_admin, QStringLiteral("eve@example.com"), QStringLiteral("Eve"),
                                 QStringLiteral("another long password"))
                     .isEmpty());
        const QByteArray eve =
            adminLogin(port(), QStringLiteral("eve@example.com"), QStringLiteral("another long password"));
        for (const char *what : {"activity", "usage", "requests"}) {
            const HttpResult other =
                adminCall(port(), "GET", QStringLiteral("/keys/%1/%2").arg(id, QLatin1String(what)), eve);
            QCOMPARE(other.status, 404);
        }
        // Restore generous limits for the next test.
        adminCall(port(), "PUT", QStringLiteral("/server/plans"), m_admin,
                  QJsonObject{{QStringLiteral("data"),
                               QJsonArray{QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")},
                                                      {QStringLiteral("per_minute"), 1000},
                                                      {QStringLiteral("per_month"), 10000}}}}});
    }

    void adminChangesApplyOnTheNextRequest()
    {
        m_clock->advanceMs(60'000);
        // A member with a key scoped to the admin's team, and one of the team's websites.
        QVERIFY(!adminCreateUser(port(), m_admin, QStringLiteral("mia@example.com"), QStringLiteral("Mia"),
                                 QStringLiteral("mia's long password"))
                     .isEmpty());
        QCOMPARE(adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_teamId), m_admin,
                           QJsonObject{{QStringLiteral("email"), QStringLiteral("mia@example.com")},
                                       {QStringLiteral("role"), QStringLiteral("member")}})
                     .status,
                 201);
        const QByteArray mia =
            adminLogin(port(), QStringLiteral("mia@example.com"), QStringLiteral("mia's long password"));
        const HttpResult site =
            adminCall(port(), "POST", QStringLiteral("/websites"), m_admin,
                      QJsonObject{{QStringLiteral("team_id"), m_teamId},
                                  {QStringLiteral("name"), QStringLiteral("Shop")},
                                  {QStringLiteral("url"), QStringLiteral("https://shop.example")}});
        QCOMPARE(site.status, 201);
        const QByteArray sitePath = "/websites/" + site.json()[QStringLiteral("id")].toString().toLatin1();
        const QJsonObject miaKey = createKey(mia, keyBody(QStringLiteral("mia"), QJsonArray{m_teamId}));
        const QByteArray key = miaKey[QStringLiteral("key")].toString().toLatin1();
        QCOMPARE(ext(key, sitePath).status, 200);

        // Removing Mia from the team: her key is cut off at once.
        const QString miaId = miaKey[QStringLiteral("user_id")].toString();
        QCOMPARE(
            adminCall(port(), "DELETE", QStringLiteral("/teams/%1/members/%2").arg(m_teamId, miaId), m_admin)
                .status,
            204);
        const HttpResult cut = ext(key, sitePath);
        QCOMPARE(cut.status, 403); // she no longer belongs to her billing team either
        QCOMPARE(codeOf(cut), QStringLiteral("API_PAID_PLAN_REQUIRED"));

        // The admin's own key: plan downgrade, then revoke.
        const QByteArray own =
            createKey(m_admin, keyBody(QStringLiteral("own")))[QStringLiteral("key")].toString().toLatin1();
        QCOMPARE(ext(own, sitePath).status, 200);
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/") + m_teamId, m_admin,
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("free")}})
                     .status,
                 200);
        QCOMPARE(codeOf(ext(own, sitePath)), QStringLiteral("API_PAID_PLAN_REQUIRED"));
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/") + m_teamId, m_admin,
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("scale")}})
                     .status,
                 200);
        const HttpResult scale = ext(own, sitePath);
        QCOMPARE(scale.status, 200);
        QCOMPARE(scale.header("X-RateLimit-Limit"), QByteArray("60"));
        const QString ownId = QString::fromUtf8(adminCall(port(), "GET", QStringLiteral("/keys"), m_admin)
                                                    .json()[QStringLiteral("data")][0][QStringLiteral("id")]
                                                    .toString()
                                                    .toUtf8());
        QCOMPARE(adminCall(port(), "POST", QStringLiteral("/keys/%1/revoke").arg(ownId), m_admin).status,
                 200);
        QCOMPARE(codeOf(ext(own, sitePath)), QStringLiteral("API_KEY_REVOKED"));
    }
};

QTEST_GUILESS_MAIN(TestKeyReports)
#include "tst_keyreports.moc"
