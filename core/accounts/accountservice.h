#pragma once

#include "passwordhasher.h"

#include "core/model/actor.h"
#include "core/model/domain.h"

#include <QByteArray>

#include <optional>

namespace Core {

class AuthzEpoch;
class Clock;
class Database;

// First-run setup, sign-in sessions and user accounts. HTTP-free: rule violations are
// thrown as ServiceError.
class AccountService final
{
public:
    struct Settings
    {
        PasswordHasher::Policy passwordPolicy;
        qint64 sessionTtlMs = 7 * 24 * 3'600'000LL;
    };
    struct SetupResult
    {
        User user;
        Team team;
    };
    struct LoginResult
    {
        QString token; // "zvs_" + 43 base64url characters; shown once, stored hashed
        User user;
        qint64 expiresAt = 0;
    };

    AccountService(const Database &db, const Clock &clock, AuthzEpoch &epoch, Settings settings);

    bool isSetUp() const;
    // Only while no user exists (else 409 ALREADY_SET_UP): the first user (a server
    // admin) and a first team it owns. teamName defaults to "<name>'s team". passwordHash,
    // when given, is PasswordHasher::hash(password) made beforehand (on another thread,
    // after checkSetup); else it is made here.
    SetupResult setup(const Actor &actor, const QString &email, const QString &name, const QString &password,
                      const QString &teamName, const QString &passwordHash = {});
    // Throws what setup() would for this input, without the slow hashing.
    void checkSetup(const QString &email, const QString &name, const QString &password,
                    const QString &teamName) const;
    // The same 401 INVALID_CREDENTIALS, after the same KDF work, for an unknown email and
    // a wrong password; 403 ACCOUNT_DISABLED only after a correct password.
    LoginResult login(const Actor &actor, const QString &email, const QString &password);
    // login() in three steps, so the slow password work can run on another thread:
    // beginLogin reads the account (database, quick), PasswordHasher::check runs anywhere,
    // finishLogin records the outcome and opens the session (database, quick).
    struct LoginAttempt
    {
        QString email;
        std::optional<User> user;
        std::optional<QString> storedHash;
        // What PasswordHasher::check must spend: the most PBKDF2 rounds any stored hash
        // needs, the most expensive stored Argon2id parameters.
        PasswordHasher::Cost cost;
    };
    LoginAttempt beginLogin(const QString &email) const;
    LoginResult finishLogin(const Actor &actor, const LoginAttempt &attempt,
                            const PasswordHasher::Check &check);
    const Settings &settings() const { return m_settings; }
    void logout(const QByteArray &token);
    // The signed-in user for a bearer token: 401 UNAUTHORIZED (unknown, malformed,
    // disabled account) or 401 SESSION_EXPIRED.
    User authenticate(const QByteArray &token) const;

    QList<User> listUsers() const;
    std::optional<User> findUser(const QString &id) const;
    // passwordHash as for setup().
    User createUser(const Actor &actor, const QString &email, const QString &name, const QString &password,
                    const QString &passwordHash = {});
    // Throws what createUser() would for this input (validation, EMAIL_TAKEN), without
    // the slow hashing.
    void checkNewUser(const QString &email, const QString &name, const QString &password) const;
    // Disabling ends the user's sessions and revokes their API keys at once (enabling the
    // account again does not revive them) and bumps the authorisation epoch.
    User updateUser(const Actor &actor, const QString &id, const std::optional<QString> &name,
                    std::optional<bool> disabled);

    static QByteArray tokenHash(QByteArrayView token);
    // Wraps every bare PBKDF2 hash an older release stored in Argon2id with policy
    // (PasswordHasher::wrapLegacy); returns how many. Run at start-up: one Argon2id pass
    // per such account, once.
    static qsizetype wrapLegacyHashes(const Database &db, const PasswordHasher::Policy &policy);

private:
    void validateNewUser(const QString &email, const QString &name, const QString &password) const;

    const Database &m_db;
    const Clock &m_clock;
    AuthzEpoch &m_epoch;
    const Settings m_settings;
};

} // namespace Core
