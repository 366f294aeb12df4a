#include "keyauthenticator.h"

#include "core/model/clock.h"
#include "core/storage/websiterepository.h"

namespace Core {

KeyCheck KeyAuthenticator::check(QByteArrayView presentedKey, Permissions needed)
{
    KeyCheck out;
    if (presentedKey.isEmpty()) {
        out.rejection = KeyRejection::Missing;
        return out;
    }
    out.shape = ApiKeyFormat::check(presentedKey);
    if (out.shape != ApiKeyFormat::Shape::Ok) {
        out.rejection = KeyRejection::Malformed;
        return out;
    }
    const qint64 now = m_clock.nowMs();
    out.atMs = now;
    out.principal = m_cache.lookup(ApiKeyFormat::hash(presentedKey), now);
    if (!out.principal) {
        out.rejection = KeyRejection::Unknown;
        return out;
    }
    const KeyPrincipal &p = *out.principal;
    if (p.key.revokedAt)
        out.rejection = KeyRejection::Revoked;
    else if (p.ownerDisabled)
        out.rejection = KeyRejection::OwnerDisabled;
    else if (p.key.expiresAt && *p.key.expiresAt <= now)
        out.rejection = KeyRejection::Expired;
    else if (!p.isPaid())
        out.rejection = KeyRejection::PaidPlanRequired;
    if (out.rejection)
        return out;

    out.usage = m_usage.consume(p.key.id, p.limits, now);
    using Outcome = UsageTracker::Outcome;
    if (out.usage->outcome == Outcome::QuotaExceeded)
        out.rejection = KeyRejection::MonthlyQuotaExceeded;
    else if (out.usage->outcome == Outcome::RateLimited)
        out.rejection = KeyRejection::RateLimited;
    else if ((p.key.permissions.bits & needed.bits) != needed.bits)
        out.rejection = KeyRejection::InsufficientPermission;
    return out;
}

WebsiteCheck KeyAuthenticator::website(const KeyPrincipal &principal, const QString &websiteId) const
{
    WebsiteCheck out;
    auto website = WebsiteRepository(m_db).findById(websiteId);
    if (!website)
        out.rejection = WebsiteRejection::NotFound;
    else if (!principal.reachesTeam(website->teamId))
        out.rejection = WebsiteRejection::AccessDenied;
    else
        out.website = std::move(website);
    return out;
}

} // namespace Core
