// GET/POST /users, GET/PATCH /users/{id} (server admins)
#include "adminapi.h"

#include "server/http/request.h"
#include "server/http/router.h"

#include "core/json/jsoninput.h"
#include "core/model/serviceerror.h"
#include "wire/values.h"

namespace Server::Admin {

void registerUserRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    router.add(signedIn("GET", QStringLiteral("/users")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session);
        const Params::Page page = Params::page(request);
        const QList<Core::User> all = api->accounts.listUsers();
        QJsonArray data;
        for (const Core::User &u : pageOf(all, page))
            data.append(Wire::toJson(u));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, all.size()));
    });

    router.add(signedIn("POST", QStringLiteral("/users")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session);
        const QJsonObject body = request.jsonObject();
        using Core::JsonInput::string;
        const QString email = string(body, QStringLiteral("email"));
        const QString name = string(body, QStringLiteral("name"));
        const QString password = string(body, QStringLiteral("password"));
        // Refused input is answered at once; the hash (Argon2id) is made on a worker, and
        // createUser checks everything again before it writes.
        api->accounts.checkNewUser(email, name, password);
        const Core::Actor actor = session.actor;
        return api->hashThen(password, [api, actor, email, name, password](const QString &hash) {
            return HttpResponse::json(
                201, Wire::toJson(api->accounts.createUser(actor, email, name, password, hash)));
        });
    });

    router.add(signedIn("GET", QStringLiteral("/users/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session);
        const auto user = api->accounts.findUser(request.param(QStringLiteral("id")));
        if (!user)
            throw Core::ServiceError::notFound(QStringLiteral("User not found"));
        return HttpResponse::json(200, Wire::toJson(*user));
    });

    router.add(signedIn("PATCH", QStringLiteral("/users/{id}")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session);
        const QJsonObject body = request.jsonObject();
        const Core::User user =
            api->accounts.updateUser(session.actor, request.param(QStringLiteral("id")),
                                     Core::JsonInput::optionalString(body, QStringLiteral("name")),
                                     Core::JsonInput::optionalBool(body, QStringLiteral("disabled")));
        return HttpResponse::json(200, Wire::toJson(user));
    });
}

} // namespace Server::Admin
