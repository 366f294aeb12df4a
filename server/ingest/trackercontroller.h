#pragma once

#include "core/limits/fixedwindowlimiter.h"

#include <QByteArray>

namespace Server {

class HttpEngine;
struct AppContext;

// GET /z.js: the tracker script (resources/z.js, compiled in), with a strong ETag,
// Cache-Control, 304 on a matching If-None-Match, and the public-endpoint per-IP
// limit (30 per UTC minute by default, [ingest] public_per_minute).
class TrackerController final
{
public:
    explicit TrackerController(AppContext &context);
    Q_DISABLE_COPY_MOVE(TrackerController)

    void registerRoutes(HttpEngine &engine);
    const QByteArray &etag() const { return m_etag; }

    // True when an If-None-Match header value matches the ETag (lists, W/, *).
    static bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag);

private:
    AppContext &m_context;
    QByteArray m_script;
    QByteArray m_etag;
    Core::FixedWindowLimiter m_limiter;
};

} // namespace Server
