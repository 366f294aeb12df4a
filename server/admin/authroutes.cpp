// GET/POST /setup, POST /login, POST /logout, GET /me
#include "adminapi.h"

#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/json/jsoninput.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "wire/values.h"

namespace Server::Admin {

namespace {
using Core::JsonInput::string;

HttpResponse noStore(HttpResponse r)
{
    r.setHeader("Cache-Control", "no-store");
    return r;
}

// 429 with Retry-After while a sign-in ban lasts.
void refuseWhileBanned(qint64 waitMs, const QString &why)
{
    if (waitMs <= 0)
        return;
    const qint64 seconds = (waitMs + 999) / 1000;
    throw ApiError::tooManyRequests(
        "RATE_LIMIT_EXCEEDED", QStringLiteral("%1; try again in %2 seconds").arg(why).arg(seconds), seconds);
}
} // namespace

void registerAuthRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    // Lets a client choose between "set up this server" and "sign in".
    router.add(signIn("GET", QStringLiteral("/setup")), [api](Request &) {
        return noStore(HttpResponse::json(
            200, QJsonObject{{QStringLiteral("setup_required"), !api->accounts.isSetUp()}}));
    });

    router.add(signIn("POST", QStringLiteral("/setup")), [api](Request &request) {
        const QJsonObject body = request.jsonObject();
        const QString email = string(body, QStringLiteral("email"));
        const QString name = string(body, QStringLiteral("name"));
        const QString password = string(body, QStringLiteral("password"));
        const QString teamName = string(body, QStringLiteral("team_name"));
        // Refused input is answered at once; the hash is made on a worker, and setup()
        // checks everything again (another setup may have won meanwhile) before it writes.
        api->accounts.checkSetup(email, name, password, teamName);
        const Core::Actor actor = anonymousActor(request);
        return api->hashThen(password, [api, actor, email, name, password, teamName](const QString &hash) {
            const auto result = api->accounts.setup(actor, email, name, password, teamName, hash);
            return noStore(
                HttpResponse::json(201, QJsonObject{{QStringLiteral("user"), Wire::toJson(result.user)},
                                                    {QStringLiteral("team"), Wire::toJson(result.team)}}));
        });
    });

    router.add(signIn("POST", QStringLiteral("/login")), [api](Request &request) {
        const QByteArray address = clientAddressKey(request.clientIp); // an IPv6 /64 is one client
        const qint64 now = api->ctx.clock.nowMs();
        refuseWhileBanned(api->loginThrottle.addressBannedForMs(address, now),
                          QStringLiteral("Too many failed sign-ins from this address"));
        const QJsonObject body = request.jsonObject();
        const QString email = string(body, QStringLiteral("email"));
        const QString password = string(body, QStringLiteral("password"));
        QMap<QString, QString> details;
        if (email.trimmed().isEmpty())
            details.insert(QStringLiteral("email"), QStringLiteral("Email is required"));
        if (password.isEmpty())
            details.insert(QStringLiteral("password"), QStringLiteral("Password is required"));
        if (!details.isEmpty())
            throw Core::ServiceError::validation(details);
        // The same for an email no account has, so the lock tells nothing about accounts.
        const QByteArray account = Core::LoginThrottle::accountKey(email);
        refuseWhileBanned(api->loginThrottle.accountLockedForMs(account, address, now),
                          QStringLiteral("Too many failed sign-ins for this account"));
        // One check at a time per address, so the throttle counts every failure before
        // the next attempt from there is let through.
        if (api->signInsInFlight.contains(address))
            throw ApiError::tooManyRequests(
                "RATE_LIMIT_EXCEEDED",
                QStringLiteral("A sign-in from this address is still being checked; try again in a moment"),
                1);
        // The password work (Argon2id, tens of milliseconds) runs on a worker: this thread
        // answers everyone else meanwhile, and this request's answer comes when it is done.
        const Core::AccountService::LoginAttempt attempt = api->accounts.beginLogin(email);
        const auto deferred = std::make_shared<DeferredResponse>();
        const Core::Actor actor = anonymousActor(request);
        const bool started = api->passwordChecks.submit(
            password, attempt.storedHash, api->accounts.settings().passwordPolicy, attempt.cost,
            &api->callbacks,
            [api, deferred, actor, attempt, address, account](const Core::PasswordHasher::Check &check) {
                api->signInsInFlight.remove(address);
                deferred->resolve([api, actor, attempt, address, account, check] {
                    if (check.unavailable)
                        throw ApiError::unavailable(
                            QStringLiteral(
                                "The server could not check the password right now; try again in a moment"),
                            1);
                    const qint64 at = api->ctx.clock.nowMs();
                    Core::AccountService::LoginResult result;
                    try {
                        result = api->accounts.finishLogin(actor, attempt, check);
                    } catch (const Core::ServiceError &e) {
                        if (e.code() == "INVALID_CREDENTIALS")
                            api->loginThrottle.recordFailure(address, account, at);
                        throw;
                    }
                    api->loginThrottle.recordSuccess(address, account, at);
                    return noStore(HttpResponse::json(
                        200,
                        QJsonObject{{QStringLiteral("token"), result.token},
                                    {QStringLiteral("user"), Wire::toJson(result.user)},
                                    {QStringLiteral("expires_at"), Core::Time::toIso(result.expiresAt)}}));
                });
            });
        if (!started)
            throw ApiError::unavailable(
                QStringLiteral("Too many sign-ins are being checked right now; try again in a moment"), 1);
        api->signInsInFlight.insert(address);
        return HttpResponse::later(deferred);
    });

    router.add(signedIn("POST", QStringLiteral("/logout")), [api](Request &request) {
        const Session &session = sessionOf(request);
        api->accounts.logout(session.token);
        return HttpResponse::empty(204);
    });

    router.add(signedIn("GET", QStringLiteral("/me")), [api](Request &request) {
        const Session &session = sessionOf(request);
        QJsonArray memberships;
        for (const auto &[membership, team] : api->teams.membershipsOf(session.user.id)) {
            QJsonObject o = Wire::toJson(membership);
            if (team)
                o.insert(QStringLiteral("team"), Wire::toJson(*team));
            memberships.append(o);
        }
        return noStore(
            HttpResponse::json(200, QJsonObject{{QStringLiteral("user"), Wire::toJson(session.user)},
                                                {QStringLiteral("memberships"), memberships}}));
    });
}

} // namespace Server::Admin
