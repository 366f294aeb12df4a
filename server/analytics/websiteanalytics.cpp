#include "websiteanalytics.h"

#include "server/appcontext.h"
#include "server/http/request.h"

#include "core/analytics/analyticsservice.h"

namespace Server::WebsiteAnalytics {

QJsonObject analyticsJson(AppContext &context, const QString &websiteId, const Request &request)
{
    auto query = Core::AnalyticsService::parseQuery(
        request.queryValue(QStringLiteral("from")), request.queryValue(QStringLiteral("to")),
        request.queryValue(QStringLiteral("interval")), context.clock.nowMs());
    query.comparePrevious = Core::AnalyticsService::parseCompare(request.queryValue(QStringLiteral("compare")));
    const Core::AnalyticsService service(context.db);
    return Core::AnalyticsService::toJson(service.report(websiteId, query));
}

HttpResponse analytics(AppContext &context, const QString &websiteId, const Request &request)
{
    HttpResponse r = HttpResponse::json(200, analyticsJson(context, websiteId, request));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse eventProperties(AppContext &context, const QString &websiteId, const Request &request)
{
    const auto query = Core::AnalyticsService::parseQuery(request.queryValue(QStringLiteral("from")),
                                                          request.queryValue(QStringLiteral("to")), {},
                                                          context.clock.nowMs());
    const Core::AnalyticsService service(context.db);
    HttpResponse r = HttpResponse::json(200, Core::AnalyticsService::toJson(service.eventProperties(
                                                 websiteId, request.queryValue(QStringLiteral("name")), query)));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse realtime(AppContext &context, const QString &websiteId)
{
    const Core::AnalyticsService service(context.db);
    HttpResponse r = HttpResponse::json(
        200, Core::AnalyticsService::toJson(service.realtime(websiteId, context.clock.nowMs())));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace Server::WebsiteAnalytics
