#include "websiteroutes.h"

#include "externalauth.h"
#include "server/appcontext.h"
#include "server/http/apierror.h"
#include "server/http/params.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/model/serviceerror.h"
#include "core/websites/websiteservice.h"
#include "wire/values.h"

#include <QJsonArray>

namespace Server {

void registerWebsiteRoutes(Router &router, AppContext &context, ExternalAuth &auth)
{
    using Core::Permissions;
    const QString base = QStringLiteral("/websites");
    auto service = std::make_shared<Core::WebsiteService>(context.db, context.clock);

    router.add(ExternalAuth::route("GET", base, Permissions::Read), [&auth, service](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        const Params::Page page = Params::page(request);
        const auto result = service->list(principal.reachableTeamIds(), page.page, page.perPage);
        return HttpResponse::jsonBytes(
            200,
            Params::pageEnvelope(
                result.items, [](Wire::JsonWriter &out, const Core::Website &w) { Wire::writeJson(out, w); },
                page, result.total));
    });

    router.add(ExternalAuth::route("POST", base, Permissions::Write), [&auth, service](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        auto problems = Core::WebsiteService::validate(fields.name, fields.url, true, fields.excludedIps);
        const QStringList reachable = principal.reachableTeamIds();
        if (!fields.teamId && reachable.size() == 1)
            fields.teamId = reachable.first(); // the key reaches one team: it is the obvious one
        if (!fields.teamId)
            problems.insert(
                QStringLiteral("team_id"),
                QStringLiteral("team_id is required: this key reaches %1 teams").arg(reachable.size()));
        if (!problems.isEmpty())
            throw Core::ServiceError::validation(problems);
        if (!principal.reachesTeam(*fields.teamId))
            throw ApiError::forbidden("TEAM_ACCESS_DENIED", QStringLiteral("Access denied to this team"));
        const Core::Website w = service->create(*fields.teamId, *fields.name, *fields.url, fields.excludedIps);
        HttpResponse r = HttpResponse::json(201, Wire::toJson(w));
        r.setHeader("Location", (QStringLiteral("/api/external/v1/websites/") + w.id).toUtf8());
        return r;
    });

    const QString one = base + QStringLiteral("/{id}");
    router.add(ExternalAuth::route("GET", one, Permissions::Read), [&auth](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        Wire::JsonWriter out;
        Wire::writeJson(out, auth.requireWebsite(principal, request.param(QStringLiteral("id"))));
        return HttpResponse::jsonBytes(200, out.take());
    });

    router.add(ExternalAuth::route("PATCH", one, Permissions::Write), [&auth, service](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        const Core::Website w = auth.requireWebsite(principal, request.param(QStringLiteral("id")));
        const auto fields = Core::WebsiteService::Fields::fromJson(request.jsonObject());
        return HttpResponse::json(200, Wire::toJson(service->update(w.id, fields)));
    });

    router.add(ExternalAuth::route("DELETE", one, Permissions::Admin), [&auth, service](Request &request) {
        const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
        const Core::Website w = auth.requireWebsite(principal, request.param(QStringLiteral("id")));
        if (!principal.userIsTeamAdmin(w.teamId))
            throw ApiError::forbidden(
                "INSUFFICIENT_PERMISSION",
                QStringLiteral("Deleting a website takes an owner or admin of its team; this "
                               "API key's user is a member."));
        service->remove(w.id);
        return HttpResponse::empty(204);
    });
}

} // namespace Server
