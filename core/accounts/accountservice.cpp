#include "accountservice.h"

#include "authzepoch.h"
#include "core/audit/auditlog.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/sessionrepository.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "emailaddress.h"
#include "passwordhasher.h"
#include "validation.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Core {

namespace {
const QByteArray TokenPrefix = QByteArrayLiteral("zvs_");
constexpr qsizetype TokenRandomBytes = 32;
constexpr qsizetype TokenLength = 4 + 43; // base64url of 32 bytes, unpadded
constexpr qint64 ExpiredSessionGraceMs = 24 * 3'600'000LL;

ServiceError invalidCredentials()
{
    return {ServiceError::Kind::Unauthorized, "INVALID_CREDENTIALS",
            QStringLiteral("Invalid email or password")};
}

ServiceError unauthorized()
{
    return {ServiceError::Kind::Unauthorized, "UNAUTHORIZED",
            QStringLiteral("Sign in required: send 'Authorization: Bearer <session token>'")};
}

QByteArray newToken()
{
    QByteArray random(TokenRandomBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), TokenRandomBytes / 4);
    return TokenPrefix + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

AccountService::AccountService(const Database &db, const Clock &clock, AuthzEpoch &epoch, Settings settings)
    : m_db(db), m_clock(clock), m_epoch(epoch), m_settings(settings)
{}

QByteArray AccountService::tokenHash(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool AccountService::isSetUp() const
{
    return UserRepository(m_db).count() > 0;
}

void AccountService::validateNewUser(const QString &email, const QString &name, const QString &password) const
{
    QMap<QString, QString> details;
    if (auto e = Validation::checkEmail(email))
        details.insert(QStringLiteral("email"), *e);
    if (auto e = Validation::checkName(name))
        details.insert(QStringLiteral("name"), *e);
    if (auto e = Validation::checkPassword(password))
        details.insert(QStringLiteral("password"), *e);
    if (!details.isEmpty())
        throw ServiceError::validation(details);
}

namespace {
ServiceError alreadySetUp()
{
    return {ServiceError::Kind::Conflict, "ALREADY_SET_UP",
            QStringLiteral("This server is already set up; sign in instead")};
}

QString teamNameFor(const QString &teamName, const QString &userName)
{
    return teamName.isEmpty() ? QStringLiteral("%1's team").arg(userName.trimmed()) : teamName;
}
} // namespace

void AccountService::checkSetup(const QString &email, const QString &name, const QString &password,
                                const QString &teamName) const
{
    if (isSetUp())
        throw alreadySetUp();
    validateNewUser(email, name, password);
    if (auto e = Validation::checkName(teamNameFor(teamName, name)))
        throw ServiceError::validation({{QStringLiteral("team_name"), *e}});
}

AccountService::SetupResult AccountService::setup(const Actor &actor, const QString &email,
                                                  const QString &name, const QString &password,
                                                  const QString &teamName, const QString &passwordHash)
{
    checkSetup(email, name, password, teamName);
    const QString team = teamNameFor(teamName, name);
    // The slow KDF runs before the write transaction, so the lock is held briefly.
    const QString hash =
        passwordHash.isEmpty() ? PasswordHasher::hash(password, m_settings.passwordPolicy) : passwordHash;
    const qint64 now = m_clock.nowMs();
    SetupResult result{User{newId(), EmailAddress::normalised(email), name.trimmed(), now, true, false},
                       Team{newId(), team.trimmed(), Plan::Free, now}};
    Transaction tx(m_db);
    UserRepository users(m_db);
    if (users.count() > 0)
        throw alreadySetUp();
    users.insert(result.user, hash);
    TeamRepository teams(m_db);
    teams.insert(result.team);
    teams.addMember({result.team.id, result.user.id, Role::Owner, now});
    const AuditLog audit(m_db, m_clock);
    Actor who = actor;
    who.userId = result.user.id;
    audit.record(who, QStringLiteral("setup"), QStringLiteral("user"), result.user.id,
                 {{QStringLiteral("team_id"), result.team.id}});
    tx.commit();
    return result;
}

AccountService::LoginResult AccountService::login(const Actor &actor, const QString &email,
                                                  const QString &password)
{
    const LoginAttempt attempt = beginLogin(email);
    return finishLogin(
        actor, attempt,
        PasswordHasher::check(password, attempt.storedHash, m_settings.passwordPolicy, attempt.cost));
}

AccountService::LoginAttempt AccountService::beginLogin(const QString &email) const
{
    UserRepository users(m_db);
    LoginAttempt attempt;
    attempt.email = email;
    attempt.user = email.size() <= Validation::MaxEmailLength ? users.findForEmail(email) : std::nullopt;
    attempt.storedHash = attempt.user ? users.passwordHashOf(attempt.user->id) : std::nullopt;
    // Accounts not signed in since the upgrade still need PBKDF2 rounds, and a hash made
    // under a stronger policy costs more to verify: every check does as many rounds, and
    // an unknown email's Argon2id pass gets the most expensive stored parameters, so the
    // time of an answer does not tell which kind of account (or none) an email has. One
    // scan of the users' hashes (a few thousand short strings on a self-hosted server).
    for (const QString &hash : users.passwordHashes()) {
        attempt.cost.pbkdf2Floor = qMax(attempt.cost.pbkdf2Floor, PasswordHasher::iterationsOf(hash));
        const auto p = PasswordHasher::parametersOf(hash);
        const auto &dummy = attempt.cost.dummyArgon2;
        if (p && (!dummy || p->memoryKib * p->iterations > dummy->memoryKib * dummy->iterations))
            attempt.cost.dummyArgon2 = p;
    }
    return attempt;
}

AccountService::LoginResult AccountService::finishLogin(const Actor &actor, const LoginAttempt &attempt,
                                                        const PasswordHasher::Check &check)
{
    const AuditLog audit(m_db, m_clock);
    const std::optional<User> &user = attempt.user;
    const QString &email = attempt.email;
    // check() did the same work whether or not the account exists.
    if (!check.matches || !attempt.storedHash) {
        if (user)
            audit.record(actor, QStringLiteral("login.failed"), QStringLiteral("user"), user->id);
        else
            audit.record(actor, QStringLiteral("login.failed"), QString(), QString(),
                         {{QStringLiteral("email_sha256_16"), emailTag(email)}});
        throw invalidCredentials();
    }
    if (user->disabled) {
        audit.record(actor, QStringLiteral("login.disabled"), QStringLiteral("user"), user->id);
        throw ServiceError::forbidden("ACCOUNT_DISABLED", QStringLiteral("This account is disabled"));
    }
    // A PBKDF2 hash, or an Argon2id one with other parameters, was replaced while the
    // password was at hand; it is written unless the stored hash changed meanwhile.
    const QString &upgraded = check.upgradedHash;
    const qint64 now = m_clock.nowMs();
    LoginResult result{QString::fromLatin1(newToken()), *user, now + m_settings.sessionTtlMs};
    Transaction tx(m_db);
    if (!upgraded.isEmpty())
        UserRepository(m_db).replacePasswordHash(user->id, *attempt.storedHash, upgraded);
    SessionRepository sessions(m_db);
    // Expired sessions are kept for a day, so clients keep hearing SESSION_EXPIRED (not
    // UNAUTHORIZED) for them; then they go.
    sessions.removeExpired(now - ExpiredSessionGraceMs);
    sessions.insert(tokenHash(result.token.toLatin1()), user->id, now, result.expiresAt, actor.ip);
    Actor who = actor;
    who.userId = user->id;
    audit.record(who, QStringLiteral("login"), QStringLiteral("user"), user->id);
    tx.commit();
    return result;
}

void AccountService::logout(const QByteArray &token)
{
    SessionRepository(m_db).remove(tokenHash(token));
}

User AccountService::authenticate(const QByteArray &token) const
{
    if (token.size() != TokenLength || !token.startsWith(TokenPrefix))
        throw unauthorized();
    SessionRepository sessions(m_db);
    const QByteArray hash = tokenHash(token);
    const auto row = sessions.find(hash);
    if (!row)
        throw unauthorized();
    if (row->expiresAt <= m_clock.nowMs()) {
        throw ServiceError(ServiceError::Kind::Unauthorized, "SESSION_EXPIRED",
                           QStringLiteral("Your session has expired; sign in again"));
    }
    const auto user = UserRepository(m_db).findById(row->userId);
    if (!user || user->disabled)
        throw unauthorized();
    return *user;
}

QList<User> AccountService::listUsers() const
{
    return UserRepository(m_db).list();
}

std::optional<User> AccountService::findUser(const QString &id) const
{
    return UserRepository(m_db).findById(id);
}

void AccountService::checkNewUser(const QString &email, const QString &name, const QString &password) const
{
    validateNewUser(email, name, password);
    UserRepository users(m_db);
    // Compatibility forms of an existing address (fullwidth, other case) are that address.
    if (users.findForEmail(email))
        throw ServiceError(ServiceError::Kind::Conflict, "EMAIL_TAKEN",
                           QStringLiteral("A user with this email already exists"));
    // A different address that looks the same (a dotless i, "rn" for "m") is taken too. The
    // caller is a server admin, who may see every user's address.
    if (const auto existing = users.findLookingLike(email))
        throw ServiceError(ServiceError::Kind::Conflict, "EMAIL_TAKEN",
                           QStringLiteral("This email looks the same as the address of an existing user (%1)")
                               .arg(existing->email));
}

User AccountService::createUser(const Actor &actor, const QString &email, const QString &name,
                                const QString &password, const QString &passwordHash)
{
    checkNewUser(email, name, password);
    const QString hash =
        passwordHash.isEmpty() ? PasswordHasher::hash(password, m_settings.passwordPolicy) : passwordHash;
    UserRepository users(m_db);
    const User user{newId(), EmailAddress::normalised(email), name.trimmed(), m_clock.nowMs(), false, false};
    Transaction tx(m_db);
    users.insert(user, hash);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("user.created"), QStringLiteral("user"), user.id,
                {{QStringLiteral("email_sha256_16"), emailTag(user.email)}});
    tx.commit();
    return user;
}

qsizetype AccountService::wrapLegacyHashes(const Database &db, const PasswordHasher::Policy &policy)
{
    UserRepository users(db);
    qsizetype wrapped = 0;
    for (const auto &[id, hash] : users.pbkdf2Hashes()) {
        // Each in its own statement: a restart part-way through goes on where it stopped.
        if (const auto replacement = PasswordHasher::wrapLegacy(hash, policy))
            wrapped += users.replacePasswordHash(id, hash, *replacement) ? 1 : 0;
    }
    return wrapped;
}

User AccountService::updateUser(const Actor &actor, const QString &id, const std::optional<QString> &name,
                                std::optional<bool> disabled)
{
    UserRepository users(m_db);
    auto user = users.findById(id);
    if (!user)
        throw ServiceError::notFound(QStringLiteral("User not found"));
    QMap<QString, QString> details;
    if (name)
        if (auto e = Validation::checkName(*name))
            details.insert(QStringLiteral("name"), *e);
    if (disabled && *disabled && id == actor.userId)
        details.insert(QStringLiteral("disabled"), QStringLiteral("You cannot disable your own account"));
    if (!details.isEmpty())
        throw ServiceError::validation(details);
    const bool disabling = disabled && *disabled && !user->disabled;
    const bool enabling = disabled && !*disabled && user->disabled;
    if (name)
        user->name = name->trimmed();
    if (disabled)
        user->disabled = *disabled;
    Transaction tx(m_db);
    users.update(*user);
    const AuditLog audit(m_db, m_clock);
    if (disabling) {
        SessionRepository(m_db).removeAllOf(id);
        // Revoked, not only suspended: enabling the account again does not bring its
        // keys back (the user creates new ones).
        const qint64 keysRevoked = ApiKeyRepository(m_db).revokeAllOf(id, m_clock.nowMs());
        audit.record(actor, QStringLiteral("user.disabled"), QStringLiteral("user"), id,
                     {{QStringLiteral("keys_revoked"), keysRevoked}});
    } else if (enabling) {
        audit.record(actor, QStringLiteral("user.enabled"), QStringLiteral("user"), id);
    }
    tx.commit();
    if (disabling || enabling)
        m_epoch.bump();
    return *user;
}

} // namespace Core
