#include "keybookkeeping.h"

#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/storageerror.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Core {

namespace {
constexpr qint64 MinuteMs = 60'000;
constexpr qint64 PruneEveryMs = 3'600'000;
} // namespace

bool KeyBookkeeping::flush(qint64 nowMs)
{
    UsageTracker::Pending usage = m_usage.takePending();
    KeyActivity::Pending activity = m_activity.takePending();
    const bool prune = nowMs - m_lastPruneMs > PruneEveryMs;
    if (usage.isEmpty() && activity.isEmpty() && !prune)
        return true;
    try {
        Transaction tx(m_db);
        UsageTracker::write(m_db, usage);
        KeyActivity::write(m_db, activity);
        if (prune) {
            Statement q = m_db.prepare(QStringLiteral("DELETE FROM key_usage_minutely WHERE minute < ?"));
            q.addBindValue(nowMs - MinuteHistoryMs);
            exec(q);
        }
        tx.commit();
        if (prune)
            m_lastPruneMs = nowMs;
        return true;
    } catch (const StorageError &e) {
        qCWarning(lcStorage) << "key bookkeeping flush failed, will retry:" << e.what();
        m_usage.restore(usage);
        m_activity.restore(std::move(activity));
        return false;
    }
}

KeyUsageReport KeyBookkeeping::usageReport(const QString &keyId, const PlanLimits &limits, qint64 nowMs,
                                           int minutes)
{
    flush(nowMs);
    const UsageTracker::Decision live = m_usage.peek(keyId, limits, nowMs);
    KeyUsageReport report;
    report.keyId = keyId;
    report.plan = planName(limits.plan);
    report.perMinute = limits.perMinute;
    report.perMonth = limits.perMonth;
    report.currentMonth = {Time::monthKey(nowMs), live.monthUsed, limits.perMonth};
    report.resetsAt = live.monthResetMs;

    Statement months = m_db.prepare(QStringLiteral("SELECT month, used FROM key_usage_monthly WHERE key_id = "
                                                   "? AND month <> ? ORDER BY month DESC LIMIT 11"));
    months.addBindValue(keyId);
    months.addBindValue(report.currentMonth.month);
    exec(months);
    report.months.append(report.currentMonth);
    while (months.next())
        report.months.append({months.value(0).toString(), months.value(1).toLongLong(), limits.perMonth});

    const qint64 lastMinute = Time::startOfMinute(nowMs);
    const qint64 firstMinute = lastMinute - qint64(minutes - 1) * MinuteMs;
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT minute, accepted, rate_limited FROM key_usage_minutely WHERE key_id = ? AND minute >= ?"));
    q.addBindValue(keyId);
    q.addBindValue(firstMinute);
    exec(q);
    QHash<qint64, QPair<qint64, qint64>> perMinute;
    while (q.next())
        perMinute.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    for (qint64 m = firstMinute; m <= lastMinute; m += MinuteMs) {
        const auto v = perMinute.value(m);
        report.minutes.append({m, v.first, v.second, limits.perMinute});
    }
    return report;
}

} // namespace Core
