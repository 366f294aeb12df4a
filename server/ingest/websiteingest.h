#pragma once

#include "server/http/httpresponse.h"

#include "core/model/domain.h"

#include <QJsonObject>
#include <QString>

namespace Server {

struct AppContext;

// Ingest for a website the caller has already authenticated and authorised (the
// external API's POST /events, the admin API's ingest statistics); throws ApiError /
// Core::ServiceError like any handler.
namespace WebsiteIngest {

// POST /api/external/v1/events for a website the key reaches: the body is one event
// object (answered like POST /e/{code}: 202, or 422 with details) or {"events": [...]}
// with 1..500 events (202 with per-item results, or 422 when none was accepted).
// keyId is recorded with every accepted event and counted in key_ingest_stats. body is
// the request's JSON object, parsed once by the caller (it read website_id from it).
// Events whose client_ip is one of the website's excluded_ips are dropped ("excluded").
HttpResponse ingestEvents(AppContext &context, const Core::Website &website, const QString &keyId,
                          const QJsonObject &body);

// Accepted and dropped counts (by reason) for 24 h / 7 d / all time.
HttpResponse ingestStats(AppContext &context, const QString &websiteId);

} // namespace WebsiteIngest
} // namespace Server
