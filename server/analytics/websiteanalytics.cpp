#include "websiteanalytics.h"

#include "server/appcontext.h"
#include "server/analytics/slowreads.h"
#include "server/http/request.h"

#include "core/analytics/analyticsservice.h"

namespace Server::WebsiteAnalytics {

namespace {
Core::AnalyticsService::Query queryOf(AppContext &context, const Request &request)
{
    auto query = Core::AnalyticsService::parseQuery(
        request.queryValue(QStringLiteral("from")), request.queryValue(QStringLiteral("to")),
        request.queryValue(QStringLiteral("interval")), context.clock.nowMs());
    query.comparePrevious = Core::AnalyticsService::parseCompare(request.queryValue(QStringLiteral("compare")));
    query.filters = Core::AnalyticsService::parseFilters(request.query.queryItems(QUrl::FullyDecoded));
    return query;
}

HttpResponse answer(const QJsonObject &report)
{
    HttpResponse r = HttpResponse::json(200, report);
    r.setHeader("Cache-Control", "no-store");
    return r;
}
} // namespace

QJsonObject analyticsJson(AppContext &context, const QString &websiteId, const Request &request)
{
    const Core::AnalyticsService service(context.db);
    return Core::AnalyticsService::toJson(service.report(websiteId, queryOf(context, request)));
}

HttpResponse analytics(AppContext &context, const QString &websiteId, const Request &request,
                       const QString &userId)
{
    const auto query = queryOf(context, request);
    if (query.filters.size() <= 1) // rollups: milliseconds, on the server thread
        return answer(Core::AnalyticsService::toJson(Core::AnalyticsService(context.db).report(websiteId, query)));
    // Several filters replay stored events: on a worker, never stalling the server.
    return context.slowReads.run(userId, [&db = context.db, websiteId, query] {
        return answer(Core::AnalyticsService::toJson(Core::AnalyticsService(db).report(websiteId, query)));
    });
}

HttpResponse exportCsv(AppContext &context, const QString &websiteId, const Request &request,
                       const QString &userId)
{
    const auto query = Core::AnalyticsService::parseQuery(request.queryValue(QStringLiteral("from")),
                                                          request.queryValue(QStringLiteral("to")), {},
                                                          context.clock.nowMs());
    HttpResponse r;
    r.status = 200;
    r.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
    QByteArray id; // a UUID, made by the server; kept to safe characters all the same
    for (const QChar c : websiteId)
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            id += char(c.unicode());
        else if (c == u'-')
            id += '-';
    r.setHeader("Content-Disposition", "attachment; filename=\"zenovay-" + id + '-' +
                                           query.from.toString(Qt::ISODate).toLatin1() + "-to-" +
                                           query.to.toString(Qt::ISODate).toLatin1() + ".csv\"");
    r.setHeader("Cache-Control", "no-store");
    // Up to 366 days of every value: a worker's job, not the server thread's.
    return context.slowReads.run(userId, [&db = context.db, websiteId, query, r]() mutable {
        r.body = Core::AnalyticsService(db).exportCsv(websiteId, query.from, query.to);
        return r;
    });
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

HttpResponse realtime(AppContext &context, const QString &websiteId, const Request &request)
{
    const auto filters = Core::AnalyticsService::parseFilters(request.query.queryItems(QUrl::FullyDecoded));
    const Core::AnalyticsService service(context.db);
    HttpResponse r = HttpResponse::json(
        200, Core::AnalyticsService::toJson(service.realtime(websiteId, context.clock.nowMs(), filters)));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace Server::WebsiteAnalytics
