#pragma once

#include "core/model/domain.h"
#include "core/model/reports.h"
#include "keyactivity.h"
#include "usagetracker.h"

namespace Core {

class Database;

// The external API's per-key books: rate-limit/quota counters and activity, kept in
// memory on the hot path and written together in one transaction by flush() (about
// once a second, and at shutdown). If a flush fails, nothing is lost: the counts go
// back into memory and the next flush retries.
class KeyBookkeeping final
{
public:
    explicit KeyBookkeeping(const Database &db) : m_db(db), m_usage(db) {}
    Q_DISABLE_COPY_MOVE(KeyBookkeeping)

    UsageTracker &usage() { return m_usage; }
    KeyActivity &activity() { return m_activity; }

    // Returns false (and keeps the counts) if the database refused the write.
    bool flush(qint64 nowMs);

    // GET /keys/{id}/usage: this month (live), past months, per-minute series.
    KeyUsageReport usageReport(const QString &keyId, const PlanLimits &limits, qint64 nowMs, int minutes);

    static constexpr qint64 MinuteHistoryMs = 48LL * 3600 * 1000;

private:
    const Database &m_db;
    UsageTracker m_usage;
    KeyActivity m_activity;
    qint64 m_lastPruneMs = 0;
};

} // namespace Core
