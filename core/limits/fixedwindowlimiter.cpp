#include "fixedwindowlimiter.h"

namespace Core {

FixedWindowLimiter::FixedWindowLimiter(qint64 windowMs, qint64 limit) : m_windowMs(windowMs), m_limit(limit)
{
    Q_ASSERT(windowMs > 0);
}

qint64 FixedWindowLimiter::windowStartFor(qint64 nowMs) const
{
    const qint64 r = nowMs % m_windowMs;
    return r < 0 ? nowMs - r - m_windowMs : nowMs - r;
}

void FixedWindowLimiter::pruneLocked(qint64 windowStart)
{
    if (windowStart == m_prunedWindow)
        return;
    m_prunedWindow = windowStart;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->windowStart < windowStart)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

FixedWindowLimiter::Decision FixedWindowLimiter::hit(const QByteArray &key, qint64 nowMs, qint64 cost)
{
    const qint64 start = windowStartFor(nowMs);
    QMutexLocker lock(&m_mutex);
    pruneLocked(start);
    Entry &e = m_entries[key];
    if (e.windowStart != start)
        e = {start, 0};
    Decision d;
    d.limit = m_limit;
    d.windowStartMs = start;
    d.resetAtMs = start + m_windowMs;
    if (e.count + cost > m_limit) {
        d.allowed = false;
        d.count = e.count;
        d.retryAfterMs = d.resetAtMs - nowMs;
    } else {
        e.count += cost;
        d.count = e.count;
    }
    d.remaining = qMax<qint64>(0, m_limit - d.count);
    return d;
}

FixedWindowLimiter::Decision FixedWindowLimiter::peek(const QByteArray &key, qint64 nowMs) const
{
    const qint64 start = windowStartFor(nowMs);
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    Decision d;
    d.limit = m_limit;
    d.windowStartMs = start;
    d.resetAtMs = start + m_windowMs;
    d.count = (it != m_entries.cend() && it->windowStart == start) ? it->count : 0;
    d.remaining = qMax<qint64>(0, m_limit - d.count);
    d.allowed = d.count < m_limit;
    return d;
}

void FixedWindowLimiter::setLimit(qint64 limit)
{
    QMutexLocker lock(&m_mutex);
    m_limit = limit;
}

qint64 FixedWindowLimiter::limit() const
{
    QMutexLocker lock(&m_mutex);
    return m_limit;
}

qsizetype FixedWindowLimiter::trackedKeys() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

} // namespace Core
