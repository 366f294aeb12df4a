// Websites of the caller's teams.
#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/model/serviceerror.h"
#include "wire/values.h"

namespace Server::Admin {

void registerWebsiteRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add(signedIn("GET", QStringLiteral("/websites")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const Params::Page page = Params::page(request);
        Core::WebsiteService::Page result;
        if (request.hasQueryItem(QStringLiteral("team_id"))) {
            const QString teamId = request.queryValue(QStringLiteral("team_id"));
            api->teams.requireMembership(session.user.id, teamId);
            result = api->websites.list({teamId}, page.page, page.perPage);
        } else {
            result = api->websites.listForMember(session.user.id, page.page, page.perPage);
        }
        QJsonArray data;
        for (const Core::Website &w : result.items)
            data.append(Wire::toJson(w));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, result.total));
    });

    router.add(signedIn("POST", QStringLiteral("/websites")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        QMap<QString, QString> details =
            Core::WebsiteService::validate(fields.name, fields.url, true, fields.excludedIps);
        if (fields.teamId.value_or(QString()).isEmpty())
            details.insert(QStringLiteral("team_id"), QStringLiteral("Team is required"));
        if (!details.isEmpty())
            throw Core::ServiceError::validation(details);
        api->teams.requireMembership(session.user.id, *fields.teamId);
        const Core::Website w = api->websites.create(*fields.teamId, *fields.name, *fields.url, fields.excludedIps);
        return HttpResponse::json(201, Wire::toJson(w));
    });

    router.add(signedIn("GET", QStringLiteral("/websites/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return HttpResponse::json(200, Wire::toJson(api->websites.requireForMember(
                                           request.param(QStringLiteral("id")), session.user.id)));
    });

    router.add(signedIn("PATCH", QStringLiteral("/websites/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const Core::Website existing =
            api->websites.requireForMember(request.param(QStringLiteral("id")), session.user.id);
        const auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        if (fields.teamId && *fields.teamId != existing.teamId)
            throw Core::ServiceError::validation(
                {{QStringLiteral("team_id"), QStringLiteral("A website cannot move to another team")}});
        return HttpResponse::json(200, Wire::toJson(api->websites.update(existing.id, fields)));
    });

    // Any member may read and change a website; deleting it (and its events) takes an
    // owner or admin of the team.
    router.add(signedIn("DELETE", QStringLiteral("/websites/{id}")), [api](Request &request) {
        api->websites.removeAsMember(request.param(QStringLiteral("id")), sessionOf(request).user.id);
        return HttpResponse::empty(204);
    });
}

} // namespace Server::Admin
