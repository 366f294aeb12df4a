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
    std::optional<User> findByEmail(const QString &email) const;
    std::optional<QString> passwordHashOf(const QString &userId) const;
    QList<User> list() const;
    qint64 count() const;
    bool update(const User &user);

private:
    const Database &m_db;
};

} // namespace Core
