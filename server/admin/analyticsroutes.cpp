// Analytics and ingest statistics of a website, for members of its team.
#include "adminapi.h"

#include "server/analytics/websiteanalytics.h"
#include "server/http/request.h"
#include "server/http/router.h"
#include "server/ingest/websiteingest.h"

#include "core/model/serviceerror.h"
#include "core/storage/teamrepository.h"
#include "core/storage/websiterepository.h"

namespace Server::Admin {

namespace {
// 404 unless the signed-in user is a member of the website's team (as the website routes).
QString memberWebsiteId(AdminApi &api, const Session &session, const QString &id)
{
    const auto website = Core::WebsiteRepository(api.ctx.db).findById(id);
    if (!website || !Core::TeamRepository(api.ctx.db).membership(website->teamId, session.user.id))
        throw Core::ServiceError::notFound(QStringLiteral("Website not found"));
    return website->id;
}
} // namespace

void registerAnalyticsRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add("GET", Prefix + QStringLiteral("/websites/{id}/analytics"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const QString id = memberWebsiteId(*api, session, request.param(QStringLiteral("id")));
        return WebsiteAnalytics::analytics(api->ctx, id, request);
    });

    router.add("GET", Prefix + QStringLiteral("/websites/{id}/ingest-stats"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        return WebsiteIngest::ingestStats(
            api->ctx, memberWebsiteId(*api, session, request.param(QStringLiteral("id"))));
    });
}

} // namespace Server::Admin
