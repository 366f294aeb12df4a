#pragma once

#include "domain.h"

#include <optional>

namespace Core {

class Database;

class UserRepository final
{
public:
    explicit UserRepository(const Database &db) : m_db(db) {}

    // email is stored lower-cased; callers validate it first.
    void insert(const User &user, const QString &passwordHash);
    std::optional<User> findById(const QString &id) const;
    // The stored address equal to `email` lower-cased (no normalisation).
    std::optional<User> findByEmail(const QString &email) const;
    // The account a typed address means: the one stored exactly as typed (trimmed and
    // lower-cased, as addresses were stored before normalisation, so every existing
    // account keeps signing in as before), else the one stored as its normalised form
    // (EmailAddress::normalised), else an older account whose stored address normalises
    // to the same. Used for sign-in, uniqueness and adding members.
    std::optional<User> findForEmail(const QString &typed) const;
    std::optional<QString> passwordHashOf(const QString &userId) const;
    QList<User> list() const;
    qint64 count() const;
    bool update(const User &user);

private:
    const Database &m_db;
};

} // namespace Core
