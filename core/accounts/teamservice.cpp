#include "teamservice.h"

#include "authzepoch.h"
#include "core/audit/auditlog.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "core/storage/websiterepository.h"
#include "validation.h"

namespace Core {

namespace {
ServiceError teamNotFound()
{
    return ServiceError::notFound(QStringLiteral("Team not found"));
}

ServiceError forbidden(const QString &why)
{
    return ServiceError::forbidden("FORBIDDEN", why);
}

std::optional<Role> roleOf(const TeamRepository &teams, const QString &teamId, const QString &userId)
{
    const auto m = teams.membership(teamId, userId);
    return m ? std::optional(m->role) : std::nullopt;
}

ServiceError lastOwner()
{
    return {ServiceError::Kind::Conflict, "LAST_OWNER",
            QStringLiteral("A team needs at least one owner: make another member owner first")};
}

Role parseRole(const QString &role)
{
    const auto r = roleFromName(role);
    if (!r)
        throw ServiceError::validation(
            {{QStringLiteral("role"), role.isEmpty()
                                          ? QStringLiteral("Role is required")
                                          : QStringLiteral("Role must be owner, admin or member")}});
    return *r;
}
} // namespace

TeamService::TeamService(const Database &db, const Clock &clock, AuthzEpoch &epoch)
    : m_db(db), m_clock(clock), m_epoch(epoch)
{}

Role TeamService::effectiveRole(const Actor &actor, const QString &teamId) const
{
    TeamRepository teams(m_db);
    if (const auto m = teams.membership(teamId, actor.userId))
        return m->role;
    if (actor.isServerAdmin && teams.findById(teamId))
        return Role::Owner;
    throw teamNotFound();
}

Membership TeamService::requireMembership(const QString &userId, const QString &teamId) const
{
    const auto m = TeamRepository(m_db).membership(teamId, userId);
    if (!m)
        throw teamNotFound();
    return *m;
}

void TeamService::requireAtLeast(const Actor &actor, const QString &teamId, Role needed, Role *actual) const
{
    const Role role = effectiveRole(actor, teamId);
    if (actual)
        *actual = role;
    if (int(role) < int(needed))
        throw forbidden(needed == Role::Owner
                            ? QStringLiteral("Only an owner of the team may do this")
                            : QStringLiteral("Only an owner or admin of the team may do this"));
}

QList<TeamService::TeamWithRole> TeamService::teamsOf(const QString &userId) const
{
    TeamRepository teams(m_db);
    QList<TeamWithRole> out;
    for (const Team &t : teams.listForUser(userId))
        out.append({t, roleOf(teams, t.id, userId)});
    return out;
}

QList<TeamService::MembershipWithTeam> TeamService::membershipsOf(const QString &userId) const
{
    TeamRepository teams(m_db);
    QList<MembershipWithTeam> out;
    for (const Membership &m : teams.membershipsOfUser(userId))
        out.append({m, teams.findById(m.teamId)});
    return out;
}

QList<TeamService::TeamWithRole> TeamService::allTeams(const Actor &actor) const
{
    if (!actor.isServerAdmin)
        throw forbidden(QStringLiteral("Only a server admin may list every team"));
    Statement q = m_db.prepare(QStringLiteral("SELECT id FROM teams ORDER BY created_at, name"));
    exec(q);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    TeamRepository teams(m_db);
    QList<TeamWithRole> out;
    for (const QString &id : ids) {
        if (const auto t = teams.findById(id))
            out.append({*t, roleOf(teams, id, actor.userId)});
    }
    return out;
}

TeamService::TeamWithRole TeamService::get(const Actor &actor, const QString &teamId) const
{
    effectiveRole(actor, teamId);
    TeamRepository teams(m_db);
    const auto team = teams.findById(teamId);
    if (!team)
        throw teamNotFound();
    return {*team, roleOf(teams, teamId, actor.userId)};
}

TeamService::TeamWithRole TeamService::create(const Actor &actor, const QString &name)
{
    if (auto e = Validation::checkName(name))
        throw ServiceError::validation({{QStringLiteral("name"), *e}});
    const qint64 now = m_clock.nowMs();
    const Team team{newId(), name.trimmed(), Plan::Free, now};
    Transaction tx(m_db);
    TeamRepository teams(m_db);
    teams.insert(team);
    teams.addMember({team.id, actor.userId, Role::Owner, now});
    AuditLog(m_db, m_clock).record(actor, QStringLiteral("team.created"), QStringLiteral("team"), team.id);
    tx.commit();
    return {team, Role::Owner};
}

TeamService::TeamWithRole TeamService::update(const Actor &actor, const QString &teamId,
                                              const std::optional<QString> &name,
                                              const std::optional<QString> &plan)
{
    requireAtLeast(actor, teamId, Role::Admin);
    std::optional<Plan> newPlan;
    QMap<QString, QString> details;
    if (name)
        if (auto e = Validation::checkName(*name))
            details.insert(QStringLiteral("name"), *e);
    if (plan) {
        newPlan = planFromName(*plan);
        if (!newPlan)
            details.insert(QStringLiteral("plan"),
                           QStringLiteral("Plan must be free, pro, scale or enterprise"));
    }
    if (!details.isEmpty())
        throw ServiceError::validation(details);
    TeamRepository teams(m_db);
    auto team = teams.findById(teamId);
    if (!team)
        throw teamNotFound();
    const bool planChanges = newPlan && *newPlan != team->plan;
    if (planChanges && !actor.isServerAdmin)
        throw forbidden(QStringLiteral("Only a server admin may change a team's plan"));
    const Plan oldPlan = team->plan;
    if (name)
        team->name = name->trimmed();
    if (newPlan)
        team->plan = *newPlan;
    Transaction tx(m_db);
    teams.update(*team);
    if (planChanges)
        AuditLog(m_db, m_clock)
            .record(
                actor, QStringLiteral("team.plan_changed"), QStringLiteral("team"), teamId,
                {{QStringLiteral("from"), planName(oldPlan)}, {QStringLiteral("to"), planName(*newPlan)}});
    tx.commit();
    if (planChanges)
        m_epoch.bump();
    return {*team, roleOf(teams, teamId, actor.userId)};
}

void TeamService::remove(const Actor &actor, const QString &teamId)
{
    requireAtLeast(actor, teamId, Role::Owner);
    Transaction tx(m_db);
    // Events and what is derived from them (rollups, session state, ingest statistics)
    // have no foreign key to websites: each website goes as deleting it alone would.
    Statement sites = m_db.prepare(QStringLiteral("SELECT id FROM websites WHERE team_id = ?"));
    sites.addBindValue(teamId);
    exec(sites);
    QStringList websiteIds;
    while (sites.next())
        websiteIds << sites.value(0).toString();
    sites.finish();
    WebsiteRepository websites(m_db);
    for (const QString &id : std::as_const(websiteIds))
        websites.remove(id);
    Statement access = m_db.prepare(QStringLiteral("DELETE FROM api_key_teams WHERE team_id = ?"));
    access.addBindValue(teamId);
    exec(access);
    // Keys billed to the team cannot have a plan any more: revoke them.
    Statement billed = m_db.prepare(QStringLiteral(
        "UPDATE api_keys SET revoked_at = ? WHERE billing_team_id = ? AND revoked_at IS NULL"));
    billed.addBindValue(m_clock.nowMs());
    billed.addBindValue(teamId);
    exec(billed);
    const qint64 revoked = billed.numRowsAffected();
    if (!TeamRepository(m_db).remove(teamId))
        throw teamNotFound();
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("team.deleted"), QStringLiteral("team"), teamId,
                {{QStringLiteral("keys_revoked"), revoked}});
    tx.commit();
    m_epoch.bump();
}

