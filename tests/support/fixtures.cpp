#include "fixtures.h"

#include "testserver.h"

#include "core/keys/apikeyformat.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/planrepository.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "core/storage/websiterepository.h"
#include "server/external/externalapi.h"
#include "server/serverinstance.h"

namespace TestSupport::Fixtures {

namespace {
// Runs a change on the server thread, then tells authorisation caches, as services do.
void change(TestServer &server, const std::function<void(Server::ServerInstance &)> &fn)
{
    server.runOnServerThread([&](Server::ServerInstance &s) {
        fn(s);
        s.context().authzEpoch.bump();
    });
}
} // namespace

Core::User createUser(TestServer &server, const QString &email, bool serverAdmin)
{
    Core::User u{Core::newId(), email, QStringLiteral("User ") + email, 1, serverAdmin, false};
    change(server, [&](Server::ServerInstance &s) {
        u.createdAt = s.context().clock.nowMs();
        Core::UserRepository(s.database()).insert(u, QStringLiteral("unused"));
    });
    return u;
}

Core::Team createTeam(TestServer &server, const QString &name, Core::Plan plan, const QString &ownerId)
{
    Core::Team t{Core::newId(), name, plan, 1};
    change(server, [&](Server::ServerInstance &s) {
        Core::TeamRepository teams(s.database());
        teams.insert(t);
        teams.addMember({t.id, ownerId, Core::Role::Owner, 1});
    });
    return t;
}

void addMember(TestServer &server, const QString &teamId, const QString &userId, Core::Role role)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::TeamRepository(s.database()).addMember({teamId, userId, role, 1});
    });
}

void removeMember(TestServer &server, const QString &teamId, const QString &userId)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::TeamRepository(s.database()).removeMember(teamId, userId);
    });
}

void setPlan(TestServer &server, const QString &teamId, Core::Plan plan)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::TeamRepository teams(s.database());
        Core::Team t = *teams.findById(teamId);
        t.plan = plan;
        teams.update(t);
    });
}

void setPlanLimits(TestServer &server, Core::Plan plan, qint64 perMinute, qint64 perMonth)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::PlanRepository(s.database()).set({plan, perMinute, perMonth});
    });
}

void revokeKey(TestServer &server, const QString &keyId)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::ApiKeyRepository(s.database()).revoke(keyId, s.context().clock.nowMs());
    });
}

void disableUser(TestServer &server, const QString &userId)
{
    change(server, [&](Server::ServerInstance &s) {
        Core::UserRepository users(s.database());
        Core::User u = *users.findById(userId);
        u.disabled = true;
        users.update(u);
    });
}

SeededKey createKey(TestServer &server, const QString &userId, const QString &billingTeamId,
                    const QStringList &permissions, const Core::TeamAccess &access,
                    std::optional<qint64> expiresAt)
{
    const auto generated = Core::ApiKeyFormat::generate();
    Core::ApiKey k;
    k.id = Core::newId();
    k.userId = userId;
    k.name = QStringLiteral("test key");
    k.prefix = generated.prefix;
    k.hash = generated.hash;
    k.permissions = *Core::Permissions::fromNames(permissions);
    k.teamAccess = access;
    k.billingTeamId = billingTeamId;
    k.expiresAt = expiresAt;
    change(server, [&](Server::ServerInstance &s) {
        k.createdAt = s.context().clock.nowMs();
        Core::ApiKeyRepository(s.database()).insert(k);
    });
    return {generated.key, k.id};
}

Core::Website createWebsite(TestServer &server, const QString &teamId, const QString &name)
{
    Core::Website w{Core::newId(),
                    teamId,
                    name,
                    QStringLiteral("https://example.com"),
                    QStringLiteral("example.com"),
                    Core::newTrackingCode(),
                    1,
                    {}};
    change(server, [&](Server::ServerInstance &s) {
        w.createdAt = s.context().clock.nowMs();
        Core::WebsiteRepository(s.database()).insert(w);
    });
    return w;
}

void flushBooks(TestServer &server)
{
    server.runOnServerThread([](Server::ServerInstance &s) { s.externalApi().flush(); });
}

} // namespace TestSupport::Fixtures
