// Teams and their members.
#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/json/jsoninput.h"
#include "wire/values.h"

namespace Server::Admin {

namespace {
using Core::JsonInput::optionalString;
using Core::JsonInput::string;

// The team object plus the caller's own role in it (null for a server admin who is
// not a member).
QJsonObject teamJson(const Core::TeamService::TeamWithRole &t)
{
    QJsonObject o = Wire::toJson(t.team);
    o.insert(QStringLiteral("role"),
             t.role ? QJsonValue(Core::roleName(*t.role)) : QJsonValue(QJsonValue::Null));
    return o;
}

// The membership object plus the member's email and name.
QJsonObject memberJson(const Core::TeamService::Member &m)
{
    QJsonObject o = Wire::toJson(m.membership);
    o.insert(QStringLiteral("email"), m.email);
    o.insert(QStringLiteral("name"), m.name);
    return o;
}
} // namespace

void registerTeamRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add(signedIn("GET", QStringLiteral("/teams")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const Params::Page page = Params::page(request);
        bool all = false;
        if (request.hasQueryItem(QStringLiteral("all"))) {
            const QString v = request.queryValue(QStringLiteral("all"));
            if (v != QLatin1String("true") && v != QLatin1String("false"))
                throw ApiError::invalidParameter(QStringLiteral("all"),
                                                 QStringLiteral("must be true or false"));
            all = v == QLatin1String("true");
        }
        const auto teams = all ? api->teams.allTeams(session.actor) : api->teams.teamsOf(session.user.id);
        QJsonArray data;
        for (const auto &t : pageOf(teams, page))
            data.append(teamJson(t));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, teams.size()));
    });

    router.add(signedIn("POST", QStringLiteral("/teams")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const QJsonObject body = request.jsonObject();
        return HttpResponse::json(
            201, teamJson(api->teams.create(session.actor, string(body, QStringLiteral("name")))));
    });

    router.add(signedIn("GET", QStringLiteral("/teams/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return HttpResponse::json(
            200, teamJson(api->teams.get(session.actor, request.param(QStringLiteral("id")))));
    });

    router.add(signedIn("PATCH", QStringLiteral("/teams/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const QJsonObject body = request.jsonObject();
        const auto team = api->teams.update(session.actor, request.param(QStringLiteral("id")),
                                            optionalString(body, QStringLiteral("name")),
                                            optionalString(body, QStringLiteral("plan")));
        return HttpResponse::json(200, teamJson(team));
    });

    router.add(signedIn("DELETE", QStringLiteral("/teams/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        api->teams.remove(session.actor, request.param(QStringLiteral("id")));
        return HttpResponse::empty(204);
    });

    router.add(signedIn("GET", QStringLiteral("/teams/{id}/members")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const Params::Page page = Params::page(request);
        const auto members = api->teams.members(session.actor, request.param(QStringLiteral("id")));
        QJsonArray data;
        for (const auto &m : pageOf(members, page))
            data.append(memberJson(m));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, members.size()));
    });

    router.add(signedIn("POST", QStringLiteral("/teams/{id}/members")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const QJsonObject body = request.jsonObject();
        const auto member =
            api->teams.addMember(session.actor, request.param(QStringLiteral("id")),
                                 string(body, QStringLiteral("email")), string(body, QStringLiteral("role")));
        return HttpResponse::json(201, memberJson(member));
    });

    router.add(signedIn("PATCH", QStringLiteral("/teams/{id}/members/{userId}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const QJsonObject body = request.jsonObject();
        const auto member = api->teams.changeRole(session.actor, request.param(QStringLiteral("id")),
                                                  request.param(QStringLiteral("userId")),
                                                  string(body, QStringLiteral("role")));
        return HttpResponse::json(200, memberJson(member));
    });

    router.add(signedIn("DELETE", QStringLiteral("/teams/{id}/members/{userId}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        api->teams.removeMember(session.actor, request.param(QStringLiteral("id")),
                                request.param(QStringLiteral("userId")));
        return HttpResponse::empty(204);
    });
}

} // namespace Server::Admin