TeamService::Member TeamService::memberOf(const Membership &m) const
{
    const auto user = UserRepository(m_db).findById(m.userId);
    return {m, user ? user->email : QString(), user ? user->name : QString()};
}

QList<TeamService::Member> TeamService::members(const Actor &actor, const QString &teamId) const
{
    requireAtLeast(actor, teamId, Role::Admin);
    QList<Member> out;
    for (const Membership &m : TeamRepository(m_db).members(teamId))
        out << memberOf(m);
    return out;
}

TeamService::Member TeamService::addMember(const Actor &actor, const QString &teamId, const QString &email,
                                           const QString &roleText)
{
    Role actorRole = Role::Member;
    requireAtLeast(actor, teamId, Role::Admin, &actorRole);
    QMap<QString, QString> details;
    // An account stored before addresses were normalised is found as it was typed then,
    // even when the rules for new addresses would refuse that form now.
    const auto user = email.trimmed().isEmpty() ? std::nullopt : UserRepository(m_db).findForEmail(email);
    if (!user)
        if (auto e = Validation::checkEmail(email))
            details.insert(QStringLiteral("email"), *e);
    const auto role = roleFromName(roleText);
    if (!role)
        details.insert(QStringLiteral("role"), roleText.isEmpty()
                                                   ? QStringLiteral("Role is required")
                                                   : QStringLiteral("Role must be owner, admin or member"));
    if (!details.isEmpty())
        throw ServiceError::validation(details);
    if (*role == Role::Owner && actorRole != Role::Owner)
        throw forbidden(QStringLiteral("Only an owner of the team may add owners"));
    if (!user)
        throw ServiceError::validation(
            {{QStringLiteral("email"), QStringLiteral("No user with this email")}});
    TeamRepository teams(m_db);
    if (teams.membership(teamId, user->id))
        throw ServiceError(ServiceError::Kind::Conflict, "ALREADY_MEMBER",
                           QStringLiteral("This user is already a member of the team"));
    const Membership m{teamId, user->id, *role, m_clock.nowMs()};
    Transaction tx(m_db);
    teams.addMember(m);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("member.added"), QStringLiteral("team"), teamId,
                {{QStringLiteral("user_id"), user->id}, {QStringLiteral("role"), roleName(*role)}});
    tx.commit();
    m_epoch.bump();
    return {m, user->email, user->name};
}

