// Admin API over real HTTP: personal API keys.
#include "admintestcase.h"

#include "server/serverinstance.h"

#include "core/keys/apikeyformat.h"
#include "core/model/clock.h"
#include "core/model/timeutil.h"

#include <QTest>

using namespace TestSupport;

class TestAdminKeys : public AdminTestCase
{
    Q_OBJECT
    QString m_bobTeam, m_otherTeam;

    QJsonObject validKey(const QString &team) const
    {
        return {{QStringLiteral("name"), QStringLiteral("CI deploys")},
                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("read"), QStringLiteral("write")}},
                {QStringLiteral("team_access"), QJsonArray{team}},
                {QStringLiteral("billing_team_id"), team}};
    }

private slots:
    void initTestCase()
    {
        const QString error = startAdminServer();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto [token, id, name] : {std::tuple{m_bob, &m_bobTeam, QStringLiteral("Bob Co")},
                                       std::tuple{m_admin, &m_otherTeam, QStringLiteral("Other")}}) {
            const HttpResult r = adminCall(port(), "POST", QStringLiteral("/teams"), token,
                                           QJsonObject{{QStringLiteral("name"), name}});
            *id = r.json().value(QStringLiteral("id")).toString();
            QVERIFY(!id->isEmpty());
        }
    }
    void cleanupTestCase() { m_server.reset(); }

    void createShowsTheKeyOnceThenOnlyThePrefix()
    {
        QJsonObject body = validKey(m_bobTeam);
        body.insert(QStringLiteral("expires_at"), QStringLiteral("2027-01-01T00:00:00Z"));
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject created = r.json();
        const QString key = created.value(QStringLiteral("key")).toString();
        QVERIFY(Core::ApiKeyFormat::isWellFormed(key.toLatin1()));
        QCOMPARE(created.value(QStringLiteral("prefix")).toString(), key.left(11));
        QCOMPARE(created.value(QStringLiteral("permissions")).toArray(),
                 (QJsonArray{QStringLiteral("read"), QStringLiteral("write")}));
        QCOMPARE(created.value(QStringLiteral("team_access")).toArray(), QJsonArray{m_bobTeam});
        QCOMPARE(created.value(QStringLiteral("billing_team_id")).toString(), m_bobTeam);
        QCOMPARE(created.value(QStringLiteral("expires_at")).toString(),
                 QStringLiteral("2027-01-01T00:00:00.000Z"));
        QCOMPARE(created.value(QStringLiteral("created_at")).toString(), Core::Time::toIso(Start));
        QVERIFY(created.value(QStringLiteral("revoked_at")).isNull());
        QVERIFY(created.value(QStringLiteral("last_used_at")).isNull());
        QVERIFY(!created.contains(QStringLiteral("hash")) && !created.contains(QStringLiteral("key_hash")));
        const QString id = created.value(QStringLiteral("id")).toString();

        r = adminCall(port(), "GET", QStringLiteral("/keys"), m_bob);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
        const QJsonObject listed = r.json().value(QStringLiteral("data")).toArray()[0].toObject();
        QCOMPARE(listed.value(QStringLiteral("id")).toString(), id);
        QVERIFY(!listed.contains(QStringLiteral("key")));
        QVERIFY(!r.body.contains(key.toLatin1()));
        QVERIFY(r.body.contains(key.left(11).toLatin1()));

        r = adminCall(port(), "GET", QStringLiteral("/keys/") + id, m_bob);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains(QStringLiteral("key")));
        QVERIFY(!r.body.contains(key.toLatin1()));

        // Someone else's key does not exist for you.
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys/") + id, m_admin).status, 404);
        QCOMPARE(adminCall(port(), "POST", QStringLiteral("/keys/%1/revoke").arg(id), m_admin).status, 404);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys"), m_admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 0);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys/unknown"), m_bob).status, 404);
    }

    void fullAccessAndAllTeams()
    {
        QJsonObject body = validKey(m_bobTeam);
        body.insert(QStringLiteral("permissions"),
                    QJsonArray{QStringLiteral("admin"), QStringLiteral("read"), QStringLiteral("write"),
                               QStringLiteral("read")});
        body.insert(QStringLiteral("team_access"), QStringLiteral("all"));
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("permissions")).toArray(),
                 (QJsonArray{QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")}));
        QCOMPARE(r.json().value(QStringLiteral("team_access")).toString(), QStringLiteral("all"));
        QVERIFY(r.json().value(QStringLiteral("expires_at")).isNull());
    }

    void validationFailuresAre422WithDetails_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name") << "name" << QJsonValue(QString()) << "Name is required";
        QTest::newRow("long name") << "name" << QJsonValue(QString(101, QLatin1Char('k')))
                                   << "Name too long (max 100 characters)";
        QTest::newRow("no permissions") << "permissions" << QJsonValue(QJsonArray())
                                        << "Choose at least one permission: read, write, admin";
        QTest::newRow("unknown permission")
            << "permissions" << QJsonValue(QJsonArray{QStringLiteral("delete")})
            << "Permissions must be read, write or admin";
        QTest::newRow("access word") << "team_access" << QJsonValue(QStringLiteral("some"))
                                     << "Team access must be \"all\" or a list of team ids";
        QTest::newRow("no teams") << "team_access" << QJsonValue(QJsonArray())
                                  << "Select at least one team, or \"all\"";
        QTest::newRow("expiry format") << "expires_at" << QJsonValue(QStringLiteral("next week"))
                                       << "Invalid date-time (use ISO-8601, e.g. 2026-06-13T12:00:00Z)";
        QTest::newRow("expiry past") << "expires_at" << QJsonValue(QStringLiteral("2020-01-01T00:00:00Z"))
                                     << "Expiry must be in the future";
        QTest::newRow("billing missing")
            << "billing_team_id" << QJsonValue(QString()) << "Billing team is required";
    }
    void validationFailuresAre422WithDetails()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject body = validKey(m_bobTeam);
        body.insert(field, value);
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(detailsOf(r).value(field).toString(), message);
        QCOMPARE(detailsOf(r).size(), 1);
    }

    void teamsMustBeTheUsersOwn()
    {
        // The admin's teams are not Bob's: neither as access nor as billing team.
        QJsonObject body = validKey(m_otherTeam);
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("team_access")).toString(),
                 QStringLiteral("Not a team you belong to: ") + m_otherTeam);
        QCOMPARE(detailsOf(r).value(QStringLiteral("billing_team_id")).toString(),
                 QStringLiteral("Not a team you belong to"));
        r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, QJsonObject{});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).size(), 4); // name, permissions, team_access, billing_team_id
    }

    void wrongJsonTypesAre400_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("name") << "name" << QJsonValue(5);
        QTest::newRow("permissions string") << "permissions" << QJsonValue(QStringLiteral("read"));
        QTest::newRow("permissions numbers") << "permissions" << QJsonValue(QJsonArray{1, 2});
        QTest::newRow("team_access object") << "team_access" << QJsonValue(QJsonObject());
        QTest::newRow("team_access numbers") << "team_access" << QJsonValue(QJsonArray{1});
        QTest::newRow("billing") << "billing_team_id" << QJsonValue(true);
        QTest::newRow("expires_at") << "expires_at" << QJsonValue(1234567);
    }
    void wrongJsonTypesAre400()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject body = validKey(m_bobTeam);
        body.insert(field, value);
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("parameter")).toString(), field);
    }

    void revokeIsFinalAndBumpsTheEpoch()
    {
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob, validKey(m_bobTeam));
        const QString id = r.json().value(QStringLiteral("id")).toString();
        const quint64 before = epoch();
        m_clock->advanceMs(5'000);
        r = adminCall(port(), "POST", QStringLiteral("/keys/%1/revoke").arg(id), m_bob);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("revoked_at")).toString(),
                 Core::Time::toIso(m_clock->nowMs()));
        QVERIFY(epoch() > before);
        const quint64 afterFirst = epoch();
        m_clock->advanceMs(5'000);
        r = adminCall(port(), "POST", QStringLiteral("/keys/%1/revoke").arg(id), m_bob);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("revoked_at")).toString(),
                 Core::Time::toIso(m_clock->nowMs() - 5'000));
        QCOMPARE(epoch(), afterFirst);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys/") + id, m_bob)
                     .json()
                     .value(QStringLiteral("revoked_at"))
                     .toString(),
                 Core::Time::toIso(m_clock->nowMs() - 5'000));
    }

    // Issue 11: enabling a disabled user again revived their old keys. Disabling revokes
    // them for good; the user makes new ones.
    void disablingAUserRevokesTheirKeysForGood()
    {
        const QString erinId = adminCreateUser(port(), m_admin, QStringLiteral("erin@example.com"),
                                               QStringLiteral("Erin"), Password);
        QVERIFY(!erinId.isEmpty());
        QByteArray erin = adminLogin(port(), QStringLiteral("erin@example.com"), Password);
        const QString team = adminCall(port(), "POST", QStringLiteral("/teams"), erin,
                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Erin Co")}})
                                 .json()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_admin,
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}})
                     .status,
                 200);
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/keys"), erin, validKey(team));
        QCOMPARE(r.status, 201);
        const QString keyId = r.json().value(QStringLiteral("id")).toString();
        const QByteArray key = r.json().value(QStringLiteral("key")).toString().toLatin1();
        auto usage = [&](const QByteArray &k) {
            return httpRequest(port(), "GET", "/api/external/v1/usage", {{"X-API-Key", k}});
        };
        QCOMPARE(usage(key).status, 200);

        m_clock->advanceMs(1'000);
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/users/") + erinId, m_admin,
                           QJsonObject{{QStringLiteral("disabled"), true}})
                     .status,
                 200);
        const qint64 disabledAt = m_clock->nowMs();
        r = usage(key);
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("API_KEY_REVOKED"));

        m_clock->advanceMs(1'000);
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/users/") + erinId, m_admin,
                           QJsonObject{{QStringLiteral("disabled"), false}})
                     .status,
                 200);
        r = usage(key);
        QCOMPARE(r.status, 401);
        QCOMPARE(codeOf(r), QStringLiteral("API_KEY_REVOKED"));
        erin = adminLogin(port(), QStringLiteral("erin@example.com"), Password);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys/") + keyId, erin)
                     .json()
                     .value(QStringLiteral("revoked_at"))
                     .toString(),
                 Core::Time::toIso(disabledAt));
        // A new key works.
        r = adminCall(port(), "POST", QStringLiteral("/keys"), erin, validKey(team));
        QCOMPARE(r.status, 201);
        QCOMPARE(usage(r.json().value(QStringLiteral("key")).toString().toLatin1()).status, 200);
    }

    void paginationOfKeys()
    {
        const HttpResult all = adminCall(port(), "GET", QStringLiteral("/keys"), m_bob);
        const int total = all.json().value(QStringLiteral("total")).toInt();
        QVERIFY(total >= 3);
        const HttpResult page = adminCall(port(), "GET", QStringLiteral("/keys?page=2&per_page=2"), m_bob);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInt(), total);
        QCOMPARE(page.json().value(QStringLiteral("data")).toArray().size(), qMin(2, total - 2));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys?page=abc"), m_bob).status, 400);
        // Found by fuzz/queryparams: a NUL ended the number, so "2%00abc" was page 2.
        for (const char *query : {"page=2%00abc", "per_page=1%00", "page=%00", "page=-", "page=%D9%A3"}) {
            const HttpResult r =
                adminCall(port(), "GET", QStringLiteral("/keys?") + QLatin1String(query), m_bob);
            QVERIFY2(r.status == 400, query);
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PARAMETER"));
        }
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/keys?page=99"), m_bob)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestAdminKeys)
#include "tst_adminkeys.moc"
