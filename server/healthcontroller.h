#pragma once

namespace Server {

class Router;
struct AppContext;

// GET /healthz: 200 {"status":"ok","version":...} while the database answers, else 503.
void registerHealthRoutes(Router &router, AppContext &context);

} // namespace Server
