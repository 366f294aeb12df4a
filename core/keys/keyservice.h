#pragma once

#include "core/model/actor.h"
#include "core/model/domain.h"

#include <QJsonObject>

#include <optional>

namespace Core {

class AuthzEpoch;
class Clock;
class Database;

// POST /keys body, typed. fromJson throws INVALID_PARAMETER (400) for a field of the
// wrong JSON type; KeyService::create checks the rules (422).
struct KeyInput
{
    QString name;
    std::optional<QStringList> permissions;
    bool teamAccessGiven = false;
    std::optional<QString> teamAccessText; // "all"
    std::optional<QStringList> teamAccessIds;
    QString billingTeamId;
    std::optional<QString> expiresAt;

    static KeyInput fromJson(const QJsonObject &body);
};

// Personal API keys of the signed-in user. The full key exists only in the value
// create() returns; the database gets its SHA-256 and display prefix, logs and the
// audit trail get the key id and prefix.
class KeyService final
{
public:
    struct CreatedKey
    {
        ApiKey key;
        QString secret; // the full key, to be shown exactly once
    };

    KeyService(const Database &db, const Clock &clock, AuthzEpoch &epoch);

    CreatedKey create(const Actor &actor, const KeyInput &input);
    QList<ApiKey> list(const QString &userId) const;
    // The actor's own key; anyone else's is "not found".
    ApiKey get(const Actor &actor, const QString &id) const;
    // Idempotent: revoking a revoked key returns it unchanged.
    ApiKey revoke(const Actor &actor, const QString &id);

    // Whether the key may act on websites of teamId right now: not revoked or expired,
    // its user enabled and a member of the team now, and the team inside its access.
    bool reachesTeam(const ApiKey &key, const QString &teamId) const;

private:
    const Database &m_db;
    const Clock &m_clock;
    AuthzEpoch &m_epoch;
};

} // namespace Core
