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

// GET .../analytics/{websiteId}?from=&to=&interval=&compare=&<filters>: the section-3
// analytics object (filters: page, referrer, country, browser, os, device, utm_source,
// utm_medium, utm_campaign, event). Bad parameters -> 400 INVALID_PARAMETER naming one.
QJsonObject analyticsJson(AppContext &context, const QString &websiteId, const Request &request);
// userId: who asks (several filters and exports run on SlowReads, bounded per user).
HttpResponse analytics(AppContext &context, const QString &websiteId, const Request &request,
                       const QString &userId);
// GET .../realtime: visitors of the last 5 minutes, pageviews per minute over the last 30,
// the top pages of the last 5 minutes. Written events only (the writer commits within
// about a second). The report's filter parameters narrow it to the matching events.
HttpResponse realtime(AppContext &context, const QString &websiteId, const Request &request);
// GET .../export?from=&to=: text/csv, one row per day and filterable dimension value
// (date,dimension,value,visitors,pageviews), at most 366 days.
HttpResponse exportCsv(AppContext &context, const QString &websiteId, const Request &request,
                       const QString &userId);
// GET .../event-properties?name=&from=&to=: one custom event's properties and their most
// frequent values (at most 92 days).
HttpResponse eventProperties(AppContext &context, const QString &websiteId, const Request &request);

} // namespace WebsiteAnalytics
} // namespace Server
