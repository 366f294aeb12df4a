#pragma once

#include "core/model/domain.h"

#include <QHash>
#include <QMutex>

namespace Core {

class Database;

// Per-key rate limit (fixed UTC-minute windows) and monthly quota (UTC calendar
// months). Decisions are made in memory and are exact; counts are loaded from the
// database the first time a key is seen and written back as deltas by flush(), so
// monthly usage (and the current minute) survive a restart. A refused request is not
// counted in either window.
class UsageTracker final
{
public:
    enum class Outcome { Allowed, RateLimited, QuotaExceeded };
    struct Decision
    {
        Outcome outcome = Outcome::Allowed;
        qint64 minuteLimit = 0;
        qint64 minuteUsed = 0; // this request included when allowed
        qint64 minuteResetMs = 0;
        qint64 monthUsed = 0; // this request included when allowed
        qint64 monthLimit = 0;
        qint64 monthStartMs = 0;
        qint64 monthResetMs = 0;
        qint64 retryAfterSeconds = 0; // whole seconds, >= 1 when refused
        qint64 minuteRemaining() const { return qMax<qint64>(0, minuteLimit - minuteUsed); }
    };

    explicit UsageTracker(const Database &db) : m_db(db) {}
    Q_DISABLE_COPY_MOVE(UsageTracker)

    // Counts one request if both windows have room.
    Decision consume(const QString &keyId, const PlanLimits &limits, qint64 nowMs);
    // The same numbers without counting anything.
    Decision peek(const QString &keyId, const PlanLimits &limits, qint64 nowMs);
    // Counts not yet written: taken out for a flush, written inside the caller's
    // transaction, and given back with restore() if that transaction fails.
    struct Pending
    {
        QList<std::tuple<QString, QString, qint64>> months;         // key, "YYYY-MM", delta
        QList<std::tuple<QString, qint64, qint64, qint64>> minutes; // key, minute, accepted, rate limited
        bool isEmpty() const { return months.isEmpty() && minutes.isEmpty(); }
    };
    Pending takePending();
    void restore(const Pending &pending);
    static void write(const Database &db, const Pending &pending);

private:
    struct State
    {
        qint64 minuteStart = 0;
        qint64 minuteCount = 0;
        qint64 monthStart = 0;
        qint64 monthUsed = 0;
        // Not yet written:
        qint64 pendingMonth = 0;
        QHash<qint64, QPair<qint64, qint64>> pendingMinutes; // minute -> (accepted, rate limited)
    };
    State &stateFor(const QString &keyId, qint64 nowMs);
    Decision describe(const State &s, const PlanLimits &limits, qint64 nowMs) const;

    const Database &m_db;
    mutable QMutex m_mutex;
    QHash<QString, State> m_states;
    // Counts of months a key has rolled out of, not yet written.
    QList<std::tuple<QString, QString, qint64>> m_pendingClosedMonths;
};

} // namespace Core
