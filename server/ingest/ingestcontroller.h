#pragma once

#include "core/limits/fixedwindowlimiter.h"
#include "core/websites/trackingcodes.h"

#include <QHostAddress>
#include <QString>

#include <optional>

namespace Server {

class HttpEngine;
struct AppContext;
struct Request;

// POST /e/{tracking_code} (spec section 4): CORS (OPTIONS preflight route; a middleware
// puts Access-Control-Allow-Origin on every /e/ response, errors
// included), sendBeacon text/plain bodies, exact per-IP limits (burst and hourly,
// Retry-After on 429), 404 for unknown codes, 400 INVALID_JSON, 422 with details,
// 202 once the event is in the journal.
class IngestController final
{
public:
    explicit IngestController(AppContext &context);
    Q_DISABLE_COPY_MOVE(IngestController)

    void registerRoutes(HttpEngine &engine);

private:
    // The rate guard of RateClass::Tracking: per address, burst and hourly.
    void enforceLimits(Request &request);

    AppContext &m_context;
    Core::FixedWindowLimiter m_burst;
    Core::FixedWindowLimiter m_hourly;
    Core::TrackingCodes m_codes; // server thread only
};

} // namespace Server
