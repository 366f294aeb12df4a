#include "sessionrepository.h"

#include "core/crypto/constanttime.h"
#include "database.h"

namespace Core {

void SessionRepository::insert(const QByteArray &tokenHash, const QString &userId, qint64 createdAt,
                               qint64 expiresAt, const QString &ip)
{
    Statement q = run(
        m_db,
        QStringLiteral(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?)"),
        QString::fromLatin1(tokenHash.toHex()), userId, createdAt, expiresAt, ip);
}

std::optional<SessionRepository::Row> SessionRepository::find(const QByteArray &tokenHash) const
{
    const QString hex = QString::fromLatin1(tokenHash.toHex());
    Statement q =
        run(m_db,
            QStringLiteral(
                "SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = ?"),
            hex);
    if (!q.next())
        return std::nullopt;
    // The index found the row; confirm in constant time before trusting it.
    if (!ConstantTime::equals(q.value(0).toString().toLatin1(), hex.toLatin1()))
        return std::nullopt;
    return Row{q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()};
}

bool SessionRepository::remove(const QByteArray &tokenHash)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"),
                      QString::fromLatin1(tokenHash.toHex()));
    return q.numRowsAffected() > 0;
}

qint64 SessionRepository::removeAllOf(const QString &userId)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), userId);
    return q.numRowsAffected();
}

qint64 SessionRepository::removeExpired(qint64 nowMs)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), nowMs);
    return q.numRowsAffected();
}

} // namespace Core
