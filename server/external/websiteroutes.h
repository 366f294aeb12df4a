#pragma once

namespace Server {

class ExternalAuth;
class Router;
struct AppContext;

// GET/POST /api/external/v1/websites, GET/PATCH/DELETE /api/external/v1/websites/{id}
void registerWebsiteRoutes(Router &router, AppContext &context, ExternalAuth &auth);

} // namespace Server
