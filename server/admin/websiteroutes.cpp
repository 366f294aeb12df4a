// Websites of the caller's teams.
#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/model/serviceerror.h"
#include "core/storage/teamrepository.h"
#include "wire/values.h"

namespace Server::Admin {

void registerWebsiteRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add("GET", Prefix + QStringLiteral("/websites"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const Params::Page page = Params::page(request);
        QStringList teamIds;
        if (request.hasQueryItem(QStringLiteral("team_id"))) {
            const QString teamId = request.queryValue(QStringLiteral("team_id"));
            api->teams.requireMembership(session.user.id, teamId);
            teamIds << teamId;
        } else {
            for (const Core::Membership &m :
                 Core::TeamRepository(api->ctx.db).membershipsOfUser(session.user.id))
                teamIds << m.teamId;
        }
        const auto result = api->websites.list(teamIds, page.page, page.perPage);
        QJsonArray data;
        for (const Core::Website &w : result.items)
            data.append(Wire::toJson(w));
        return HttpResponse::json(200, Params::pageEnvelope(data, page, result.total));
    });

    router.add("POST", Prefix + QStringLiteral("/websites"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        QMap<QString, QString> details = Core::WebsiteService::validate(fields.name, fields.url, true);
        if (fields.teamId.value_or(QString()).isEmpty())
            details.insert(QStringLiteral("team_id"), QStringLiteral("Team is required"));
        if (!details.isEmpty())
            throw Core::ServiceError::validation(details);
        api->teams.requireMembership(session.user.id, *fields.teamId);
        const Core::Website w = api->websites.create(*fields.teamId, *fields.name, *fields.url);
        return HttpResponse::json(201, Wire::toJson(w));
    });

    router.add("GET", Prefix + QStringLiteral("/websites/{id}"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        return HttpResponse::json(200, Wire::toJson(api->websites.requireForMember(
                                           request.param(QStringLiteral("id")), session.user.id)));
    });

    router.add("PATCH", Prefix + QStringLiteral("/websites/{id}"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const Core::Website existing =
            api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id);
        const auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        if (fields.teamId && *fields.teamId != existing.teamId)
            throw Core::ServiceError::validation(
                {{QStringLiteral("team_id"), QStringLiteral("A website cannot move to another team")}});
        return HttpResponse::json(200,
                                  Wire::toJson(api->websites.update(existing.id, fields.name, fields.url)));
    });

    // Any member may read and change a website; deleting it (and its events) takes an
    // owner or admin of the team.
    router.add("DELETE", Prefix + QStringLiteral("/websites/{id}"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const Core::Website website =
            api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id);
        const auto membership = Core::TeamRepository(api->ctx.db).membership(website.teamId, session.user.id);
        if (!membership || membership->role < Core::Role::Admin)
            throw ApiError::forbidden(
                "FORBIDDEN", QStringLiteral("Only an owner or admin of the team may delete its websites"));
        api->websites.remove(website.id);
        return HttpResponse::empty(204);
    });
}

} // namespace Server::Admin
