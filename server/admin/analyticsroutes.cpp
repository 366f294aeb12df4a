// Analytics and ingest statistics of a website, for members of its team.
#include "adminapi.h"

#include "server/analyticsapi.h"
#include "server/request.h"
#include "server/router.h"

#include "core/serviceerror.h"
#include "core/teamrepository.h"
#include "core/websiterepository.h"

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
        return AnalyticsApi::analytics(api->ctx, id, request);
    });

    router.add("GET", Prefix + QStringLiteral("/websites/{id}/ingest-stats"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        return AnalyticsApi::ingestStats(api->ctx,
                                         memberWebsiteId(*api, session, request.param(QStringLiteral("id"))));
    });
}

} // namespace Server::Admin
