#pragma once

#include "core/model/domain.h"

#include <optional>

namespace Core {

class Database;

class UserRepository final
{
public:
    explicit UserRepository(const Database &db) : m_db(db) {}

    // email is stored lower-cased, with its normalised form (email_key) and its confusable
    // skeleton; callers validate it first (and check that no other user has the address).
    void insert(const User &user, const QString &passwordHash);
    std::optional<User> findById(const QString &id) const;
    // The stored address equal to `email` lower-cased (no normalisation).
    std::optional<User> findByEmail(const QString &email) const;
    // The account a typed address means: the one stored exactly as typed (trimmed and
    // lower-cased, as addresses were stored before normalisation, so every existing
    // account keeps signing in as before), else the one whose email_key is its normalised
    // form (EmailAddress::normalised). Two index look-ups, whatever the number of users.
    // Used for sign-in, uniqueness and adding members.
    std::optional<User> findForEmail(const QString &typed) const;
    // The (earliest) user whose address looks like the typed one: the same confusable
    // skeleton (EmailAddress::skeleton, column email_skeleton). For uniqueness only, never
    // for sign-in: a look-alike must not reach another account.
    std::optional<User> findLookingLike(const QString &typed) const;
    // Sets email_key (the normalised address) and email_skeleton of every row (rows
    // written before the columns existed, or computed with older Unicode data). Where two
    // rows share a normalised address, the earlier created keeps it as its key and the
    // later gets NULL. Returns the rows changed. Run at start-up; O(users).
    qsizetype refreshEmailKeys();
    std::optional<QString> passwordHashOf(const QString &userId) const;
    // Replaces a user's password hash if it is still `expected`; false when it changed
    // meanwhile (or the user is gone).
    bool replacePasswordHash(const QString &userId, const QString &expected, const QString &replacement);
    // (user id, hash) of every PBKDF2-derived hash ("pbkdf2-sha256..." and its wrapped
    // form): the hashes of accounts that have not signed in since the Argon2id upgrade.
    QList<std::pair<QString, QString>> pbkdf2Hashes() const;
    // Every user's password hash (what a sign-in check must cost: AccountService).
    QStringList passwordHashes() const;
    QList<User> list() const;
    qint64 count() const;
    bool update(const User &user);

private:
    const Database &m_db;
};

} // namespace Core