TeamService::Member TeamService::changeRole(const Actor &actor, const QString &teamId, const QString &userId,
                                            const QString &roleText)
{
    Role actorRole = Role::Member;
    requireAtLeast(actor, teamId, Role::Admin, &actorRole);
    const Role role = parseRole(roleText);
    TeamRepository teams(m_db);
    auto target = teams.membership(teamId, userId);
    if (!target)
        throw ServiceError::notFound(QStringLiteral("Member not found"));
    if ((target->role == Role::Owner || role == Role::Owner) && actorRole != Role::Owner)
        throw forbidden(QStringLiteral("Only an owner of the team may make or unmake owners"));
    if (target->role == role)
        return memberOf(*target);
    Transaction tx(m_db);
    if (target->role == Role::Owner && teams.countWithRole(teamId, Role::Owner) <= 1)
        throw lastOwner();
    teams.setRole(teamId, userId, role);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("member.role_changed"), QStringLiteral("team"), teamId,
                {{QStringLiteral("user_id"), userId},
                 {QStringLiteral("from"), roleName(target->role)},
                 {QStringLiteral("to"), roleName(role)}});
    tx.commit();
    m_epoch.bump();
    target->role = role;
    return memberOf(*target);
}

void TeamService::removeMember(const Actor &actor, const QString &teamId, const QString &userId)
{
    Role actorRole = Role::Member;
    requireAtLeast(actor, teamId, Role::Admin, &actorRole);
    TeamRepository teams(m_db);
    const auto target = teams.membership(teamId, userId);
    if (!target)
        throw ServiceError::notFound(QStringLiteral("Member not found"));
    if (target->role == Role::Owner && actorRole != Role::Owner)
        throw forbidden(QStringLiteral("Only an owner of the team may remove an owner"));
    Transaction tx(m_db);
    if (target->role == Role::Owner && teams.countWithRole(teamId, Role::Owner) <= 1)
        throw lastOwner();
    teams.removeMember(teamId, userId);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("member.removed"), QStringLiteral("team"), teamId,
                {{QStringLiteral("user_id"), userId}, {QStringLiteral("role"), roleName(target->role)}});
    tx.commit();
    m_epoch.bump();
}

} // namespace Core
