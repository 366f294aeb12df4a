// Core::KeyAuthenticator: who may do what with a personal API key, without HTTP, in the
// guide's order (api-contract section 2). The HTTP mapping is tested over real HTTP in
// tests/server (tst_externalapi, tst_externallimits).
#include "core/accounts/authzepoch.h"
#include "core/keys/keyauthenticator.h"
#include "core/model/clock.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/planrepository.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "core/storage/websiterepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Core;

namespace {
constexpr qint64 Now = 1'780'000'020'000;
} // namespace

class TestKeyAuthenticator : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    AuthzEpoch m_epoch;
    ManualClock m_clock{Now};
    std::unique_ptr<KeyAuthCache> m_cache;
    std::unique_ptr<UsageTracker> m_usage;
    std::unique_ptr<KeyAuthenticator> m_auth;
    QString m_user, m_disabledUser;
    QHash<Plan, QString> m_teams; // one team per plan, owned by m_user

    QString user(bool disabled)
    {
        const User u{newId(), QStringLiteral("%1@example.com").arg(newId()), QStringLiteral("U"), 1, false,
                     disabled};
        UserRepository(*m_db).insert(u, QStringLiteral("x"));
        return u.id;
    }
    QString team(Plan plan, const QString &owner)
    {
        const Team t{newId(), QStringLiteral("T"), plan, 1};
        TeamRepository(*m_db).insert(t);
        TeamRepository(*m_db).addMember({t.id, owner, Role::Owner, 1});
        return t.id;
    }
    // A key of `userId` billed to `teamId`; returns the key text.
    QByteArray key(const QString &userId, const QString &teamId, quint8 permissions,
                   std::optional<qint64> expiresAt = {}, std::optional<qint64> revokedAt = {})
    {
        const auto g = ApiKeyFormat::generate();
        ApiKey k;
        k.id = newId();
        k.userId = userId;
        k.name = QStringLiteral("k");
        k.prefix = g.prefix;
        k.hash = g.hash;
        k.permissions.bits = permissions;
        k.billingTeamId = teamId;
        k.createdAt = 1;
        k.expiresAt = expiresAt;
        k.revokedAt = revokedAt;
        ApiKeyRepository(*m_db).insert(k);
        m_epoch.bump();
        return g.key.toLatin1();
    }
    KeyCheck check(const QByteArray &presented, quint8 needed = Permissions::Read)
    {
        return m_auth->check(presented, Permissions{needed});
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(!m_db->open());
        m_cache = std::make_unique<KeyAuthCache>(*m_db, m_epoch);
        m_usage = std::make_unique<UsageTracker>(*m_db);
        m_auth = std::make_unique<KeyAuthenticator>(*m_db, *m_cache, *m_usage, m_clock);
        m_user = user(false);
        m_disabledUser = user(true);
        for (Plan p : {Plan::Free, Plan::Pro, Plan::Scale, Plan::Enterprise})
            m_teams.insert(p, team(p, m_user));
        TeamRepository(*m_db).addMember({m_teams.value(Plan::Pro), m_disabledUser, Role::Member, 1});
    }

    void missingMalformedUnknown()
    {
        KeyCheck c = check({});
        QVERIFY(c.rejection == KeyRejection::Missing);
        QVERIFY(!c.principal && !c.usage);

        QByteArray typo = key(m_user, m_teams.value(Plan::Pro), Permissions::Read);
        typo[10] = typo[10] == 'A' ? 'B' : 'A';
        c = check(typo);
        QVERIFY(c.rejection == KeyRejection::Malformed);
        QCOMPARE(c.shape, ApiKeyFormat::Shape::BadChecksum);
        QVERIFY(!c.principal);

        c = check("zv_short");
        QVERIFY(c.rejection == KeyRejection::Malformed);
        QCOMPARE(c.shape, ApiKeyFormat::Shape::WrongLength);

        const QByteArray stranger = ApiKeyFormat::generate().key.toLatin1(); // well-formed, never stored
        c = check(stranger);
        QVERIFY(c.rejection == KeyRejection::Unknown);
        QVERIFY(!c.principal && !c.usage);
    }

    // Each refusal before the quota check names the key and counts nothing; a key that is
    // wrong in several ways gets the first reason in the guide's order.
    void orderBeforeTheQuota()
    {
        const QString free = m_teams.value(Plan::Free), pro = m_teams.value(Plan::Pro);
        const QByteArray everythingWrong = key(m_disabledUser, free, Permissions::Read, Now - 1, Now - 2);
        KeyCheck c = check(everythingWrong);
        QVERIFY(c.rejection == KeyRejection::Revoked);
        QVERIFY(c.principal);
        QVERIFY(!c.usage);
        // Nothing was counted for a refused key, even on a paid plan: the windows are untouched.
        const QByteArray revokedPro = key(m_user, pro, Permissions::Read, {}, Now - 1);
        c = check(revokedPro);
        QVERIFY(c.rejection == KeyRejection::Revoked);
        const UsageTracker::Decision before = m_usage->peek(c.principal->key.id, c.principal->limits, Now);
        QCOMPARE(before.minuteUsed, qint64(0));
        QCOMPARE(before.monthUsed, qint64(0));
        QVERIFY(check(key(m_disabledUser, free, Permissions::Read, Now - 1)).rejection ==
                KeyRejection::OwnerDisabled);
        QVERIFY(check(key(m_user, free, Permissions::Read, Now)).rejection == KeyRejection::Expired);
        c = check(key(m_user, free, Permissions::Read));
        QVERIFY(c.rejection == KeyRejection::PaidPlanRequired);
        QVERIFY(!c.usage);
        // Not yet expired: fine.
        c = check(key(m_user, pro, Permissions::Read, Now + 1));
        QVERIFY2(c.allowed(), "a key expiring in the future works");
        QCOMPARE(c.usage->monthUsed, qint64(1));
    }

    // From the quota check on, the numbers for the headers come along, refusals included;
    // a request refused for its permission has counted (as in the guide: it was made).
    void quotaRateAndPermission()
    {
        PlanRepository(*m_db).set({Plan::Scale, 2, 1'000});
        PlanRepository(*m_db).set({Plan::Enterprise, 100, 1});
        m_epoch.bump();

        const QByteArray scale = key(m_user, m_teams.value(Plan::Scale), Permissions::Read);
        QVERIFY(check(scale).allowed());
        KeyCheck c = check(scale, Permissions::Admin);
        QVERIFY(c.rejection == KeyRejection::InsufficientPermission);
        QVERIFY(c.usage);
        QCOMPARE(c.usage->minuteUsed, qint64(2));
        c = check(scale);
        QVERIFY(c.rejection == KeyRejection::RateLimited);
        QCOMPARE(c.usage->minuteLimit, qint64(2));
        QVERIFY(c.usage->retryAfterSeconds >= 1);
        m_clock.advanceMs(60'000);
        QVERIFY(check(scale).allowed());

        const QByteArray enterprise = key(m_user, m_teams.value(Plan::Enterprise), Permissions::Read);
        QVERIFY(check(enterprise).allowed());
        c = check(enterprise);
        QVERIFY(c.rejection == KeyRejection::MonthlyQuotaExceeded);
        QCOMPARE(c.usage->monthLimit, qint64(1));
        QVERIFY(check(enterprise, 0).rejection == KeyRejection::MonthlyQuotaExceeded);
    }

    void websiteReach()
    {
        const QString pro = m_teams.value(Plan::Pro);
        const QString other = team(Plan::Pro, user(false)); // m_user is not a member
        WebsiteRepository sites(*m_db);
        const Website mine{newId(),
                           pro,
                           QStringLiteral("Mine"),
                           QStringLiteral("https://mine.example"),
                           QStringLiteral("mine.example"),
                           QStringLiteral("ZV-MINE0001"),
                           1, {}};
        const Website theirs{newId(),
                             other,
                             QStringLiteral("Theirs"),
                             QStringLiteral("https://theirs.example"),
                             QStringLiteral("theirs.example"),
                             QStringLiteral("ZV-THEIRS01"),
                             1, {}};
        sites.insert(mine);
        sites.insert(theirs);
        const KeyCheck c = check(key(m_user, pro, Permissions::Read));
        QVERIFY(c.allowed());
        const KeyPrincipal &p = *c.principal;
        QCOMPARE(m_auth->website(p, mine.id).website->id, mine.id);
        QVERIFY(m_auth->website(p, theirs.id).rejection == WebsiteRejection::AccessDenied);
        QVERIFY(m_auth->website(p, QStringLiteral("nope")).rejection == WebsiteRejection::NotFound);
        QVERIFY(!m_auth->website(p, QStringLiteral("nope")).website);

        // A key with access to a team its user has since left reaches none of its websites.
        const QString formerTeam = team(Plan::Pro, m_user);
        const Website former{newId(),
                             formerTeam,
                             QStringLiteral("Former"),
                             QStringLiteral("https://former.example"),
                             QStringLiteral("former.example"),
                             QStringLiteral("ZV-FORMER001"),
                             1, {}};
        sites.insert(former);
        const QByteArray formerKey = key(m_user, pro, Permissions::Read);
        QVERIFY(m_auth->website(*check(formerKey).principal, former.id).website);
        TeamRepository(*m_db).removeMember(formerTeam, m_user);
        m_epoch.bump();
        QVERIFY(m_auth->website(*check(formerKey).principal, former.id).rejection ==
                WebsiteRejection::AccessDenied);
    }
};

QTEST_GUILESS_MAIN(TestKeyAuthenticator)
#include "tst_keyauthenticator.moc"
