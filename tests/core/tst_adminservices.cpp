// The account, team, key and website services and the JSON mapping, without HTTP.
#include "core/accounts/accountservice.h"
#include "core/accounts/authzepoch.h"
#include "core/accounts/passwordhasher.h"
#include "core/accounts/teamservice.h"
#include "core/audit/auditlog.h"
#include "core/ingest/eventstore.h"
#include "core/keys/keyservice.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/userrepository.h"
#include "core/websites/websiteservice.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Core;

namespace {
constexpr qint64 Start = 1'780'000'020'000;

// Runs fn and returns the ServiceError it throws (a default "none" error if it does not).
template <typename Fn>
ServiceError errorOf(Fn &&fn)
{
    try {
        fn();
    } catch (const ServiceError &e) {
        return e;
    }
    return {ServiceError::Kind::InvalidArgument, "NONE", QStringLiteral("no error thrown")};
}
} // namespace

class TestAdminServices : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    AuthzEpoch m_epoch;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<TeamService> m_teams;
    std::unique_ptr<KeyService> m_keys;
    std::unique_ptr<WebsiteService> m_websites;
    Actor m_admin;

    Actor actorFor(const User &u) { return {u.id, u.isServerAdmin, QStringLiteral("10.0.0.1")}; }
    User makeUser(const QString &email)
    {
        return m_accounts->createUser(m_admin, email, QStringLiteral("Someone"),
                                      QStringLiteral("password-1"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("z.db")));
        QVERIFY(!m_db->open());
        m_clock = std::make_unique<ManualClock>(Start);
        m_accounts = std::make_unique<AccountService>(*m_db, *m_clock, m_epoch,
                                                      AccountService::Settings{{8, 1}, 3'600'000});
        m_teams = std::make_unique<TeamService>(*m_db, *m_clock, m_epoch);
        m_keys = std::make_unique<KeyService>(*m_db, *m_clock, m_epoch);
        m_websites = std::make_unique<WebsiteService>(*m_db, *m_clock);
        const auto setup = m_accounts->setup({}, QStringLiteral("admin@example.com"), QStringLiteral("Ada"),
                                             QStringLiteral("password-1"), QString());
        m_admin = actorFor(setup.user);
    }
    void cleanup()
    {
        m_accounts.reset();
        m_teams.reset();
        m_keys.reset();
        m_websites.reset();
        m_db.reset();
        m_dir.reset();
    }

    void setupOnlyOnce()
    {
        const ServiceError e = errorOf([&] {
            m_accounts->setup({}, QStringLiteral("x@example.com"), QStringLiteral("X"),
                              QStringLiteral("password-1"), {});
        });
        QCOMPARE(e.kind(), ServiceError::Kind::Conflict);
        QCOMPARE(e.code(), QByteArray("ALREADY_SET_UP"));
        QVERIFY(m_accounts->isSetUp());
    }

    void loginSessionsAndExpiry()
    {
        const auto result =
            m_accounts->login({}, QStringLiteral("ADMIN@example.com"), QStringLiteral("password-1"));
        QCOMPARE(result.expiresAt, Start + 3'600'000);
        QCOMPARE(m_accounts->authenticate(result.token.toLatin1()).id, m_admin.userId);
        for (const auto &[email, password] :
             {std::pair{QStringLiteral("admin@example.com"), QStringLiteral("nope")},
              std::pair{QStringLiteral("ghost@example.com"), QStringLiteral("password-1")}}) {
            const ServiceError e = errorOf([&] { m_accounts->login({}, email, password); });
            QCOMPARE(e.code(), QByteArray("INVALID_CREDENTIALS"));
            QCOMPARE(e.message(), QStringLiteral("Invalid email or password"));
        }
        m_clock->advanceMs(3'600'000);
        QCOMPARE(errorOf([&] { m_accounts->authenticate(result.token.toLatin1()); }).code(),
                 QByteArray("SESSION_EXPIRED"));
        const AuditLog audit(*m_db, *m_clock);
        QCOMPARE(audit.list(0, 10).first().action, QStringLiteral("login.failed"));
        QVERIFY(audit.list(0, 10).first().details.contains(QStringLiteral("email_sha256_16")));
        // Still "expired" (not "unknown") on every later request...
        QCOMPARE(errorOf([&] { m_accounts->authenticate(result.token.toLatin1()); }).code(),
                 QByteArray("SESSION_EXPIRED"));
        // ...until a day later the next sign-in clears it out.
        m_clock->advanceMs(24 * 3'600'000LL);
        m_accounts->login({}, QStringLiteral("admin@example.com"), QStringLiteral("password-1"));
        QCOMPARE(errorOf([&] { m_accounts->authenticate(result.token.toLatin1()); }).code(),
                 QByteArray("UNAUTHORIZED"));
    }

    void weakerHashesAreUpgradedAtSignIn()
    {
        UserRepository users(*m_db);
        QVERIFY(
            users.passwordHashOf(m_admin.userId)->startsWith(QLatin1String("$argon2id$v=19$m=8,t=1,p=1$")));
        // A PBKDF2 hash, as older releases wrote them, becomes Argon2id at the next sign-in.
        QSqlQuery(m_db->connection())
            .exec(QStringLiteral("UPDATE users SET password_hash = '%1' WHERE id = '%2'")
                      .arg(PasswordHasher::hashPbkdf2(QStringLiteral("password-1"), 1000), m_admin.userId));
        QVERIFY(users.passwordHashOf(m_admin.userId)->startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        QVERIFY(!m_accounts->login({}, QStringLiteral("admin@example.com"), QStringLiteral("password-1"))
                     .token.isEmpty());
        QVERIFY(
            users.passwordHashOf(m_admin.userId)->startsWith(QLatin1String("$argon2id$v=19$m=8,t=1,p=1$")));
        // Stronger parameters configured: upgraded at the next sign-in.
        AccountService stronger(*m_db, *m_clock, m_epoch, AccountService::Settings{{16, 2}, 3'600'000});
        QVERIFY(!stronger.login({}, QStringLiteral("admin@example.com"), QStringLiteral("password-1"))
                     .token.isEmpty());
        const QString upgraded = *users.passwordHashOf(m_admin.userId);
        QVERIFY2(upgraded.startsWith(QLatin1String("$argon2id$v=19$m=16,t=2,p=1$")), qPrintable(upgraded));
        QVERIFY(PasswordHasher::verify(QStringLiteral("password-1"), upgraded));
        // Never downgraded.
        QVERIFY(!m_accounts->login({}, QStringLiteral("admin@example.com"), QStringLiteral("password-1"))
                     .token.isEmpty());
        QCOMPARE(*users.passwordHashOf(m_admin.userId), upgraded);
        // A failed sign-in changes nothing.
        AccountService strongest(*m_db, *m_clock, m_epoch, AccountService::Settings{{32, 3}, 3'600'000});
        QCOMPARE(errorOf([&] {
                     strongest.login({}, QStringLiteral("admin@example.com"), QStringLiteral("wrong"));
                 }).code(),
                 QByteArray("INVALID_CREDENTIALS"));
        QCOMPARE(*users.passwordHashOf(m_admin.userId), upgraded);
    }

    // What a sign-in check must spend, read from the stored hashes: the most PBKDF2
    // rounds any old hash still needs, and the most expensive Argon2id parameters (so an
    // unknown email costs what the most expensive account costs).
    void signInCostFollowsTheStoredHashes()
    {
        auto attempt = m_accounts->beginLogin(QStringLiteral("nobody@example.com"));
        QVERIFY(!attempt.user);
        QCOMPARE(attempt.cost.pbkdf2Floor, 0);
        QVERIFY(attempt.cost.dummyArgon2);
        QCOMPARE(attempt.cost.dummyArgon2->memoryKib, 8u); // the admin's hash (policy {8, 1})
        const User bob = makeUser(QStringLiteral("bob@example.com"));
        QSqlQuery(m_db->connection())
            .exec(QStringLiteral("UPDATE users SET password_hash = '%1' WHERE id = '%2'")
                      .arg(PasswordHasher::hash(QStringLiteral("password-1"), {48, 2}), bob.id));
        const User carol = makeUser(QStringLiteral("carol@example.com"));
        QSqlQuery(m_db->connection())
            .exec(QStringLiteral("UPDATE users SET password_hash = '%1' WHERE id = '%2'")
                      .arg(PasswordHasher::hashPbkdf2(QStringLiteral("password-1"), 4000), carol.id));
        attempt = m_accounts->beginLogin(QStringLiteral("nobody@example.com"));
        QCOMPARE(attempt.cost.pbkdf2Floor, 4000);
        QCOMPARE(attempt.cost.dummyArgon2->memoryKib, 48u);
        QCOMPARE(attempt.cost.dummyArgon2->iterations, 2u);
        // The same cost whoever the email names.
        const auto forCarol = m_accounts->beginLogin(QStringLiteral("carol@example.com"));
        QCOMPARE(forCarol.cost.pbkdf2Floor, 4000);
        QCOMPARE(forCarol.cost.dummyArgon2->memoryKib, 48u);
        // Carol signs in: her hash becomes Argon2id, and no PBKDF2 round is owed any more.
        QVERIFY(!m_accounts->login({}, carol.email, QStringLiteral("password-1")).token.isEmpty());
        QCOMPARE(m_accounts->beginLogin(QStringLiteral("nobody@example.com")).cost.pbkdf2Floor, 0);
    }

    void disablingEndsSessionsAndBumpsTheEpoch()
    {
        const User bob = makeUser(QStringLiteral("bob@example.com"));
        const auto session = m_accounts->login({}, bob.email, QStringLiteral("password-1"));
        const quint64 before = m_epoch.current();
        m_accounts->updateUser(m_admin, bob.id, std::nullopt, true);
        QVERIFY(m_epoch.current() > before);
        QCOMPARE(errorOf([&] { m_accounts->authenticate(session.token.toLatin1()); }).code(),
                 QByteArray("UNAUTHORIZED"));
        QCOMPARE(errorOf([&] { m_accounts->login({}, bob.email, QStringLiteral("password-1")); }).code(),
                 QByteArray("ACCOUNT_DISABLED"));
    }

    void removingAMemberCutsTheirKeysOffTheTeam()
    {
        const User bob = makeUser(QStringLiteral("bob@example.com"));
        const auto team = m_teams->create(m_admin, QStringLiteral("T"));
        m_teams->addMember(m_admin, team.team.id, bob.email, QStringLiteral("member"));
        const auto own = m_teams->create(actorFor(bob), QStringLiteral("Bob's"));
        KeyInput in;
        in.name = QStringLiteral("k");
        in.permissions = QStringList{QStringLiteral("read")};
        in.teamAccessText = QStringLiteral("all");
        in.teamAccessGiven = true;
        in.billingTeamId = own.team.id;
        const auto all = m_keys->create(actorFor(bob), in).key;
        in.teamAccessText.reset();
        in.teamAccessIds = QStringList{own.team.id};
        const auto scoped = m_keys->create(actorFor(bob), in).key;

        QVERIFY(m_keys->reachesTeam(all, team.team.id));
        QVERIFY(m_keys->reachesTeam(all, own.team.id));
        QVERIFY(!m_keys->reachesTeam(scoped, team.team.id)); // outside its access
        QVERIFY(m_keys->reachesTeam(scoped, own.team.id));

        const quint64 before = m_epoch.current();
        m_teams->removeMember(m_admin, team.team.id, bob.id);
        QVERIFY(m_epoch.current() > before);
        QVERIFY(!m_keys->reachesTeam(*ApiKeyRepository(*m_db).findById(all.id), team.team.id));
        QVERIFY(m_keys->reachesTeam(*ApiKeyRepository(*m_db).findById(all.id), own.team.id));

        m_keys->revoke(actorFor(bob), scoped.id);
        QVERIFY(!m_keys->reachesTeam(*ApiKeyRepository(*m_db).findById(scoped.id), own.team.id));
        m_accounts->updateUser(m_admin, bob.id, std::nullopt, true);
        QVERIFY(!m_keys->reachesTeam(*ApiKeyRepository(*m_db).findById(all.id), own.team.id));
    }

    void expiredKeysReachNothing()
    {
        const auto team = m_teams->create(m_admin, QStringLiteral("T"));
        KeyInput in;
        in.name = QStringLiteral("k");
        in.permissions = QStringList{QStringLiteral("admin")};
        in.teamAccessText = QStringLiteral("all");
        in.teamAccessGiven = true;
        in.billingTeamId = team.team.id;
        in.expiresAt = QStringLiteral("2026-05-28T22:36:40+02:00"); // 20:36:40Z = Start + 580 s
        const auto key = m_keys->create(m_admin, in).key;
        QCOMPARE(*key.expiresAt, Start + 580'000);
        QVERIFY(m_keys->reachesTeam(key, team.team.id));
        m_clock->setMs(*key.expiresAt);
        QVERIFY(!m_keys->reachesTeam(key, team.team.id));
    }

    void lastOwnerRule()
    {
        const auto team = m_teams->create(m_admin, QStringLiteral("T"));
        QCOMPARE(errorOf([&] { m_teams->removeMember(m_admin, team.team.id, m_admin.userId); }).code(),
                 QByteArray("LAST_OWNER"));
        QCOMPARE(errorOf([&] {
                     m_teams->changeRole(m_admin, team.team.id, m_admin.userId, QStringLiteral("member"));
                 }).code(),
                 QByteArray("LAST_OWNER"));
        const User bob = makeUser(QStringLiteral("bob@example.com"));
        m_teams->addMember(m_admin, team.team.id, bob.email, QStringLiteral("owner"));
        m_teams->changeRole(m_admin, team.team.id, m_admin.userId, QStringLiteral("member"));
        QCOMPARE(m_teams->members(actorFor(bob), team.team.id).size(), 2);
    }

    // Deleting a team deletes its websites' events and everything derived from them, as
    // deleting each website would; another team's stay.
    void deletingATeamDeletesItsWebsitesAnalytics()
    {
        const auto team = m_teams->create(m_admin, QStringLiteral("Gone"));
        const auto other = m_teams->create(m_admin, QStringLiteral("Stays"));
        const Website a = m_websites->create(team.team.id, QStringLiteral("A"), QStringLiteral("https://a.example"));
        const Website b = m_websites->create(team.team.id, QStringLiteral("B"), QStringLiteral("https://b.example"));
        const Website c = m_websites->create(other.team.id, QStringLiteral("C"), QStringLiteral("https://c.example"));
        std::vector<EventStore::Queued> events;
        quint64 seq = 0;
        for (const Website &site : {a, b, c}) {
            for (int i = 0; i < 3; ++i) {
                TrackedEvent e;
                e.websiteId = site.id;
                e.type = TrackedEvent::Type::Pageview;
                e.url = site.url + QStringLiteral("/p%1").arg(i);
                e.path = QStringLiteral("/p%1").arg(i);
                e.referrer = QStringLiteral("https://news.example.org/x");
                e.sessionId = QStringLiteral("s-") + site.id;
                e.userAgent = QStringLiteral("Mozilla/5.0");
                e.browser = QStringLiteral("Firefox");
                e.os = QStringLiteral("Linux");
                e.deviceType = QStringLiteral("desktop");
                e.occurredAt = m_clock->nowMs() - 60'000 + i * 1000;
                e.receivedAt = e.occurredAt;
                events.push_back({++seq, e});
            }
        }
        EventStore(*m_db).apply(events, {}, seq);
        const char *tables[] = {"events",           "rollup_buckets",      "rollup_dimensions",
                                "rollup_dimension_spans", "filtered_buckets", "filtered_dimensions",
                                "session_state",    "ingest_stats"};
        const auto rows = [&](const char *table, const QString &website) {
            QSqlQuery q(m_db->connection());
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE website_id = ?").arg(QLatin1String(table)));
            q.addBindValue(website);
            return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
        };
        for (const char *table : tables)
            for (const Website &site : {a, b, c})
                QVERIFY2(rows(table, site.id) > 0, table);
        m_teams->remove(m_admin, team.team.id);
        for (const char *table : tables) {
            QVERIFY2(rows(table, a.id) == 0, table);
            QVERIFY2(rows(table, b.id) == 0, table);
            QVERIFY2(rows(table, c.id) > 0, table);
        }
        QVERIFY(!m_websites->find(a.id));
        QVERIFY(m_websites->find(c.id));
    }

    void websiteRules()
    {
        QCOMPARE(WebsiteService::validate(QString(101, QLatin1Char('a')), QStringLiteral("nope"), true),
                 (QMap<QString, QString>{
                     {QStringLiteral("name"), QStringLiteral("Name too long (max 100 characters)")},
                     {QStringLiteral("url"), QStringLiteral("Invalid URL format")}}));
        QVERIFY(WebsiteService::validate(std::nullopt, std::nullopt, false).isEmpty());
        QCOMPARE(WebsiteService::domainOf(QStringLiteral("https://WWW.Example.com:8443/a?b#c"))
                     .value_or(QString()),
                 QStringLiteral("www.example.com"));
        QCOMPARE(WebsiteService::domainOf(QStringLiteral("http://[::1]:8080/")).value_or(QString()),
                 QStringLiteral("::1"));
        QVERIFY(!WebsiteService::domainOf(QStringLiteral(" https://example.com")));
        QVERIFY(!WebsiteService::domainOf(QStringLiteral("mailto:a@example.com")));

        const auto team = m_teams->create(m_admin, QStringLiteral("T"));
        for (int i = 0; i < 5; ++i) {
            m_clock->advanceMs(1);
            m_websites->create(team.team.id, QStringLiteral("W%1").arg(i),
                               QStringLiteral("https://w%1.example").arg(i));
        }
        const auto page = m_websites->list({team.team.id}, 2, 2);
        QCOMPARE(page.total, 5);
        QCOMPARE(page.items.size(), 2);
        QCOMPARE(page.items[0].name, QStringLiteral("W2")); // newest first: W4 W3 | W2 W1 | W0
        QCOMPARE(errorOf([&] {
                     m_websites->create(QStringLiteral("nope"), QStringLiteral("W"),
                                        QStringLiteral("https://x.io"));
                 }).code(),
                 QByteArray("NOT_FOUND"));
        QCOMPARE(errorOf([&] {
                     m_websites->update(QStringLiteral("nope"), {{}, QStringLiteral("W"), {}, {}});
                 }).code(),
                 QByteArray("NOT_FOUND"));
    }
};

QTEST_GUILESS_MAIN(TestAdminServices)
#include "tst_adminservices.moc"
