#pragma once

#include "core/model/domain.h"

#include <optional>

namespace Core {

class Database;

// Teams and their memberships.
class TeamRepository final
{
public:
    explicit TeamRepository(const Database &db) : m_db(db) {}

    void insert(const Team &team);
    std::optional<Team> findById(const QString &id) const;
    QList<Team> listForUser(const QString &userId) const;
    bool update(const Team &team);
    bool remove(const QString &id);

    void addMember(const Membership &m);
    std::optional<Membership> membership(const QString &teamId, const QString &userId) const;
    QList<Membership> members(const QString &teamId) const;
    QList<Membership> membershipsOfUser(const QString &userId) const;
    bool setRole(const QString &teamId, const QString &userId, Role role);
    bool removeMember(const QString &teamId, const QString &userId);
    qint64 countWithRole(const QString &teamId, Role role) const;

private:
    const Database &m_db;
};

} // namespace Core
