#pragma once

#include "core/keys/keyauthenticator.h"
#include "core/keys/keybookkeeping.h"
#include "core/model/domain.h"

#include "server/http/route.h"

#include <memory>

namespace Server {

struct AppContext;
struct Request;
struct ApiError;

// Authentication and authorisation of /api/external/v1 requests: the rule is
// Core::KeyAuthenticator's, in the contract's order; this class maps its outcome to HTTP
// in one table (refusal()): X-API-Key present (401 API_KEY_NOT_FOUND) -> well-formed (401
// INVALID_API_KEY, no database look-up) -> known (401 INVALID_API_KEY) -> not
// revoked/expired/owner disabled (401 API_KEY_REVOKED / API_KEY_EXPIRED) -> paid billing
// team (403 API_PAID_PLAN_REQUIRED) -> monthly quota and per-minute rate (429) ->
// permission (403 INSUFFICIENT_PERMISSION). Rate-limit and usage headers go on every
// response from the quota check on, errors included.
class ExternalAuth final
{
public:
    ExternalAuth(AppContext &context, Core::KeyAuthCache &cache, Core::KeyBookkeeping &books);

    using Principal = std::shared_ptr<const Core::KeyPrincipal>;
    // The declaration of an external route: a key holding `permission` (0: any valid key
    // of a paid plan, GET /usage), the API's body limit unless said otherwise.
    static RouteSpec route(const QByteArray &method, const QString &path, quint8 permission,
                           BodyClass body = BodyClass::Api);
    // The access guard of Access::ApiKey routes: every check above, then the caller.
    void guard(Request &request, const RouteSpec &spec);
    // The key of a route declared with route(), as its guard admitted it.
    static const Core::KeyPrincipal &principalOf(const Request &request);
    // 404 NOT_FOUND for an unknown id; 403 WEBSITE_ACCESS_DENIED outside the key's reach.
    Core::Website requireWebsite(const Core::KeyPrincipal &principal, const QString &websiteId) const;

    static QString permissionName(quint8 flag);

private:
    Principal authenticate(Request &request, quint8 needed);
    static ApiError refusal(const Core::KeyCheck &check, const Request &request, Core::Permissions needed);

    Core::KeyAuthenticator m_authenticator;
};

} // namespace Server
