#include "trackercontroller.h"

#include "ingestcontroller.h"
#include "server/appcontext.h"
#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include <QCryptographicHash>
#include <QFile>

namespace Server {

TrackerController::TrackerController(AppContext &context)
    : m_context(context), m_limiter(60'000, context.config.ingest.publicPerMinute)
{
    QFile f(QStringLiteral(":/zenovay/tracker/z.js"));
    if (f.open(QIODevice::ReadOnly))
        m_script = f.readAll();
    Q_ASSERT(!m_script.isEmpty());
    m_etag = '"' + QCryptographicHash::hash(m_script, QCryptographicHash::Sha256).toHex().left(32) + '"';
}

bool TrackerController::etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate == "*")
            return true;
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == etag)
            return true;
    }
    return false;
}

void TrackerController::registerRoutes(HttpEngine &engine)
{
    engine.setRateGuard(RateClass::PublicScript, [this](Request &request, const RouteSpec &) {
        const auto d = m_limiter.hit(clientAddressKey(request.clientIp), m_context.clock.nowMs());
        if (!d.allowed)
            throw ApiError::tooManyRequests(
                "RATE_LIMIT_EXCEEDED",
                QStringLiteral(
                    "Too many requests for public endpoints from this address: at most %1 per minute.")
                    .arg(d.limit),
                (d.retryAfterMs + 999) / 1000);
    });
    const RouteSpec script{"GET", QStringLiteral("/z.js"), Access::Public,
                           0,     BodyClass::Small,        RateClass::PublicScript};
    engine.router().add(script, [this](Request &request) {
        HttpResponse r;
        r.setHeader("ETag", m_etag);
        r.setHeader("Cache-Control", "public, max-age=3600");
        r.setHeader("Access-Control-Allow-Origin", "*");
        r.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        r.setHeader("X-Content-Type-Options", "nosniff");
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        if (!ifNoneMatch.isEmpty() && etagMatches(ifNoneMatch, m_etag)) {
            r.status = 304;
            r.contentType.clear();
            return r;
        }
        r.status = 200;
        r.contentType = "application/javascript; charset=utf-8";
        r.body = m_script;
        return r;
    });
}

} // namespace Server
