#pragma once

#include "core/model/domain.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <memory>

namespace Core {

class AuthzEpoch;
class Database;

// Everything needed to authorise a request made with one key, as of one AuthzEpoch.
struct KeyPrincipal
{
    ApiKey key;
    bool ownerDisabled = false;
    QSet<QString> memberTeamIds;    // teams the key's user belongs to
    QHash<QString, Role> roles;     // the user's role in each of them
    bool billingTeamUsable = false; // the billing team exists and the user is still in it
    PlanLimits limits;              // of the billing team's plan (free when not usable)
    quint64 epoch = 0;

    bool isPaid() const { return billingTeamUsable && limits.plan != Plan::Free; }
    // Section 2 of the contract: inside the key's team access AND a current member.
    bool reachesTeam(const QString &teamId) const
    {
        return memberTeamIds.contains(teamId) && key.teamAccess.allows(teamId);
    }
    QStringList reachableTeamIds() const;
    // A key never does more than its user could in the admin API: deleting a team's
    // websites takes an owner or admin of the team (besides the key's admin permission).
    bool userIsTeamAdmin(const QString &teamId) const
    {
        return roles.value(teamId, Role::Member) >= Role::Admin;
    }
};

// Key verification without a database round trip per request: principals cached by
// key hash, reloaded as soon as the AuthzEpoch moves (a revocation, a membership or
// plan change applies on the very next request). Unknown hashes are remembered briefly.
class KeyAuthCache final
{
public:
    KeyAuthCache(const Database &db, const AuthzEpoch &epoch) : m_db(db), m_epoch(epoch) {}
    Q_DISABLE_COPY_MOVE(KeyAuthCache)

    // nullptr for a key that does not exist.
    std::shared_ptr<const KeyPrincipal> lookup(const QByteArray &sha256, qint64 nowMs);
    // The principal of a key id (for the admin API's usage report), uncached.
    std::shared_ptr<const KeyPrincipal> loadById(const QString &keyId);

    static constexpr qsizetype MaxEntries = 50'000;
    static constexpr qint64 UnknownTtlMs = 60'000;

private:
    std::shared_ptr<const KeyPrincipal> build(const ApiKey &key) const;

    const Database &m_db;
    const AuthzEpoch &m_epoch;
    QMutex m_mutex;
    QHash<QByteArray, std::shared_ptr<const KeyPrincipal>> m_known;
    QHash<QByteArray, qint64> m_unknownUntil;
};

} // namespace Core
