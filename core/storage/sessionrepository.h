#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core {

class Database;

// Sign-in sessions, stored by the SHA-256 (hex) of the bearer token only.
class SessionRepository final
{
public:
    struct Row
    {
        QString userId;
        qint64 createdAt = 0;
        qint64 expiresAt = 0;
    };

    explicit SessionRepository(const Database &db) : m_db(db) {}

    void insert(const QByteArray &tokenHash, const QString &userId, qint64 createdAt, qint64 expiresAt,
                const QString &ip);
    std::optional<Row> find(const QByteArray &tokenHash) const;
    bool remove(const QByteArray &tokenHash);
    qint64 removeAllOf(const QString &userId);
    qint64 removeExpired(qint64 nowMs);

private:
    const Database &m_db;
};

} // namespace Core
