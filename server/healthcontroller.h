#pragma once

namespace Server {

class HttpEngine;
struct AppContext;

// GET /healthz: 200 {"status":"ok","version":...} while the database answers, else 503.
void registerHealthRoutes(HttpEngine &engine, AppContext &context);

} // namespace Server
