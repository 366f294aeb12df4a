// The signed-in user's personal API keys, and what the external API recorded of their use.
#include "adminapi.h"

#include "core/keys/keyreports.h"
#include "server/http/params.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "wire/keyreports.h"
#include "wire/values.h"

namespace Server::Admin {

void registerKeyRoutes(Router &router, const std::shared_ptr<AdminApi> &api, Core::KeyReports &reports)
{
    router.add(signedIn("GET", QStringLiteral("/keys")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const Params::Page page = Params::page(request);
        const QList<Core::ApiKey> keys = api->keys.list(session.user.id);
        QJsonArray data;
        for (const Core::ApiKey &k : pageOf(keys, page))
            data.append(Wire::toJson(k));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, keys.size()));
    });

    router.add(signedIn("POST", QStringLiteral("/keys")), [api](Request &request) {
        const Session &session = sessionOf(request);
        const auto input = Core::KeyInput::fromJson(request.jsonObject());
        const auto created = api->keys.create(session.actor, input);
        QJsonObject o = Wire::toJson(created.key);
        o.insert(QStringLiteral("key"), created.secret); // the only time it is shown
        HttpResponse r = HttpResponse::json(201, o);
        r.setHeader("Cache-Control", "no-store");
        return r;
    });

    router.add(signedIn("GET", QStringLiteral("/keys/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return HttpResponse::json(
            200, Wire::toJson(api->keys.get(session.actor, request.param(QStringLiteral("id")))));
    });

    router.add(signedIn("POST", QStringLiteral("/keys/{id}/revoke")), [api](Request &request) {
        const Session &session = sessionOf(request);
        return HttpResponse::json(
            200, Wire::toJson(api->keys.revoke(session.actor, request.param(QStringLiteral("id")))));
    });

    // Reports are only for the key's owner: anyone else gets the same 404 as for no key.
    auto ownKey = [api](Request &request) {
        return api->keys.get(sessionOf(request).actor, request.param(QStringLiteral("id"))).id;
    };
    router.add(signedIn("GET", QStringLiteral("/keys/{id}/activity")), [ownKey, &reports](Request &request) {
        const QString keyId = ownKey(request);
        const int hours = int(Params::queryInt(request, QStringLiteral("hours"), 48, 1, 24 * 31));
        return HttpResponse::json(200, Wire::toJson(reports.activity(keyId, hours)));
    });
    router.add(signedIn("GET", QStringLiteral("/keys/{id}/usage")), [ownKey, &reports](Request &request) {
        const QString keyId = ownKey(request);
        const int minutes = int(Params::queryInt(request, QStringLiteral("minutes"), 120, 1, 48 * 60));
        return HttpResponse::json(200, Wire::toJson(reports.usage(keyId, minutes)));
    });
    router.add(signedIn("GET", QStringLiteral("/keys/{id}/requests")), [ownKey, &reports](Request &request) {
        const QString keyId = ownKey(request);
        const int limit = int(Params::queryInt(request, QStringLiteral("limit"), 50, 1, 200));
        return HttpResponse::json(200, Wire::toJson(reports.requests(keyId, limit)));
    });
}

} // namespace Server::Admin
