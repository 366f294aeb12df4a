// Admin API over real HTTP: teams, members, roles, plans, the last-owner rule.
#include "admintestcase.h"

#include "server/serverinstance.h"

#include "core/model/clock.h"

#include <QTest>

using namespace TestSupport;

class TestAdminTeams : public AdminTestCase
{
    Q_OBJECT
    QByteArray m_carol, m_dave;
    QString m_carolId, m_daveId;

    HttpResult addMember(const QByteArray &token, const QString &team, const QString &email,
                         const QString &role)
    {
        return adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(team), token,
                         QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("role"), role}});
    }
    HttpResult setRole(const QByteArray &token, const QString &team, const QString &userId,
                       const QString &role)
    {
        return adminCall(port(), "PATCH", QStringLiteral("/teams/%1/members/%2").arg(team, userId), token,
                         QJsonObject{{QStringLiteral("role"), role}});
    }
    HttpResult removeMember(const QByteArray &token, const QString &team, const QString &userId)
    {
        return adminCall(port(), "DELETE", QStringLiteral("/teams/%1/members/%2").arg(team, userId), token);
    }

private slots:
    void initTestCase()
    {
        const QString error = startAdminServer();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto [email, id, token] : {std::tuple{QStringLiteral("carol@example.com"), &m_carolId, &m_carol},
                                        std::tuple{QStringLiteral("dave@example.com"), &m_daveId, &m_dave}}) {
            *id = adminCreateUser(port(), m_admin, email, email.section(QLatin1Char('@'), 0, 0), Password);
            *token = adminLogin(port(), email, Password);
            QVERIFY(!id->isEmpty() && !token->isEmpty());
        }
    }
    void cleanupTestCase() { m_server.reset(); }

    void createListGetRename()
    {
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/teams"), m_bob,
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Bob Co")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("plan")).toString(), QStringLiteral("free"));
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("owner"));
        const QString team = r.json().value(QStringLiteral("id")).toString();

        r = adminCall(port(), "GET", QStringLiteral("/teams"), m_bob);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(r.json()
                     .value(QStringLiteral("data"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 team);

        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_bob).status, 200);
        r = adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_carol);
        QCOMPARE(r.status, 404);
        QCOMPARE(codeOf(r), QStringLiteral("NOT_FOUND"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/no-such-team"), m_bob).status, 404);
        // A server admin sees every team (without being a member).
        r = adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("role")).isNull());

        r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_bob,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Bob & Co")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Bob & Co"));
        r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_bob,
                      QJsonObject{{QStringLiteral("name"), QString(101, QLatin1Char('x'))}});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Name too long (max 100 characters)"));
        r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_bob,
                      QJsonObject{{QStringLiteral("name"), 7}});
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        r = adminCall(port(), "POST", QStringLiteral("/teams"), m_bob,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("  ")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("name")).toString(), QStringLiteral("Name is required"));
    }

    void planIsSetOnlyByAServerAdmin()
    {
        const QString team = createTeam(m_bob, QStringLiteral("Plans"));
        HttpResult r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_bob,
                                 QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(codeOf(r), QStringLiteral("FORBIDDEN"));
        const quint64 before = epoch();
        r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_admin,
                      QJsonObject{{QStringLiteral("plan"), QStringLiteral("gold")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("plan")).toString(),
                 QStringLiteral("Plan must be free, pro, scale or enterprise"));
        QCOMPARE(epoch(), before);
        r = adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_admin,
                      QJsonObject{{QStringLiteral("plan"), QStringLiteral("scale")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("plan")).toString(), QStringLiteral("scale"));
        QVERIFY(epoch() > before);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_bob)
                     .json()
                     .value(QStringLiteral("plan"))
                     .toString(),
                 QStringLiteral("scale"));

        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams?all=true"), m_bob).status, 403);
        r = adminCall(port(), "GET", QStringLiteral("/teams?all=true"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("total")).toInt() >= 3);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams?all=maybe"), m_admin).status, 400);
    }

    void membersAndRoles()
    {
        const QString team = createTeam(m_bob, QStringLiteral("Members"));
        quint64 before = epoch();
        HttpResult r = addMember(m_bob, team, QStringLiteral("carol@example.com"), QStringLiteral("member"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("user_id")).toString(), m_carolId);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("member"));
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), QStringLiteral("carol@example.com"));
        QVERIFY(epoch() > before);

        r = adminCall(port(), "GET", QStringLiteral("/teams/%1/members").arg(team), m_bob);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 2);
        // A plain member may see the team but not manage its members.
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_carol).status, 200);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/%1/members").arg(team), m_carol).status,
                 403);
        r = addMember(m_carol, team, QStringLiteral("dave@example.com"), QStringLiteral("member"));
        QCOMPARE(r.status, 403);
        QCOMPARE(codeOf(r), QStringLiteral("FORBIDDEN"));
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/") + team, m_carol,
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Mine")}})
                     .status,
                 403);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/") + team, m_carol).status, 403);
        // Outsiders get 404, not 403.
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/%1/members").arg(team), m_dave).status, 404);

        r = addMember(m_bob, team, QStringLiteral("nobody@example.com"), QStringLiteral("member"));
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("email")).toString(),
                 QStringLiteral("No user with this email"));
        r = addMember(m_bob, team, QStringLiteral("dave@example.com"), QStringLiteral("boss"));
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("role")).toString(),
                 QStringLiteral("Role must be owner, admin or member"));
        r = addMember(m_bob, team, QStringLiteral("carol@example.com"), QStringLiteral("admin"));
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("ALREADY_MEMBER"));

        QCOMPARE(addMember(m_bob, team, QStringLiteral("dave@example.com"), QStringLiteral("admin")).status,
                 201);
        // An admin manages members and admins, but not owners.
        QCOMPARE(setRole(m_dave, team, m_carolId, QStringLiteral("admin")).status, 200);
        QCOMPARE(setRole(m_dave, team, m_carolId, QStringLiteral("owner")).status, 403);
        QCOMPARE(setRole(m_dave, team, m_bobId, QStringLiteral("member")).status, 403);
        QCOMPARE(removeMember(m_dave, team, m_bobId).status, 403);
        QCOMPARE(setRole(m_dave, team, QStringLiteral("no-such-user"), QStringLiteral("member")).status, 404);
        before = epoch();
        r = setRole(m_bob, team, m_carolId, QStringLiteral("member"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("member"));
        QVERIFY(epoch() > before);
        before = epoch();
        QCOMPARE(removeMember(m_dave, team, m_carolId).status, 204);
        QVERIFY(epoch() > before);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_carol).status, 404);
        QCOMPARE(removeMember(m_bob, team, m_carolId).status, 404);
    }

    void lastOwnerCannotBeRemovedOrDemoted()
    {
        const QString team = createTeam(m_bob, QStringLiteral("Owners"));
        HttpResult r = setRole(m_bob, team, m_bobId, QStringLiteral("admin"));
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("LAST_OWNER"));
        r = removeMember(m_bob, team, m_bobId);
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("LAST_OWNER"));
        // Even a server admin (acting as owner) cannot leave the team without an owner.
        QCOMPARE(removeMember(m_admin, team, m_bobId).status, 409);

        QCOMPARE(addMember(m_bob, team, QStringLiteral("carol@example.com"), QStringLiteral("owner")).status,
                 201);
        QCOMPARE(setRole(m_bob, team, m_bobId, QStringLiteral("member")).status, 200);
        // Bob is no longer an owner: he cannot touch Carol, the last owner.
        QCOMPARE(setRole(m_bob, team, m_carolId, QStringLiteral("member")).status, 403);
        QCOMPARE(setRole(m_carol, team, m_carolId, QStringLiteral("admin")).status, 409);
        QCOMPARE(removeMember(m_carol, team, m_bobId).status, 204);
        r = adminCall(port(), "GET", QStringLiteral("/teams/%1/members").arg(team), m_carol);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
    }

    void deletingATeamRemovesItsWebsitesAndRevokesBilledKeys()
    {
        const QString team = createTeam(m_bob, QStringLiteral("Doomed"));
        QCOMPARE(addMember(m_bob, team, QStringLiteral("dave@example.com"), QStringLiteral("admin")).status,
                 201);
        HttpResult r =
            adminCall(port(), "POST", QStringLiteral("/websites"), m_bob,
                      QJsonObject{{QStringLiteral("team_id"), team},
                                  {QStringLiteral("name"), QStringLiteral("Site")},
                                  {QStringLiteral("url"), QStringLiteral("https://doomed.example")}});
        QCOMPARE(r.status, 201);
        const QString website = r.json().value(QStringLiteral("id")).toString();
        r = adminCall(port(), "POST", QStringLiteral("/keys"), m_bob,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("k")},
                                  {QStringLiteral("permissions"), QJsonArray{QStringLiteral("read")}},
                                  {QStringLiteral("team_access"), QStringLiteral("all")},
                                  {QStringLiteral("billing_team_id"), team}});
        QCOMPARE(r.status, 201);
        const QString key = r.json().value(QStringLiteral("id")).toString();

        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/") + team, m_dave).status, 403);
        const quint64 before = epoch();
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/") + team, m_bob).status, 204);
        QVERIFY(epoch() > before);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/teams/") + team, m_bob).status, 404);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + website, m_bob).status, 404);
        r = adminCall(port(), "GET", QStringLiteral("/keys/") + key, m_bob);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QStringLiteral("revoked_at")).isNull());
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/") + team, m_bob).status, 404);
    }

    void auditRecordsMembershipAndPlanChanges()
    {
        const HttpResult r = adminCall(port(), "GET", QStringLiteral("/audit?per_page=100"), m_admin);
        QCOMPARE(r.status, 200);
        QSet<QString> actions;
        for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray())
            actions.insert(v.toObject().value(QStringLiteral("action")).toString());
        for (const char *expected :
             {"setup", "login", "user.created", "team.created", "member.added", "member.removed",
              "member.role_changed", "team.plan_changed", "team.deleted", "key.created"})
            QVERIFY2(actions.contains(QLatin1String(expected)), expected);
    }
};

QTEST_GUILESS_MAIN(TestAdminTeams)
#include "tst_adminteams.moc"
