#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include <QCoreApplication>
#include <QThread>

namespace Server {

namespace Admin {

namespace {
Core::AccountService::Settings accountSettings(const AuthSettings &auth)
{
    return {auth.passwordPolicy(), auth.sessionTtlMinutes * 60'000};
}

Core::LoginThrottle::Settings throttleSettings(const AuthSettings &auth)
{
    Core::LoginThrottle::Settings s;
    s.failuresBeforeBan = auth.failuresBeforeBan;
    s.initialBanMs = qint64(auth.banInitialSeconds) * 1000;
    s.maxBanMs = qMax(s.initialBanMs, qint64(auth.banMaxSeconds) * 1000);
    s.accountFailuresBeforeLock = auth.accountFailuresBeforeLock;
    s.accountInitialLockMs = qint64(auth.accountLockInitialSeconds) * 1000;
    s.accountMaxLockMs = qMax(s.accountInitialLockMs, qint64(auth.accountLockMaxSeconds) * 1000);
    return s;
}

} // namespace

AdminApi::AdminApi(AppContext &context)
    : ctx(context),
      accounts(context.db, context.clock, context.authzEpoch, accountSettings(context.config.auth)),
      teams(context.db, context.clock, context.authzEpoch),
      plans(context.db, context.clock, context.authzEpoch),
      keys(context.db, context.clock, context.authzEpoch), websites(context.db, context.clock),
      authLimiter(60'000, context.config.auth.requestsPerMinute),
      loginThrottle(throttleSettings(context.config.auth)),
      passwordChecks(context.config.auth.hashThreads > 0 ? context.config.auth.hashThreads
                                                         : qMax(1, QThread::idealThreadCount() - 1),
                     context.config.auth.maxPendingSignIns)
{}

HttpResponse AdminApi::hashThen(const QString &password,
                                std::function<HttpResponse(const QString &hash)> finish)
{
    const auto deferred = std::make_shared<DeferredResponse>();
    const bool started = passwordChecks.submitHash(
        password, accounts.settings().passwordPolicy, &callbacks,
        [deferred, finish = std::move(finish)](const QString &hash) {
            deferred->resolve([finish, hash] {
                if (hash.isEmpty())
                    throw ApiError::unavailable(
                        QStringLiteral(
                            "The server could not hash the password right now; try again in a moment"),
                        1);
                return finish(hash);
            });
        });
    if (!started)
        throw ApiError::unavailable(
            QStringLiteral("Too many passwords are being checked right now; try again in a moment"), 1);
    return HttpResponse::later(deferred);
}

Core::Actor anonymousActor(const Request &request)
{
    return {QString(), false, request.clientIp.toString()};
}

RouteSpec signedIn(const QByteArray &method, const QString &path)
{
    return {method, Prefix + path, Access::Session, 0, BodyClass::Api, RateClass::None};
}

RouteSpec signIn(const QByteArray &method, const QString &path)
{
    return {method, Prefix + path, Access::Public, 0, BodyClass::Api, RateClass::SignIn};
}

const Session &sessionOf(const Request &request)
{
    const Session *session = std::any_cast<Session>(&request.caller);
    if (!session) // a handler of a route not declared signedIn()
        throw std::logic_error("the route has no session");
    return *session;
}

namespace {
// Authorization: Bearer <token>, else 401 UNAUTHORIZED / SESSION_EXPIRED.
Session requireSession(AdminApi &api, const Request &request)
{
    const QByteArray header = request.header("Authorization").trimmed();
    QByteArray token;
    if (header.size() > 7 && header.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        token = header.mid(7).trimmed();
    if (token.isEmpty())
        throw ApiError::unauthorized(
            "UNAUTHORIZED", QStringLiteral("Sign in required: send 'Authorization: Bearer <session token>'"));
    const Core::User user = api.accounts.authenticate(token);
    return {user, {user.id, user.isServerAdmin, request.clientIp.toString()}, token};
}

// The per-IP limit of the sign-in endpoints (an IPv6 client counts as its /64, see
// clientAddressKey): 429 RATE_LIMIT_EXCEEDED with Retry-After.
void enforceAuthRateLimit(AdminApi &api, const Request &request)
{
    const auto d = api.authLimiter.hit(clientAddressKey(request.clientIp), api.ctx.clock.nowMs());
    if (!d.allowed)
        throw ApiError::tooManyRequests(
            "RATE_LIMIT_EXCEEDED",
            QStringLiteral("Too many sign-in requests from this address (limit %1 per minute)").arg(d.limit),
            (d.retryAfterMs + 999) / 1000);
}
} // namespace

void AdminApi::shutDown()
{
    passwordChecks.shutDown();
    QCoreApplication::removePostedEvents(&callbacks); // answers of checks that finished
    signInsInFlight.clear();
}

void requireServerAdmin(const Session &session)
{
    if (!session.user.isServerAdmin)
        throw ApiError::forbidden("FORBIDDEN", QStringLiteral("Only a server admin may do this"));
}

} // namespace Admin

std::shared_ptr<Admin::AdminApi> registerAdminRoutes(HttpEngine &engine, AppContext &context,
                                                     Core::KeyReports &keyReports)
{
    const auto api = std::make_shared<Admin::AdminApi>(context);
    engine.setAccessGuard(Access::Session, [api](Request &request, const RouteSpec &) {
        request.caller = Admin::requireSession(*api, request);
    });
    engine.setRateGuard(RateClass::SignIn, [api](Request &request, const RouteSpec &) {
        Admin::enforceAuthRateLimit(*api, request);
    });
    Router &router = engine.router();
    Admin::registerAuthRoutes(router, api);
    Admin::registerUserRoutes(router, api);
    Admin::registerTeamRoutes(router, api);
    Admin::registerKeyRoutes(router, api, keyReports);
    Admin::registerWebsiteRoutes(router, api);
    Admin::registerAnalyticsRoutes(router, api);
    Admin::registerServerRoutes(router, api);
    return api;
}

} // namespace Server
