#include "usagetracker.h"

#include "core/model/timeutil.h"
#include "core/storage/database.h"

namespace Core {

namespace {
constexpr qint64 MinuteMs = 60'000;

qint64 ceilSeconds(qint64 ms)
{
    return qMax<qint64>(1, (ms + 999) / 1000);
}
} // namespace

UsageTracker::State &UsageTracker::stateFor(const QString &keyId, qint64 nowMs)
{
    const qint64 minute = Time::startOfMinute(nowMs);
    const qint64 month = Time::startOfMonth(nowMs);
    auto it = m_states.find(keyId);
    if (it == m_states.end()) {
        State s;
        s.minuteStart = minute;
        s.monthStart = month;
        Statement m =
            m_db.prepare(QStringLiteral("SELECT used FROM key_usage_monthly WHERE key_id = ? AND month = ?"));
        m.addBindValue(keyId);
        m.addBindValue(Time::monthKey(nowMs));
        exec(m);
        s.monthUsed = m.next() ? m.value(0).toLongLong() : 0;
        Statement n = m_db.prepare(
            QStringLiteral("SELECT accepted FROM key_usage_minutely WHERE key_id = ? AND minute = ?"));
        n.addBindValue(keyId);
        n.addBindValue(minute);
        exec(n);
        s.minuteCount = n.next() ? n.value(0).toLongLong() : 0;
        it = m_states.insert(keyId, s);
    }
    State &s = *it;
    if (s.minuteStart != minute) {
        s.minuteStart = minute;
        s.minuteCount = 0;
    }
    if (s.monthStart != month) {
        if (s.pendingMonth)
            m_pendingClosedMonths.append({keyId, Time::monthKey(s.monthStart), s.pendingMonth});
        s.monthStart = month;
        s.monthUsed = 0;
        s.pendingMonth = 0;
    }
    return s;
}

UsageTracker::Decision UsageTracker::describe(const State &s, const PlanLimits &limits, qint64 nowMs) const
{
    Decision d;
    d.minuteLimit = limits.perMinute;
    d.minuteUsed = s.minuteCount;
    d.minuteResetMs = s.minuteStart + MinuteMs;
    d.monthLimit = limits.perMonth;
    d.monthUsed = s.monthUsed;
    d.monthStartMs = s.monthStart;
    d.monthResetMs = Time::startOfNextMonth(nowMs);
    return d;
}

UsageTracker::Decision UsageTracker::consume(const QString &keyId, const PlanLimits &limits, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    State &s = stateFor(keyId, nowMs);
    Decision d = describe(s, limits, nowMs);
    if (s.monthUsed >= limits.perMonth) {
        d.outcome = Outcome::QuotaExceeded;
        d.retryAfterSeconds = ceilSeconds(d.monthResetMs - nowMs);
        s.pendingMinutes[s.minuteStart].second += 1;
        return d;
    }
    if (s.minuteCount >= limits.perMinute) {
        d.outcome = Outcome::RateLimited;
        d.retryAfterSeconds = ceilSeconds(d.minuteResetMs - nowMs);
        s.pendingMinutes[s.minuteStart].second += 1;
        return d;
    }
    ++s.minuteCount;
    ++s.monthUsed;
    ++s.pendingMonth;
    s.pendingMinutes[s.minuteStart].first += 1;
    d.minuteUsed = s.minuteCount;
    d.monthUsed = s.monthUsed;
    return d;
}

UsageTracker::Decision UsageTracker::peek(const QString &keyId, const PlanLimits &limits, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    return describe(stateFor(keyId, nowMs), limits, nowMs);
}

UsageTracker::Pending UsageTracker::takePending()
{
    QMutexLocker lock(&m_mutex);
    Pending p;
    p.months = std::exchange(m_pendingClosedMonths, {});
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        State &s = *it;
        if (s.pendingMonth)
            p.months.append({it.key(), Time::monthKey(s.monthStart), std::exchange(s.pendingMonth, 0)});
        for (auto m = s.pendingMinutes.cbegin(); m != s.pendingMinutes.cend(); ++m)
            p.minutes.append({it.key(), m.key(), m->first, m->second});
        s.pendingMinutes.clear();
    }
    return p;
}

void UsageTracker::restore(const Pending &pending)
{
    QMutexLocker lock(&m_mutex);
    // Written back as closed-month deltas: correct whatever month the key is in now.
    m_pendingClosedMonths.append(pending.months);
    for (const auto &[key, minute, accepted, limited] : pending.minutes) {
        auto it = m_states.find(key);
        if (it == m_states.end())
            continue;
        auto &slot = it->pendingMinutes[minute];
        slot.first += accepted;
        slot.second += limited;
    }
}

void UsageTracker::write(const Database &db, const Pending &pending)
{
    Statement month = db.prepare(QStringLiteral(
        "INSERT INTO key_usage_monthly (key_id, month, used) VALUES (?, ?, ?) "
        "ON CONFLICT (key_id, month) DO UPDATE SET used = key_usage_monthly.used + excluded.used"));
    for (const auto &[key, monthKey, delta] : pending.months) {
        month.bindValue(0, key);
        month.bindValue(1, monthKey);
        month.bindValue(2, delta);
        exec(month);
    }
    Statement minute = db.prepare(QStringLiteral(
        "INSERT INTO key_usage_minutely (key_id, minute, accepted, rate_limited) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key_id, minute) DO UPDATE SET accepted = key_usage_minutely.accepted + "
        "excluded.accepted, "
        "rate_limited = key_usage_minutely.rate_limited + excluded.rate_limited"));
    for (const auto &[key, minuteStart, accepted, limited] : pending.minutes) {
        minute.bindValue(0, key);
        minute.bindValue(1, minuteStart);
        minute.bindValue(2, accepted);
        minute.bindValue(3, limited);
        exec(minute);
    }
}

} // namespace Core
