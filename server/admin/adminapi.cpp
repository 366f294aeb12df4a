#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

namespace Server {

namespace Admin {

namespace {
Core::AccountService::Settings accountSettings(const AuthSettings &auth)
{
    return {auth.passwordIterations, auth.sessionTtlMinutes * 60'000};
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
      keys(context.db, context.clock, context.authzEpoch), websites(context.db, context.clock),
      authLimiter(60'000, context.config.auth.requestsPerMinute),
      loginThrottle(throttleSettings(context.config.auth))
{}

Core::Actor anonymousActor(const Request &request)
{
    return {QString(), false, request.clientIp.toString()};
}

Session requireSession(AdminApi &api, Request &request)
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

void requireServerAdmin(const Session &session)
{
    if (!session.user.isServerAdmin)
        throw ApiError::forbidden("FORBIDDEN", QStringLiteral("Only a server admin may do this"));
}

void enforceAuthRateLimit(AdminApi &api, Request &request)
{
    const auto d = api.authLimiter.hit(clientAddressKey(request.clientIp), api.ctx.clock.nowMs());
    if (!d.allowed)
        throw ApiError::tooManyRequests(
            "RATE_LIMIT_EXCEEDED",
            QStringLiteral("Too many sign-in requests from this address (limit %1 per minute)").arg(d.limit),
            (d.retryAfterMs + 999) / 1000);
}

} // namespace Admin

void registerAdminRoutes(Router &router, AppContext &context, Core::KeyReports &keyReports)
{
    const auto api = std::make_shared<Admin::AdminApi>(context);
    Admin::registerAuthRoutes(router, api);
    Admin::registerUserRoutes(router, api);
    Admin::registerTeamRoutes(router, api);
    Admin::registerKeyRoutes(router, api, keyReports);
    Admin::registerWebsiteRoutes(router, api);
    Admin::registerAnalyticsRoutes(router, api);
    Admin::registerServerRoutes(router, api);
}

} // namespace Server
