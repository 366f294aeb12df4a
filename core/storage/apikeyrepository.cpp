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
    Statement q = m_db.prepare(QStringLiteral("INSERT INTO api_keys (") + Columns +
                               QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(key.id);
    q.addBindValue(key.userId);
    q.addBindValue(key.name);
    q.addBindValue(key.prefix);
    q.addBindValue(QString::fromLatin1(key.hash.toHex()));
    q.addBindValue(key.permissions.bits);
    q.addBindValue(key.teamAccess.all ? 1 : 0);
    q.addBindValue(key.billingTeamId);
    q.addBindValue(key.createdAt);
    q.addBindValue(nullableTime(key.expiresAt));
    q.addBindValue(nullableTime(key.revokedAt));
    q.addBindValue(nullableTime(key.lastUsedAt));
    exec(q);
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
    Statement q =
        m_db.prepare(QStringLiteral("SELECT team_id FROM api_key_teams WHERE key_id = ? ORDER BY team_id"));
    q.addBindValue(key.id);
    exec(q);
    while (q.next())
        key.teamAccess.teamIds << q.value(0).toString();
}

std::optional<ApiKey> ApiKeyRepository::findById(const QString &id) const
{
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM api_keys WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    ApiKey k = fromRow(q);
    loadTeams(k);
    return k;
}

std::optional<ApiKey> ApiKeyRepository::findByHash(const QByteArray &sha256) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + Columns +
                               QStringLiteral(" FROM api_keys WHERE key_hash = ?"));
    q.addBindValue(QString::fromLatin1(sha256.toHex()));
    exec(q);
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
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns +
                     QStringLiteral(" FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id"));
    q.addBindValue(userId);
    exec(q);
    QList<ApiKey> out;
    while (q.next())
        out << fromRow(q);
    for (ApiKey &k : out)
        loadTeams(k);
    return out;
}

bool ApiKeyRepository::revoke(const QString &id, qint64 atMs)
{
    Statement q = m_db.prepare(
        QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

qint64 ApiKeyRepository::revokeAllOf(const QString &userId, qint64 atMs)
{
    Statement q = m_db.prepare(
        QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"));
    q.addBindValue(atMs);
    q.addBindValue(userId);
    exec(q);
    return q.numRowsAffected();
}

void ApiKeyRepository::setLastUsed(const QString &id, qint64 atMs)
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    q.addBindValue(atMs);
    exec(q);
}

} // namespace Core
