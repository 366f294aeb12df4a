#include "externalapi.h"

#include "analyticsroutes.h"
#include "server/appcontext.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "websiteroutes.h"

#include "core/model/timeutil.h"

#include "wire/values.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcExternal, "zenovay.server.external")

namespace Server {

ExternalApi::ExternalApi(AppContext &context, HttpEngine &engine, Core::KeyAuthCache &cache,
                         Core::KeyBookkeeping &books, QObject *parent)
    : QObject(parent), m_context(context), m_cache(cache), m_books(books), m_auth(context, m_cache, m_books)
{
    // Every response to a request tied to a known key goes into the key's books.
    engine.addResponseHook([this](Request &request, HttpResponse &response) {
        if (request.apiKeyId.isEmpty())
            return;
        m_books.activity().record({request.apiKeyId, m_context.clock.nowMs(), request.method, request.path,
                                   response.status, response.errorCode, request.elapsedNs() / 1000,
                                   request.requestId});
    });
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ExternalApi::flush);
    m_flushTimer.start();
}

ExternalApi::~ExternalApi()
{
    flush();
}

void ExternalApi::flush()
{
    m_books.flush(m_context.clock.nowMs());
}

void ExternalApi::registerRoutes(HttpEngine &engine)
{
    engine.setAccessGuard(Access::ApiKey,
                          [this](Request &request, const RouteSpec &spec) { m_auth.guard(request, spec); });
    Router &router = engine.router();
    router.add(ExternalAuth::route("GET", QStringLiteral("/usage"), 0), [this](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        const Core::ApiKey &key = principal.key;
        const qint64 now = m_context.clock.nowMs();
        const auto d = m_books.usage().peek(key.id, principal.limits, now);
        return HttpResponse::json(
            200, QJsonObject{
                     {QStringLiteral("key"),
                      QJsonObject{{QStringLiteral("id"), key.id},
                                  {QStringLiteral("prefix"), key.prefix},
                                  {QStringLiteral("name"), key.name},
                                  {QStringLiteral("permissions"),
                                   QJsonArray::fromStringList(key.permissions.names())},
                                  {QStringLiteral("team_access"), Wire::toJson(key.teamAccess)},
                                  {QStringLiteral("billing_team_id"), key.billingTeamId}}},
                     {QStringLiteral("plan"), Core::planName(principal.limits.plan)},
                     {QStringLiteral("rate_limit"),
                      QJsonObject{{QStringLiteral("limit"), d.minuteLimit},
                                  {QStringLiteral("remaining"), d.minuteRemaining()},
                                  {QStringLiteral("window_seconds"), 60},
                                  {QStringLiteral("reset"), Core::Time::toIso(d.minuteResetMs)}}},
                     {QStringLiteral("monthly"),
                      QJsonObject{{QStringLiteral("used"), d.monthUsed},
                                  {QStringLiteral("limit"), d.monthLimit},
                                  {QStringLiteral("remaining"), qMax<qint64>(0, d.monthLimit - d.monthUsed)},
                                  {QStringLiteral("period_start"), Core::Time::toIso(d.monthStartMs)},
                                  {QStringLiteral("resets_at"), Core::Time::toIso(d.monthResetMs)}}},
                 });
    });
    registerWebsiteRoutes(router, m_context, m_auth);
    registerAnalyticsRoutes(router, m_context, m_auth);
}

} // namespace Server
