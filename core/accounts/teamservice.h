#pragma once

#include "core/model/actor.h"
#include "core/model/domain.h"

#include <optional>

namespace Core {

class AuthzEpoch;
class Clock;
class Database;

// Teams, members, roles and plans, with the rules: any signed-in user may create a team
// (they own it, plan free); members may read it; owners and admins rename it and manage
// members; only owners delete it, make or unmake owners; only a server admin sets the
// plan; the last owner can be neither removed nor demoted. A server admin acts as an
// owner of every team. A team the actor cannot see is "not found" (404), never 403.
class TeamService final
{
public:
    struct TeamWithRole
    {
        Team team;
        std::optional<Role> role; // the actor's own role, if a member
    };
    struct Member
    {
        Membership membership;
        QString email;
        QString name;
    };

    TeamService(const Database &db, const Clock &clock, AuthzEpoch &epoch);

    QList<TeamWithRole> teamsOf(const QString &userId) const;
    struct MembershipWithTeam
    {
        Membership membership;
        std::optional<Team> team;
    };
    // userId's memberships, each with its team.
    QList<MembershipWithTeam> membershipsOf(const QString &userId) const;
    QList<TeamWithRole> allTeams(const Actor &actor) const; // server admins only
    TeamWithRole get(const Actor &actor, const QString &teamId) const;
    TeamWithRole create(const Actor &actor, const QString &name);
    TeamWithRole update(const Actor &actor, const QString &teamId, const std::optional<QString> &name,
                        const std::optional<QString> &plan);
    void remove(const Actor &actor, const QString &teamId);

    QList<Member> members(const Actor &actor, const QString &teamId) const;
    Member addMember(const Actor &actor, const QString &teamId, const QString &email, const QString &role);
    Member changeRole(const Actor &actor, const QString &teamId, const QString &userId, const QString &role);
    void removeMember(const Actor &actor, const QString &teamId, const QString &userId);

    // The actor's effective role in a team: their membership, or Owner for a server
    // admin; otherwise throws NOT_FOUND.
    Role effectiveRole(const Actor &actor, const QString &teamId) const;
    // Throws NOT_FOUND unless the user is a member (server admins included: data of a
    // team belongs to its members).
    Membership requireMembership(const QString &userId, const QString &teamId) const;

private:
    void requireAtLeast(const Actor &actor, const QString &teamId, Role needed, Role *actual = nullptr) const;
    Member memberOf(const Membership &m) const;

    const Database &m_db;
    const Clock &m_clock;
    AuthzEpoch &m_epoch;
};

} // namespace Core
