#pragma once

#include "server/http/httpresponse.h"

#include <QJsonObject>
#include <QString>

namespace Server {

struct AppContext;
struct Request;

// The analytics read of one website, shared by the external API and the admin API: the
// caller has already authenticated and authorised the website; throws ApiError /
// Core::ServiceError like any handler.
namespace WebsiteAnalytics {

// GET .../analytics/{websiteId}?from=&to=&interval=: the section-3 analytics object.
// Bad from/to/interval -> 400 INVALID_PARAMETER naming the parameter.
QJsonObject analyticsJson(AppContext &context, const QString &websiteId, const Request &request);
HttpResponse analytics(AppContext &context, const QString &websiteId, const Request &request);

} // namespace WebsiteAnalytics
} // namespace Server
