#include "teamrepository.h"

#include "database.h"

namespace Core {

namespace {
Team teamFromRow(const QSqlQuery &q)
{
    Team t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.plan = planFromName(q.value(2).toString()).value_or(Plan::Free);
    t.createdAt = q.value(3).toLongLong();
    return t;
}

Membership membershipFromRow(const QSqlQuery &q)
{
    Membership m;
    m.teamId = q.value(0).toString();
    m.userId = q.value(1).toString();
    m.role = roleFromName(q.value(2).toString()).value_or(Role::Member);
    m.joinedAt = q.value(3).toLongLong();
    return m;
}

const QString MemberColumns = QStringLiteral("team_id, user_id, role, joined_at");
} // namespace

void TeamRepository::insert(const Team &team)
{
    Statement q =
        run(m_db, QStringLiteral("INSERT INTO teams (id, name, plan, created_at) VALUES (?, ?, ?, ?)"),
            team.id, team.name, planName(team.plan), team.createdAt);
}

std::optional<Team> TeamRepository::findById(const QString &id) const
{
    Statement q = run(m_db, QStringLiteral("SELECT id, name, plan, created_at FROM teams WHERE id = ?"), id);
    if (!q.next())
        return std::nullopt;
    return teamFromRow(q);
}

QList<Team> TeamRepository::listForUser(const QString &userId) const
{
    Statement q = run(
        m_db,
        QStringLiteral(
            "SELECT t.id, t.name, t.plan, t.created_at FROM teams t JOIN memberships m ON m.team_id = t.id "
            "WHERE m.user_id = ? ORDER BY t.created_at, t.name"),
        userId);
    QList<Team> out;
    while (q.next())
        out << teamFromRow(q);
    return out;
}

bool TeamRepository::update(const Team &team)
{
    Statement q = run(m_db, QStringLiteral("UPDATE teams SET name = ?, plan = ? WHERE id = ?"), team.name,
                      planName(team.plan), team.id);
    return q.numRowsAffected() > 0;
}

bool TeamRepository::remove(const QString &id)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM teams WHERE id = ?"), id);
    return q.numRowsAffected() > 0;
}

void TeamRepository::addMember(const Membership &m)
{
    Statement q =
        run(m_db,
            QStringLiteral("INSERT INTO memberships (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)"),
            m.teamId, m.userId, roleName(m.role), m.joinedAt);
}

std::optional<Membership> TeamRepository::membership(const QString &teamId, const QString &userId) const
{
    Statement q = run(m_db,
                      QStringLiteral("SELECT ") + MemberColumns +
                          QStringLiteral(" FROM memberships WHERE team_id = ? AND user_id = ?"),
                      teamId, userId);
    if (!q.next())
        return std::nullopt;
    return membershipFromRow(q);
}

QList<Membership> TeamRepository::members(const QString &teamId) const
{
    Statement q = run(m_db,
                      QStringLiteral("SELECT ") + MemberColumns +
                          QStringLiteral(" FROM memberships WHERE team_id = ? ORDER BY joined_at"),
                      teamId);
    QList<Membership> out;
    while (q.next())
        out << membershipFromRow(q);
    return out;
}

QList<Membership> TeamRepository::membershipsOfUser(const QString &userId) const
{
    Statement q = run(m_db,
                      QStringLiteral("SELECT ") + MemberColumns +
                          QStringLiteral(" FROM memberships WHERE user_id = ? ORDER BY joined_at"),
                      userId);
    QList<Membership> out;
    while (q.next())
        out << membershipFromRow(q);
    return out;
}

bool TeamRepository::setRole(const QString &teamId, const QString &userId, Role role)
{
    Statement q =
        run(m_db, QStringLiteral("UPDATE memberships SET role = ? WHERE team_id = ? AND user_id = ?"),
            roleName(role), teamId, userId);
    return q.numRowsAffected() > 0;
}

bool TeamRepository::removeMember(const QString &teamId, const QString &userId)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM memberships WHERE team_id = ? AND user_id = ?"),
                      teamId, userId);
    return q.numRowsAffected() > 0;
}

qint64 TeamRepository::countWithRole(const QString &teamId, Role role) const
{
    Statement q = run(m_db, QStringLiteral("SELECT COUNT(*) FROM memberships WHERE team_id = ? AND role = ?"),
                      teamId, roleName(role));
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Core
