#pragma once

namespace Server {

class ExternalAuth;
class Router;
struct AppContext;

// GET /api/external/v1/analytics/{websiteId} (read) and POST /api/external/v1/events
// (write; body {"website_id", ...event} or {"website_id", "events": [...]}).
void registerAnalyticsRoutes(Router &router, AppContext &context, ExternalAuth &auth);

} // namespace Server
