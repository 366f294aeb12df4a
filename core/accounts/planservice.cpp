#include "planservice.h"

#include "authzepoch.h"

#include "core/audit/auditlog.h"
#include "core/model/actor.h"
#include "core/model/serviceerror.h"
#include "core/storage/database.h"
#include "core/storage/planrepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Core {

QList<PlanLimits> PlanService::list() const
{
    return PlanRepository(m_db).list();
}

QList<PlanLimits> PlanService::update(const Actor &actor, const QList<PlanLimits> &changes)
{
    if (!actor.isServerAdmin)
        throw ServiceError::forbidden("FORBIDDEN", QStringLiteral("Only a server admin may do this"));
    PlanRepository plans(m_db);
    {
        Transaction tx(m_db);
        QJsonArray audited;
        for (const PlanLimits &p : changes) {
            plans.set(p);
            audited.append(QJsonObject{{QStringLiteral("plan"), planName(p.plan)},
                                       {QStringLiteral("per_minute"), p.perMinute},
                                       {QStringLiteral("per_month"), p.perMonth}});
        }
        AuditLog(m_db, m_clock)
            .record(actor, QStringLiteral("plans.updated"), QStringLiteral("plan_limits"), QString(),
                    {{QStringLiteral("limits"), audited}});
        tx.commit();
    }
    m_epoch.bump();
    return plans.list();
}

} // namespace Core
