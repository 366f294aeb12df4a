// Upgrading a data directory an older release left (real files, then real HTTP): the
// account rules added since must also hold for the rows written before them. Each test
// writes zenovay.db at the schema of the release before the accounts review (version 5)
// with plain SQL, then starts the server on it.
#include "adminclient.h"
#include "olddatabase.h"
#include "testserver.h"

#include "core/accounts/passwordhasher.h"
#include "core/keys/apikeyformat.h"
#include "core/model/domain.h"

#include <QTest>

using namespace TestSupport;

namespace {
constexpr int PreviousVersion = 5;
constexpr qint64 Then = 1'700'000'000'000; // when the old release wrote the rows
const QString Password = QStringLiteral("password-123");
const QString AdminEmail = QStringLiteral("admin@example.com");

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The id of the user a sign-in with this email and the password reaches, or nothing.
QString signedIn(quint16 port, const QString &email)
{
    const HttpResult r =
        adminCall(port, "POST", QStringLiteral("/login"), {},
                  QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), Password}});
    return r.status == 200
               ? r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString()
               : QString();
}

HttpResult externalGet(quint16 port, const QString &key)
{
    return httpRequest(port, "GET", "/api/external/v1/websites", {{"X-API-Key", key.toLatin1()}});
}
} // namespace

