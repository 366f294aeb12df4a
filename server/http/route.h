#pragma once

#include <QByteArray>
#include <QString>

namespace Server {

// What a route needs before its handler runs, declared where the route is registered
// (Router::add). It is enforced in this order: the body limit by the listener from the
// request head, before any body is read (and again by the engine for the route
// reached); then the rate limit; then the access check; then the handler.
// Guards for access and rate classes are registered on the HttpEngine by the
// controller that owns the rule; a declared need without a guard fails closed (500).

// Who may call: anyone; a signed-in admin-API session (Authorization: Bearer); a
// personal API key (X-API-Key) holding `permission`, with the key's plan, quota and
// per-minute rate checked in the contract's order (section 3).
enum class Access : quint8 { Public, Session, ApiKey };

// Largest accepted request body; a bigger Content-Length gets 413 before the body is read.
enum class BodyClass : quint8 {
    Small, // 64 KiB: everything not declared otherwise, unknown paths included
    Api,   // 256 KiB: admin and external API requests
    Event, // 16 KiB: one tracked event (POST /e/{tracking_code})
    Batch, // 1 MiB: an event batch (POST /api/external/v1/events)
};
constexpr qint64 bodyLimitBytes(BodyClass c)
{
    switch (c) {
    case BodyClass::Api:
        return 256 * 1024;
    case BodyClass::Event:
        return 16 * 1024;
    case BodyClass::Batch:
        return 1024 * 1024;
    case BodyClass::Small:
        break;
    }
    return 64 * 1024;
}

// Every class admits this much: a body no larger needs no route look-up.
constexpr qint64 SmallestBodyLimit = bodyLimitBytes(BodyClass::Event);
static_assert(SmallestBodyLimit <= bodyLimitBytes(BodyClass::Small) &&
              SmallestBodyLimit <= bodyLimitBytes(BodyClass::Api) &&
              SmallestBodyLimit <= bodyLimitBytes(BodyClass::Batch));

// The per-client-address limit a route counts against (an API key's own per-minute
// limit is part of Access::ApiKey).
enum class RateClass : quint8 {
    None,
    SignIn,       // setup and sign-in: [auth] requests_per_minute per address
    Tracking,     // POST /e/: [ingest] burst and hourly per address
    PublicScript, // GET /z.js: [ingest] public_per_minute per address
};

struct RouteSpec
{
    QByteArray method;
    QString pattern; // "/api/admin/v1/teams/{id}"
    Access access = Access::Public;
    quint8 permission = 0; // Core::Permissions flags needed with Access::ApiKey (0: any valid key)
    BodyClass body = BodyClass::Small;
    RateClass rate = RateClass::None;
};

} // namespace Server
