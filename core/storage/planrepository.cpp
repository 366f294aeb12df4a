#include "planrepository.h"

#include "database.h"

namespace Core {

QList<PlanLimits> PlanRepository::list() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT plan, per_minute, per_month FROM plan_limits"));
    exec(q);
    QList<PlanLimits> out = defaultPlanLimits();
    while (q.next()) {
        const auto plan = planFromName(q.value(0).toString());
        if (!plan)
            continue;
        for (PlanLimits &l : out) {
            if (l.plan == *plan) {
                l.perMinute = q.value(1).toLongLong();
                l.perMonth = q.value(2).toLongLong();
            }
        }
    }
    return out;
}

PlanLimits PlanRepository::limitsFor(Plan plan) const
{
    for (const PlanLimits &l : list())
        if (l.plan == plan)
            return l;
    return {plan, 0, 0};
}

void PlanRepository::set(const PlanLimits &limits)
{
    run(m_db,
        QStringLiteral("INSERT INTO plan_limits (plan, per_minute, per_month) VALUES (?, ?, ?) "
                       "ON CONFLICT (plan) DO UPDATE SET per_minute = excluded.per_minute, per_month = "
                       "excluded.per_month"),
        planName(limits.plan), limits.perMinute, limits.perMonth);
}

} // namespace Core
