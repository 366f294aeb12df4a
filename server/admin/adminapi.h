#pragma once

#include "server/appcontext.h"
#include "server/http/httpresponse.h"
#include "server/http/params.h"
#include "server/http/route.h"

#include "core/accounts/accountservice.h"
#include "core/accounts/loginthrottle.h"
#include "core/accounts/passwordcheckpool.h"
#include "core/accounts/planservice.h"
#include "core/accounts/teamservice.h"
#include "core/keys/keyreports.h"
#include "core/keys/keyservice.h"
#include "core/limits/fixedwindowlimiter.h"
#include "core/model/actor.h"
#include "core/websites/websiteservice.h"

#include <QJsonArray>
#include <QSet>

namespace Server {

class HttpEngine;
class Router;
struct Request;

namespace Admin {

inline const QString Prefix = QStringLiteral("/api/admin/v1");

// What the admin controllers share: the services over the server's database, and the
// per-IP limits of the sign-in endpoints. Created once by registerAdminRoutes().
struct AdminApi
{
    explicit AdminApi(AppContext &context);
    Q_DISABLE_COPY_MOVE(AdminApi)

    AppContext &ctx;
    Core::AccountService accounts;
    Core::TeamService teams;
    Core::PlanService plans;
    Core::KeyService keys;
    Core::WebsiteService websites;
    Core::FixedWindowLimiter authLimiter;
    Core::LoginThrottle loginThrottle;
    // Sign-ins' password checks run on workers ([auth] hash_threads), at most
    // max_pending_sign_ins at once; their answers come back on the server's thread
    // through `callbacks` (declared before the pool: the pool, destroyed first, waits for
    // its workers, so callbacks outlives every check).
    QObject callbacks;
    Core::PasswordCheckPool passwordChecks;
    // Client addresses (clientAddressKey) with a sign-in being checked: one at a time per
    // address keeps the sign-in throttle exact.
    QSet<QByteArray> signInsInFlight;

    // At server stop: no check runs or answers afterwards (the engine and the database
    // are about to go).
    void shutDown();
    // A new account's password hash is made on a worker too: answers later with
    // finish(hash), run on the server's thread; 503 + Retry-After when the workers are
    // full or the hash could not be made.
    HttpResponse hashThen(const QString &password, std::function<HttpResponse(const QString &hash)> finish);
};

// The signed-in caller of a request.
struct Session
{
    Core::User user;
    Core::Actor actor;
    QByteArray token;
};

// The declarations of admin routes: a signed-in session (Access::Session) with the
// API's body limit, or, for setup and sign-in, anyone at the per-address sign-in rate.
RouteSpec signedIn(const QByteArray &method, const QString &path);
RouteSpec signIn(const QByteArray &method, const QString &path);
// The caller of a route declared signedIn(): set by the session guard, which answers
// 401 UNAUTHORIZED (no Authorization: Bearer <token>) or SESSION_EXPIRED first.
const Session &sessionOf(const Request &request);
// 403 FORBIDDEN unless the caller is a server admin.
void requireServerAdmin(const Session &session);
Core::Actor anonymousActor(const Request &request);

// Pages a list held in memory.
template <typename T>
QList<T> pageOf(const QList<T> &all, const Params::Page &page)
{
    const qint64 offset = qint64(page.page - 1) * page.perPage;
    if (offset >= all.size())
        return {};
    return all.mid(qsizetype(offset), page.perPage);
}

void registerAuthRoutes(Router &router, const std::shared_ptr<AdminApi> &api);
void registerUserRoutes(Router &router, const std::shared_ptr<AdminApi> &api);
void registerTeamRoutes(Router &router, const std::shared_ptr<AdminApi> &api);
void registerKeyRoutes(Router &router, const std::shared_ptr<AdminApi> &api, Core::KeyReports &reports);
void registerWebsiteRoutes(Router &router, const std::shared_ptr<AdminApi> &api);
void registerServerRoutes(Router &router, const std::shared_ptr<AdminApi> &api);
// GET /websites/{id}/analytics and /websites/{id}/ingest-stats (server/admin/analyticsroutes.cpp).
void registerAnalyticsRoutes(Router &router, const std::shared_ptr<AdminApi> &api);

} // namespace Admin

// Every /api/admin/v1 route (api-contract section 5), with the session guard and the
// sign-in rate guard.
std::shared_ptr<Admin::AdminApi> registerAdminRoutes(HttpEngine &engine, AppContext &context,
                                                     Core::KeyReports &keyReports);

} // namespace Server
