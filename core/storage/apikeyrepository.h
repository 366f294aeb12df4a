#pragma once

#include "core/model/domain.h"

#include <optional>

namespace Core {

class Database;

class ApiKeyRepository final
{
public:
    explicit ApiKeyRepository(const Database &db) : m_db(db) {}

    // Stores the key's hash, prefix and scopes (never the key itself).
    void insert(const ApiKey &key);
    std::optional<ApiKey> findById(const QString &id) const;
    // Looks a presented key up by its hash; the caller has already checked its shape.
    std::optional<ApiKey> findByHash(const QByteArray &sha256) const;
    QList<ApiKey> listForUser(const QString &userId) const;
    bool revoke(const QString &id, qint64 atMs);
    // Revokes every live key of the user; returns how many.
    qint64 revokeAllOf(const QString &userId, qint64 atMs);
    void setLastUsed(const QString &id, qint64 atMs);

private:
    void loadTeams(ApiKey &key) const;
    const Database &m_db;
};

} // namespace Core
