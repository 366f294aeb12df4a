#pragma once

#include "core/model/domain.h"

#include <optional>

namespace Server {
class ServerInstance;
}

namespace TestSupport {

class TestServer;

// Seeds data straight through core repositories on the server's thread (for tests of
// the external API that must not depend on the admin API).
struct SeededKey
{
    QString key; // the full zv_ key
    QString id;
};

namespace Fixtures {
Core::User createUser(TestServer &server, const QString &email, bool serverAdmin = false);
Core::Team createTeam(TestServer &server, const QString &name, Core::Plan plan, const QString &ownerId);
void addMember(TestServer &server, const QString &teamId, const QString &userId, Core::Role role);
void removeMember(TestServer &server, const QString &teamId, const QString &userId);
void setPlan(TestServer &server, const QString &teamId, Core::Plan plan);
void setPlanLimits(TestServer &server, Core::Plan plan, qint64 perMinute, qint64 perMonth);
void revokeKey(TestServer &server, const QString &keyId);
void disableUser(TestServer &server, const QString &userId);
SeededKey createKey(TestServer &server, const QString &userId, const QString &billingTeamId,
                    const QStringList &permissions, const Core::TeamAccess &access = {},
                    std::optional<qint64> expiresAt = std::nullopt);
Core::Website createWebsite(TestServer &server, const QString &teamId, const QString &name);
// Writes the external API's in-memory books to the database now.
void flushBooks(TestServer &server);
} // namespace Fixtures

} // namespace TestSupport