class TestAccountsUpgrade : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dataDir() const { return m_dir->path(); }
    // A users row as the old release wrote it (the address only trimmed and lower-cased).
    QString insertUser(const QString &email, bool disabled = false, bool serverAdmin = false)
    {
        const QString id = Core::newId();
        const QString error = OldDatabase::exec(
            dataDir(),
            QStringLiteral("INSERT INTO users (id, email, name, password_hash, is_server_admin, disabled, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {id, email, QStringLiteral("Old user"), Core::PasswordHasher::hashPbkdf2(Password, 1000),
             serverAdmin ? 1 : 0, disabled ? 1 : 0, Then + m_rows++});
        return error.isEmpty() ? id : QString();
    }
    QString insertTeam(const QString &ownerId)
    {
        const QString id = Core::newId();
        QString error = OldDatabase::exec(
            dataDir(),
            QStringLiteral("INSERT INTO teams (id, name, plan, created_at) VALUES (?, ?, 'pro', ?)"),
            {id, QStringLiteral("Old team"), Then});
        if (error.isEmpty())
            error = OldDatabase::exec(
                dataDir(),
                QStringLiteral("INSERT INTO memberships (team_id, user_id, role, joined_at) "
                               "VALUES (?, ?, 'owner', ?)"),
                {id, ownerId, Then});
        return error.isEmpty() ? id : QString();
    }
    // A read key of the user, billed to the team; returns the full key.
    QString insertKey(const QString &userId, const QString &teamId, std::optional<qint64> revokedAt = {})
    {
        const Core::ApiKeyFormat::GeneratedKey key = Core::ApiKeyFormat::generate();
        const QString error = OldDatabase::exec(
            dataDir(),
            QStringLiteral("INSERT INTO api_keys (id, user_id, name, prefix, key_hash, permissions, "
                           "team_access_all, billing_team_id, created_at, revoked_at) "
                           "VALUES (?, ?, 'Old key', ?, ?, ?, 1, ?, ?, ?)"),
            {Core::newId(), userId, key.prefix, QString::fromLatin1(key.hash.toHex()),
             int(Core::Permissions::Read), teamId, Then,
             revokedAt ? QVariant(*revokedAt) : QVariant(QMetaType::fromType<qint64>())});
        return error.isEmpty() ? key.key : QString();
    }
    std::unique_ptr<TestServer> startServer()
    {
        auto server = std::make_unique<TestServer>([dir = dataDir()](Server::ServerConfig &c) {
            c.dataDir = dir;
            c.auth.requestsPerMinute = 100'000;
        });
        return server->isRunning() ? std::move(server) : nullptr;
    }
    qint64 m_rows = 0;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QCOMPARE(OldDatabase::create(dataDir(), PreviousVersion), QString());
    }
    void cleanup() { m_dir.reset(); }

    // Issue 11 ("also seen"): disabling a user now revokes their keys, so enabling them
    // again does not revive the keys. A user disabled by an older release kept unrevoked
    // keys, which came back to life when the user was enabled after the upgrade.
    void keysOfUsersDisabledBeforeTheUpgradeStayRevoked()
    {
        const QString admin = insertUser(AdminEmail, false, true);
        const QString bob = insertUser(QStringLiteral("bob@example.com"), true);
        const QString carol = insertUser(QStringLiteral("carol@example.com"));
        QVERIFY(!admin.isEmpty() && !bob.isEmpty() && !carol.isEmpty());
        const QString bobsTeam = insertTeam(bob), carolsTeam = insertTeam(carol);
        const QString bobsKey = insertKey(bob, bobsTeam);
        const QString bobsOldKey = insertKey(bob, bobsTeam, Then + 5);
        const QString carolsKey = insertKey(carol, carolsTeam);
        QVERIFY(!bobsKey.isEmpty() && !bobsOldKey.isEmpty() && !carolsKey.isEmpty());

        const auto server = startServer();
        QVERIFY(server);
        const quint16 port = server->port();
        QCOMPARE(externalGet(port, carolsKey).status, 200);
        QCOMPARE(externalGet(port, bobsKey).status, 401); // bob is disabled
        const QByteArray token = adminLogin(port, AdminEmail, Password);
        QVERIFY(!token.isEmpty());
        const HttpResult enabled = adminCall(port, "PATCH", QStringLiteral("/users/") + bob, token,
                                             QJsonObject{{QStringLiteral("disabled"), false}});
        QCOMPARE(enabled.status, 200);
        QCOMPARE(enabled.json().value(QStringLiteral("disabled")).toBool(), false);

        const HttpResult refused = externalGet(port, bobsKey);
        QCOMPARE(refused.status, 401);
        QCOMPARE(codeOf(refused), QStringLiteral("API_KEY_REVOKED"));
        QVERIFY2(refused.json()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QLatin1String("was revoked at")),
                 refused.body.constData());
        QCOMPARE(codeOf(externalGet(port, bobsOldKey)), QStringLiteral("API_KEY_REVOKED"));
        QCOMPARE(externalGet(port, carolsKey).status, 200);
        // A key revoked before keeps its time; the audit log says what the upgrade did.
        QVERIFY(OldDatabase::column(
                    dataDir(), QStringLiteral("SELECT revoked_at FROM api_keys WHERE user_id = ?"), {bob})
                    .contains(Then + 5));
        QCOMPARE(OldDatabase::column(
                     dataDir(),
                     QStringLiteral("SELECT target_id FROM audit_log WHERE action = 'user.keys_revoked'")),
                 QVariantList{bob});
    }

    // Sign-in finds an account by its normalised address through an indexed column, one
    // look-up, instead of reading every user for an unknown email. Rows the old release
    // wrote get the column at start-up (NFKC cannot be done in SQL) and keep signing in:
    // exactly as stored, and by the normalised form where no earlier row holds it.
    void oldAddressesGetTheIndexedKeyAndKeepSigningIn()
    {
        const QString fullwidthCarol = u("\xEF\xBD\x83"
                                         "arol@example.com");
        const QString invisibleZoe = u("zoe\xE2\x80\x8B@example.com");
        const QString fullwidthDave = u("\xEF\xBD\x84"
                                        "ave@example.com");
        const QString admin = insertUser(AdminEmail, false, true);
        const QString carol1 = insertUser(fullwidthCarol); // older builds let both exist
        const QString carol2 = insertUser(QStringLiteral("carol@example.com"));
        const QString zoe = insertUser(invisibleZoe);
        const QString dave = insertUser(fullwidthDave);
        QVERIFY(!admin.isEmpty() && !carol1.isEmpty() && !carol2.isEmpty() && !zoe.isEmpty() &&
                !dave.isEmpty());

        for (int start = 0; start < 2; ++start) { // a second start changes nothing
            const auto server = startServer();
            QVERIFY(server);
            const quint16 port = server->port();
            const auto idOfSignedIn = [&](const QString &email) { return signedIn(port, email); };
            QCOMPARE(idOfSignedIn(AdminEmail), admin);
            QCOMPARE(idOfSignedIn(QStringLiteral(" Admin@EXAMPLE.com")), admin);
            QCOMPARE(idOfSignedIn(fullwidthCarol), carol1);
            QCOMPARE(idOfSignedIn(QStringLiteral("carol@example.com")), carol2);
            QCOMPARE(idOfSignedIn(invisibleZoe), zoe);
            QCOMPARE(idOfSignedIn(QStringLiteral("zoe@example.com")), QString());
            QCOMPARE(idOfSignedIn(fullwidthDave), dave);
            QCOMPARE(idOfSignedIn(QStringLiteral("Dave@example.com")), dave);
            QCOMPARE(idOfSignedIn(QStringLiteral("nobody@example.com")), QString());
            const QByteArray token = adminLogin(port, AdminEmail, Password);
            const HttpResult taken =
                adminCall(port, "POST", QStringLiteral("/users"), token,
                          QJsonObject{{QStringLiteral("email"), QStringLiteral("dave@example.com")},
                                      {QStringLiteral("name"), QStringLiteral("Dave")},
                                      {QStringLiteral("password"), Password}});
            QCOMPARE(taken.status, 409);
            QCOMPARE(codeOf(taken), QStringLiteral("EMAIL_TAKEN"));
            // Old rows have skeletons too: what looks like one of them is taken (an
            // invisible character is no difference to the eye).
            for (const QString &lookAlike :
                 {QStringLiteral("adrnin@example.com"), QStringLiteral("zoe@example.com")}) {
                const HttpResult r =
                    adminCall(port, "POST", QStringLiteral("/users"), token,
                              QJsonObject{{QStringLiteral("email"), lookAlike},
                                          {QStringLiteral("name"), QStringLiteral("Look-alike")},
                                          {QStringLiteral("password"), Password}});
                QCOMPARE(r.status, 409);
                QVERIFY(r.json()
                            .value(QStringLiteral("error"))
                            .toString()
                            .contains(QLatin1String("looks the same")));
            }
        }
        QCOMPARE(OldDatabase::column(
                     dataDir(), QStringLiteral("SELECT COUNT(*) FROM users WHERE email_skeleton IS NULL")),
                 QVariantList{0});
        // The key of each row; the later of two rows with one normalised address has none
        // (it signs in by its address as stored).
        QCOMPARE(
            OldDatabase::column(dataDir(), QStringLiteral("SELECT email_key FROM users ORDER BY created_at")),
            (QVariantList{AdminEmail, QStringLiteral("carol@example.com"),
                          QVariant(QMetaType::fromType<QString>()), invisibleZoe,
                          QStringLiteral("dave@example.com")}));
        // One index look-up, not a scan of the table.
        const QVariantList plan = OldDatabase::column(
            dataDir(), QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM users WHERE email_key = ?"),
            {AdminEmail}, 3); // the "detail" column
        QVERIFY(!plan.isEmpty());
        QVERIFY2(plan.constLast().toString().contains(QLatin1String("INDEX users_email_key")),
                 qPrintable(plan.constLast().toString()));
    }

    // Issue 13: the PBKDF2 hashes of older releases are wrapped in Argon2id at the first
    // start, so a stolen database holds none of them bare; the old password keeps signing
    // in, and that sign-in stores a plain Argon2id hash. A wrong password and an unknown
    // email get the same answer throughout.
    void oldPasswordHashesAreWrappedAtStartAndReplacedAtSignIn()
    {
        const QString admin = insertUser(AdminEmail, false, true);
        const QString bob = insertUser(QStringLiteral("bob@example.com"));
        QVERIFY(!admin.isEmpty() && !bob.isEmpty());
        const auto hashOf = [this](const QString &id) {
            const QVariantList v = OldDatabase::column(
                dataDir(), QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {id});
            return v.isEmpty() ? QString() : v.constFirst().toString();
        };
        const QString bobsOld = hashOf(bob);
        QVERIFY(bobsOld.startsWith(QLatin1String("pbkdf2-sha256$1000$")));

        QString bobsWrapped;
        for (int start = 0; start < 2; ++start) { // a second start wraps nothing twice
            const auto server = startServer();
            QVERIFY(server);
            if (start == 0) {
                bobsWrapped = hashOf(bob);
                QVERIFY2(bobsWrapped.startsWith(QLatin1String("pbkdf2-sha256+argon2id$1000$")),
                         qPrintable(bobsWrapped));
                QVERIFY(!bobsWrapped.contains(bobsOld.section(QLatin1Char('$'), 3)));
            }
            QCOMPARE(hashOf(bob), bobsWrapped);
            QCOMPARE(OldDatabase::column(dataDir(), QStringLiteral("SELECT COUNT(*) FROM users WHERE "
                                                                   "password_hash LIKE 'pbkdf2-sha256$%'")),
                     QVariantList{0});
        }
        const auto server = startServer();
        QVERIFY(server);
        const quint16 port = server->port();
        for (const QString &email :
             {QStringLiteral("bob@example.com"), QStringLiteral("nobody@example.com")}) {
            const HttpResult wrong = adminCall(
                port, "POST", QStringLiteral("/login"), {},
                QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), u("wrong-pass")}});
            QCOMPARE(wrong.status, 401);
            QCOMPARE(codeOf(wrong), QStringLiteral("INVALID_CREDENTIALS"));
        }
        QCOMPARE(hashOf(bob), bobsWrapped);
        QCOMPARE(signedIn(port, QStringLiteral("bob@example.com")), bob);
        QVERIFY2(hashOf(bob).startsWith(QLatin1String("$argon2id$")), qPrintable(hashOf(bob)));
        QCOMPARE(signedIn(port, QStringLiteral("bob@example.com")), bob);
        QVERIFY(hashOf(admin).startsWith(QLatin1String("pbkdf2-sha256+argon2id$"))); // not signed in yet
    }
};

QTEST_GUILESS_MAIN(TestAccountsUpgrade)
#include "tst_accountsupgrade.moc"
