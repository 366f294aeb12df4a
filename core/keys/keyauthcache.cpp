#include "keyauthcache.h"

#include "core/accounts/authzepoch.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/planrepository.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"

namespace Core {

QStringList KeyPrincipal::reachableTeamIds() const
{
    QStringList out;
    for (const QString &t : memberTeamIds)
        if (key.teamAccess.allows(t))
            out << t;
    out.sort();
    return out;
}

std::shared_ptr<const KeyPrincipal> KeyAuthCache::build(const ApiKey &key) const
{
    auto p = std::make_shared<KeyPrincipal>();
    p->epoch = m_epoch.current(); // read before loading: a change during the load forces a reload
    p->key = key;
    const auto user = UserRepository(m_db).findById(key.userId);
    p->ownerDisabled = !user || user->disabled;
    for (const Membership &m : TeamRepository(m_db).membershipsOfUser(key.userId)) {
        p->memberTeamIds.insert(m.teamId);
        p->roles.insert(m.teamId, m.role);
    }
    const auto billing = TeamRepository(m_db).findById(key.billingTeamId);
    p->billingTeamUsable = billing && p->memberTeamIds.contains(billing->id);
    p->limits = PlanRepository(m_db).limitsFor(p->billingTeamUsable ? billing->plan : Plan::Free);
    return p;
}

std::shared_ptr<const KeyPrincipal> KeyAuthCache::lookup(const QByteArray &sha256, qint64 nowMs)
{
    const quint64 epoch = m_epoch.current();
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_known.constFind(sha256); it != m_known.cend() && (*it)->epoch == epoch)
        return *it;
    if (const auto it = m_unknownUntil.constFind(sha256); it != m_unknownUntil.cend() && *it > nowMs)
        return nullptr;
    const auto key = ApiKeyRepository(m_db).findByHash(sha256);
    if (m_known.size() >= MaxEntries)
        m_known.clear();
    if (m_unknownUntil.size() >= MaxEntries)
        m_unknownUntil.clear();
    if (!key) {
        m_known.remove(sha256);
        m_unknownUntil.insert(sha256, nowMs + UnknownTtlMs);
        return nullptr;
    }
    auto principal = build(*key);
    m_known.insert(sha256, principal);
    return principal;
}

std::shared_ptr<const KeyPrincipal> KeyAuthCache::loadById(const QString &keyId)
{
    const auto key = ApiKeyRepository(m_db).findById(keyId);
    return key ? build(*key) : nullptr;
}

} // namespace Core
