#include "ingestcontroller.h"

#include "server/appcontext.h"
#include "server/http/apierror.h"
#include "server/http/clientaddress.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"

#include "core/ingest/ingestservice.h"

namespace Server {

namespace {
// Literals (static data): no allocation per request.
void addCorsHeaders(Request &request)
{
    request.responseHeaders.append(
        qMakePair(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("*")));
    request.responseHeaders.append(qMakePair(QByteArrayLiteral("Access-Control-Expose-Headers"),
                                             QByteArrayLiteral("Retry-After, X-Request-Id")));
}

const QByteArray AcceptedBody = QByteArrayLiteral(R"({"status":"accepted"})");
} // namespace

IngestController::IngestController(AppContext &context)
    : m_context(context), m_burst(context.config.ingest.burstWindowMs, context.config.ingest.burstLimit),
      m_hourly(3'600'000, context.config.ingest.hourlyLimit), m_codes(context.db, context.clock)
{}

void IngestController::enforceLimits(Request &request)
{
    const qint64 now = m_context.clock.nowMs();
    const QByteArray key = clientAddressKey(request.clientIp);
    // Handlers run on one thread, so peek-then-hit is exact: a request refused by one
    // limit is not counted by the other.
    Core::FixedWindowLimiter::Decision refused = m_hourly.peek(key, now);
    if (refused.allowed) {
        refused = m_burst.hit(key, now);
        if (refused.allowed) {
            m_hourly.hit(key, now);
            return;
        }
    } else {
        refused.retryAfterMs = refused.resetAtMs - now;
    }
    // A refused event of a known website counts as dropped (rate_limited) for it.
    const QString code = request.param(QStringLiteral("tracking_code"));
    if (const auto websiteId = code.size() <= 64 ? m_codes.websiteIdFor(code) : std::nullopt)
        m_context.ingest.countDropped(*websiteId, Core::IngestService::DropReason::RateLimited);
    const qint64 retryAfter = (refused.retryAfterMs + 999) / 1000;
    throw ApiError::tooManyRequests(
        "RATE_LIMIT_EXCEEDED",
        QStringLiteral("Too many tracking requests from this address: at most %1 per %2 s and %3 per hour. "
                       "Retry after %4 s.")
            .arg(m_burst.limit())
            .arg(m_burst.windowMs() / 1000)
            .arg(m_hourly.limit())
            .arg(qMax<qint64>(1, retryAfter)),
        retryAfter);
}

void IngestController::registerRoutes(HttpEngine &engine)
{
    // CORS headers on every /e/ response, errors and 404s included.
    engine.addMiddleware([](Request &request) -> std::optional<HttpResponse> {
        if (request.path.startsWith(QLatin1String("/e/")))
            addCorsHeaders(request);
        return std::nullopt;
    });

    engine.setRateGuard(RateClass::Tracking,
                        [this](Request &request, const RouteSpec &) { enforceLimits(request); });

    engine.router().add(
        {"OPTIONS", QStringLiteral("/e/{tracking_code}"), Access::Public, 0, BodyClass::Event},
        [](Request &) {
            HttpResponse r = HttpResponse::empty(204);
            r.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            r.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Request-Id");
            r.setHeader("Access-Control-Max-Age", "86400");
            r.setHeader("Allow", "POST, OPTIONS");
            return r;
        });

    const RouteSpec post{"POST",           QStringLiteral("/e/{tracking_code}"),
                         Access::Public,   0,
                         BodyClass::Event, RateClass::Tracking};
    engine.router().add(post, [this](Request &request) {
        const QString code = request.param(QStringLiteral("tracking_code"));
        const std::optional<Core::TrackingCodes::Site> site =
            code.size() <= 64 ? m_codes.find(code) : std::optional<Core::TrackingCodes::Site>();
        if (!site)
            throw ApiError::notFound(QStringLiteral("Unknown tracking code '%1'").arg(code.left(64)));
        const QString &websiteId = site->websiteId;
        QJsonObject json;
        try {
            json = request.jsonObject();
        } catch (const ApiError &) {
            m_context.ingest.countDropped(websiteId, Core::IngestService::DropReason::InvalidJson);
            throw;
        }
        const auto result = m_context.ingest.ingest(websiteId, json, {},
                                                    normalizedAddress(request.clientIp).toString(), site->excluded);
        HttpResponse r;
        r.status = 202;
        if (result.status == Core::IngestService::Status::Accepted)
            r.body = AcceptedBody;
        else
            r.body =
                QByteArrayLiteral(R"({"status":"dropped","reason":")") + result.reason.toLatin1() + "\"}";
        r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return r;
    });
}

} // namespace Server
