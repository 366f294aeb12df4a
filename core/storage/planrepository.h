#pragma once

#include "core/model/domain.h"

namespace Core {

class Database;

class PlanRepository final
{
public:
    explicit PlanRepository(const Database &db) : m_db(db) {}
    QList<PlanLimits> list() const;
    PlanLimits limitsFor(Plan plan) const;
    void set(const PlanLimits &limits);

private:
    const Database &m_db;
};

} // namespace Core
