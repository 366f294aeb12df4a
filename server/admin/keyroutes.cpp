// The signed-in user's personal API keys. (/keys/{id}/activity, /usage, /requests are
// registered by the external-API area.)
#include "adminapi.h"

#include "server/request.h"
#include "server/router.h"

#include "core/jsonmapping.h"

namespace Server::Admin {

void registerKeyRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add("GET", Prefix + QStringLiteral("/keys"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const Params::Page page = Params::page(request);
        const QList<Core::ApiKey> keys = api->keys.list(session.user.id);
        QJsonArray data;
        for (const Core::ApiKey &k : pageOf(keys, page))
            data.append(Core::Json::toJson(k));
        return HttpResponse::json(200, Params::pageEnvelope(data, page, keys.size()));
    });

    router.add("POST", Prefix + QStringLiteral("/keys"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        const auto input = Core::KeyInput::fromJson(request.jsonObject());
        const auto created = api->keys.create(session.actor, input);
        QJsonObject o = Core::Json::toJson(created.key);
        o.insert(QStringLiteral("key"), created.secret); // the only time it is shown
        HttpResponse r = HttpResponse::json(201, o);
        r.setHeader("Cache-Control", "no-store");
        return r;
    });

    router.add("GET", Prefix + QStringLiteral("/keys/{id}"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        return HttpResponse::json(
            200, Core::Json::toJson(api->keys.get(session.actor, request.param(QStringLiteral("id")))));
    });

    router.add("POST", Prefix + QStringLiteral("/keys/{id}/revoke"), [api](Request &request) {
        const Session session = requireSession(*api, request);
        return HttpResponse::json(
            200, Core::Json::toJson(api->keys.revoke(session.actor, request.param(QStringLiteral("id")))));
    });
}

} // namespace Server::Admin
