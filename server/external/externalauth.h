#pragma once

#include "core/keys/keyauthcache.h"
#include "core/model/domain.h"

#include <memory>

namespace Core {
class KeyBookkeeping;
}

namespace Server {

struct AppContext;
struct Request;

// Authentication and authorisation of /api/external/v1 requests, in the contract's
// order: X-API-Key present (401 API_KEY_NOT_FOUND) -> well-formed (401 INVALID_API_KEY,
// no database look-up) -> known (401 INVALID_API_KEY) -> not revoked/expired/owner
// disabled (401 API_KEY_REVOKED / API_KEY_EXPIRED) -> paid billing team (403
// API_PAID_PLAN_REQUIRED) -> monthly quota and per-minute rate (429) -> permission
// (403 INSUFFICIENT_PERMISSION). Rate-limit and usage headers go on every response
// from the plan check on, errors included.
class ExternalAuth final
{
public:
    ExternalAuth(AppContext &context, Core::KeyAuthCache &cache, Core::KeyBookkeeping &books)
        : m_context(context), m_cache(cache), m_books(books)
    {}

    using Principal = std::shared_ptr<const Core::KeyPrincipal>;
    // needed = 0: any valid key of a paid plan (GET /usage).
    Principal authenticate(Request &request, quint8 needed);
    // 404 NOT_FOUND for an unknown id; 403 WEBSITE_ACCESS_DENIED outside the key's reach.
    Core::Website requireWebsite(const Core::KeyPrincipal &principal, const QString &websiteId) const;

    static QString permissionName(quint8 flag);

private:
    AppContext &m_context;
    Core::KeyAuthCache &m_cache;
    Core::KeyBookkeeping &m_books;
};

} // namespace Server
