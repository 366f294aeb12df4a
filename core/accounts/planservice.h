#pragma once

#include "core/model/domain.h"

#include <QList>

namespace Core {

class AuthzEpoch;
class Clock;
class Database;
struct Actor;

// The limits of each plan (per-minute rate and monthly quota of the API keys billed to
// a team on that plan). Anyone signed in may read them; only a server admin may change
// them, audited, after which every key's cached limits are stale (the epoch is bumped).
class PlanService final
{
public:
    PlanService(const Database &db, const Clock &clock, AuthzEpoch &epoch)
        : m_db(db), m_clock(clock), m_epoch(epoch)
    {}

    QList<PlanLimits> list() const;
    // Sets the listed plans' limits in one transaction; the others keep theirs. 403
    // FORBIDDEN unless the actor is a server admin. Returns every plan's limits.
    QList<PlanLimits> update(const Actor &actor, const QList<PlanLimits> &changes);

private:
    const Database &m_db;
    const Clock &m_clock;
    AuthzEpoch &m_epoch;
};

} // namespace Core
