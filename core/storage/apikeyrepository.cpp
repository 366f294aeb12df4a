#include "apikeyrepository.h"

#include "core/crypto/constanttime.h"
#include "core/keys/apikeyformat.h"
#include "database.h"

namespace Core {

namespace {
const QString Columns = QStringLiteral("id, user_id, name, prefix, key_hash, permissions, team_access_all, "
                                       "billing_team_id, created_at, expires_at, revoked_at, last_used_at");

std::optional<qint64> optionalTime(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QVariant nullableTime(const std::optional<qint64> &t)
{
    return t ? QVariant(*t) : QVariant(QMetaType::fromType<qint64>());
}

ApiKey fromRow(const QSqlQuery &q)
{
    ApiKey k;
    k.id = q.value(0).toString();
    k.userId = q.value(1).toString();
    k.name = q.value(2).toString();
    k.prefix = q.value(3).toString();
    k.hash = QByteArray::fromHex(q.value(4).toString().toLatin1());
    k.permissions.bits = static_cast<quint8>(q.value(5).toUInt());
    k.teamAccess.all = q.value(6).toBool();
    k.billingTeamId = q.value(7).toString();
    k.createdAt = q.value(8).toLongLong();
    k.expiresAt = optionalTime(q.value(9));
    k.revokedAt = optionalTime(q.value(10));
    k.lastUsedAt = optionalTime(q.value(11));
    return k;
}
} // namespace

void ApiKeyRepository::insert(const ApiKey &key)
{
    run(m_db,
        QStringLiteral("INSERT INTO api_keys (") + Columns +
            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        key.id, key.userId, key.name, key.prefix, QString::fromLatin1(key.hash.toHex()), key.permissions.bits,
        key.teamAccess.all ? 1 : 0, key.billingTeamId, key.createdAt, nullableTime(key.expiresAt),
        nullableTime(key.revokedAt), nullableTime(key.lastUsedAt));
    if (!key.teamAccess.all) {
        Statement t =
            m_db.prepare(QStringLiteral("INSERT INTO api_key_teams (key_id, team_id) VALUES (?, ?)"));
        for (const QString &teamId : key.teamAccess.teamIds) {
            t.bindValue(0, key.id);
            t.bindValue(1, teamId);
            exec(t);
        }
    }
}

void ApiKeyRepository::loadTeams(ApiKey &key) const
{
    if (key.teamAccess.all)
        return;
    Statement q = run(
        m_db, QStringLiteral("SELECT team_id FROM api_key_teams WHERE key_id = ? ORDER BY team_id"), key.id);
    while (q.next())
        key.teamAccess.teamIds << q.value(0).toString();
}

std::optional<ApiKey> ApiKeyRepository::findById(const QString &id) const
{
    Statement q =
        run(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM api_keys WHERE id = ?"), id);
    if (!q.next())
        return std::nullopt;
    ApiKey k = fromRow(q);
    loadTeams(k);
    return k;
}

std::optional<ApiKey> ApiKeyRepository::findByHash(const QByteArray &sha256) const
{
    Statement q =
        run(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM api_keys WHERE key_hash = ?"),
            QString::fromLatin1(sha256.toHex()));
    if (!q.next())
        return std::nullopt;
    ApiKey k = fromRow(q);
    // The index look-up found the row; confirm in constant time before trusting it.
    if (!ConstantTime::equals(k.hash, sha256))
        return std::nullopt;
    loadTeams(k);
    return k;
}

QList<ApiKey> ApiKeyRepository::listForUser(const QString &userId) const
{
    Statement q = run(m_db,
                      QStringLiteral("SELECT ") + Columns +
                          QStringLiteral(" FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id"),
                      userId);
    QList<ApiKey> out;
    while (q.next())
        out << fromRow(q);
    for (ApiKey &k : out)
        loadTeams(k);
    return out;
}

bool ApiKeyRepository::revoke(const QString &id, qint64 atMs)
{
    Statement q =
        run(m_db, QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
            atMs, id);
    return q.numRowsAffected() > 0;
}

qint64 ApiKeyRepository::revokeAllOf(const QString &userId, qint64 atMs)
{
    Statement q = run(
        m_db, QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"),
        atMs, userId);
    return q.numRowsAffected();
}

void ApiKeyRepository::setLastUsed(const QString &id, qint64 atMs)
{
    run(m_db,
        QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR "
                       "last_used_at < ?)"),
        atMs, id, atMs);
}

} // namespace Core
