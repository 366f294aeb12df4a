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
        m_db.prepare(QStringLiteral("INSERT INTO teams (id, name, plan, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(team.id);
    q.addBindValue(team.name);
    q.addBindValue(planName(team.plan));
    q.addBindValue(team.createdAt);
    exec(q);
}

std::optional<Team> TeamRepository::findById(const QString &id) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT id, name, plan, created_at FROM teams WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return teamFromRow(q);
}

QList<Team> TeamRepository::listForUser(const QString &userId) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT t.id, t.name, t.plan, t.created_at FROM teams t JOIN memberships m ON m.team_id = t.id "
        "WHERE m.user_id = ? ORDER BY t.created_at, t.name"));
    q.addBindValue(userId);
    exec(q);
    QList<Team> out;
    while (q.next())
        out << teamFromRow(q);
    return out;
}

bool TeamRepository::update(const Team &team)
{
    Statement q = m_db.prepare(QStringLiteral("UPDATE teams SET name = ?, plan = ? WHERE id = ?"));
    q.addBindValue(team.name);
    q.addBindValue(planName(team.plan));
    q.addBindValue(team.id);
    exec(q);
    return q.numRowsAffected() > 0;
}

bool TeamRepository::remove(const QString &id)
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM teams WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    return q.numRowsAffected() > 0;
}

void TeamRepository::addMember(const Membership &m)
{
    Statement q = m_db.prepare(
        QStringLiteral("INSERT INTO memberships (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(m.teamId);
    q.addBindValue(m.userId);
    q.addBindValue(roleName(m.role));
    q.addBindValue(m.joinedAt);
    exec(q);
}

std::optional<Membership> TeamRepository::membership(const QString &teamId, const QString &userId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + MemberColumns +
                               QStringLiteral(" FROM memberships WHERE team_id = ? AND user_id = ?"));
    q.addBindValue(teamId);
    q.addBindValue(userId);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return membershipFromRow(q);
}

QList<Membership> TeamRepository::members(const QString &teamId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + MemberColumns +
                               QStringLiteral(" FROM memberships WHERE team_id = ? ORDER BY joined_at"));
    q.addBindValue(teamId);
    exec(q);
    QList<Membership> out;
    while (q.next())
        out << membershipFromRow(q);
    return out;
}

QList<Membership> TeamRepository::membershipsOfUser(const QString &userId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + MemberColumns +
                               QStringLiteral(" FROM memberships WHERE user_id = ? ORDER BY joined_at"));
    q.addBindValue(userId);
    exec(q);
    QList<Membership> out;
    while (q.next())
        out << membershipFromRow(q);
    return out;
}

bool TeamRepository::setRole(const QString &teamId, const QString &userId, Role role)
{
    Statement q =
        m_db.prepare(QStringLiteral("UPDATE memberships SET role = ? WHERE team_id = ? AND user_id = ?"));
    q.addBindValue(roleName(role));
    q.addBindValue(teamId);
    q.addBindValue(userId);
    exec(q);
    return q.numRowsAffected() > 0;
}

bool TeamRepository::removeMember(const QString &teamId, const QString &userId)
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM memberships WHERE team_id = ? AND user_id = ?"));
    q.addBindValue(teamId);
    q.addBindValue(userId);
    exec(q);
    return q.numRowsAffected() > 0;
}

qint64 TeamRepository::countWithRole(const QString &teamId, Role role) const
{
    Statement q =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE team_id = ? AND role = ?"));
    q.addBindValue(teamId);
    q.addBindValue(roleName(role));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Core
