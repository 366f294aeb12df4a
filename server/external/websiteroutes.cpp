#include "websiteroutes.h"

#include "apierror.h"
#include "appcontext.h"
#include "externalauth.h"
#include "params.h"
#include "request.h"
#include "router.h"

#include "core/authzepoch.h"
#include "core/serviceerror.h"
#include "core/timeutil.h"
#include "core/websiterepository.h"
#include "core/websitevalidation.h"

#include <QJsonArray>

namespace Server {

namespace {
using Core::Permissions;

QJsonObject websiteJson(const Core::Website &w)
{
    return QJsonObject{{QStringLiteral("id"), w.id},
                       {QStringLiteral("team_id"), w.teamId},
                       {QStringLiteral("name"), w.name},
                       {QStringLiteral("url"), w.url},
                       {QStringLiteral("domain"), w.domain},
                       {QStringLiteral("tracking_code"), w.trackingCode},
                       {QStringLiteral("created_at"), Core::Time::toIso(w.createdAt)}};
}

void throwIfInvalid(const QMap<QString, QString> &problems)
{
    if (!problems.isEmpty())
        throw Core::ServiceError::validation(problems);
}
} // namespace

void registerWebsiteRoutes(Router &router, AppContext &context, ExternalAuth &auth)
{
    const QString base = QStringLiteral("/api/external/v1/websites");

    router.add("GET", base, [&](Request &request) {
        const auto principal = auth.authenticate(request, Permissions::Read);
        const Params::Page page = Params::page(request);
        const QStringList teams = principal->reachableTeamIds();
        Core::WebsiteRepository sites(context.db);
        QJsonArray data;
        for (const Core::Website &w : sites.listForTeams(teams, page.offset(), page.perPage))
            data.append(websiteJson(w));
        return HttpResponse::json(200, Params::pageEnvelope(data, page, sites.countForTeams(teams)));
    });

    router.add("POST", base, [&](Request &request) {
        const auto principal = auth.authenticate(request, Permissions::Write);
        const QJsonObject body = request.jsonObject();
        QMap<QString, QString> problems;
        const QString name = Params::requiredString(body, QStringLiteral("name"), problems);
        const QString url = Params::requiredString(body, QStringLiteral("url"), problems);
        std::optional<QString> teamId = Params::optionalString(body, QStringLiteral("team_id"));
        const QStringList reachable = principal->reachableTeamIds();
        if (!teamId && reachable.size() == 1)
            teamId = reachable.first();
        if (!teamId)
            problems.insert(
                QStringLiteral("team_id"),
                QStringLiteral("team_id is required: this key reaches %1 teams").arg(reachable.size()));
        problems.insert(Core::validateWebsiteInput(
            problems.contains(QStringLiteral("name")) ? std::nullopt : std::optional(name),
            problems.contains(QStringLiteral("url")) ? std::nullopt : std::optional(url)));
        throwIfInvalid(problems);
        if (!principal->reachesTeam(*teamId))
            throw ApiError::forbidden("TEAM_ACCESS_DENIED", QStringLiteral("Access denied to this team"));
        Core::Website w{Core::newId(),
                        *teamId,
                        name.trimmed(),
                        url.trimmed(),
                        Core::websiteDomain(url),
                        Core::newTrackingCode(),
                        context.clock.nowMs()};
        Core::WebsiteRepository(context.db).insert(w);
        HttpResponse r = HttpResponse::json(201, websiteJson(w));
        r.setHeader("Location", (base + QLatin1Char('/') + w.id).toUtf8());
        return r;
    });

    const QString one = base + QStringLiteral("/{id}");
    router.add("GET", one, [&](Request &request) {
        const auto principal = auth.authenticate(request, Permissions::Read);
        return HttpResponse::json(
            200, websiteJson(auth.requireWebsite(*principal, request.param(QStringLiteral("id")))));
    });

    router.add("PATCH", one, [&](Request &request) {
        const auto principal = auth.authenticate(request, Permissions::Write);
        Core::Website w = auth.requireWebsite(*principal, request.param(QStringLiteral("id")));
        const QJsonObject body = request.jsonObject();
        const auto name = Params::optionalString(body, QStringLiteral("name"));
        const auto url = Params::optionalString(body, QStringLiteral("url"));
        throwIfInvalid(Core::validateWebsiteInput(name, url));
        if (name)
            w.name = name->trimmed();
        if (url) {
            w.url = url->trimmed();
            w.domain = Core::websiteDomain(w.url);
        }
        Core::WebsiteRepository(context.db).update(w);
        return HttpResponse::json(200, websiteJson(w));
    });

    router.add("DELETE", one, [&](Request &request) {
        const auto principal = auth.authenticate(request, Permissions::Admin);
        const Core::Website w = auth.requireWebsite(*principal, request.param(QStringLiteral("id")));
        Core::WebsiteRepository(context.db).remove(w.id);
        return HttpResponse::empty(204);
    });
}

} // namespace Server
