// Analytics and ingest statistics of a website, for members of its team.
#include "adminapi.h"

#include "server/analytics/websiteanalytics.h"
#include "server/http/request.h"
#include "server/http/router.h"
#include "server/ingest/websiteingest.h"

namespace Server::Admin {

void registerAnalyticsRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add(signedIn("GET", QStringLiteral("/websites/{id}/analytics")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const QString id =
            api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id).id;
        return WebsiteAnalytics::analytics(api->ctx, id, request, session.user.id);
    });

    router.add(signedIn("GET", QStringLiteral("/websites/{id}/analytics/realtime")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return WebsiteAnalytics::realtime(
            api->ctx, api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id).id,
            request);
    });

    router.add(signedIn("GET", QStringLiteral("/websites/{id}/analytics/event-properties")),
               [api](Request &request) {
                   const Session &session = sessionOf(request);
                   return WebsiteAnalytics::eventProperties(
                       api->ctx,
                       api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id).id,
                       request);
               });

    router.add(signedIn("GET", QStringLiteral("/websites/{id}/analytics/export")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return WebsiteAnalytics::exportCsv(
            api->ctx, api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id).id,
            request, session.user.id);
    });

    router.add(signedIn("GET", QStringLiteral("/websites/{id}/ingest-stats")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return WebsiteIngest::ingestStats(
            api->ctx,
            api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id).id);
    });
}

} // namespace Server::Admin
