#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace Core {

// Exact counting per key (an IP address, a key id) in fixed windows aligned to
// multiples of the window length since the Unix epoch (a 60 s window starts on the
// UTC minute). Thread-safe; a hit that would exceed the limit is refused and not
// counted. Memory: one entry per key seen in the current window; older entries are
// dropped as the windows roll over.
class FixedWindowLimiter final
{
public:
    struct Decision
    {
        bool allowed = true;
        qint64 limit = 0;
        qint64 count = 0;     // hits counted in this window, this one included if allowed
        qint64 remaining = 0; // limit - count, never negative
        qint64 windowStartMs = 0;
        qint64 resetAtMs = 0;    // end of the current window
        qint64 retryAfterMs = 0; // 0 when allowed
    };

    FixedWindowLimiter(qint64 windowMs, qint64 limit);
    Q_DISABLE_COPY_MOVE(FixedWindowLimiter)

    Decision hit(const QByteArray &key, qint64 nowMs, qint64 cost = 1);
    Decision peek(const QByteArray &key, qint64 nowMs) const;
    void setLimit(qint64 limit);
    qint64 limit() const;
    qint64 windowMs() const { return m_windowMs; }
    qsizetype trackedKeys() const;

private:
    struct Entry
    {
        qint64 windowStart = 0;
        qint64 count = 0;
    };
    qint64 windowStartFor(qint64 nowMs) const;
    void pruneLocked(qint64 windowStart);

    const qint64 m_windowMs;
    qint64 m_limit;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    qint64 m_prunedWindow = 0;
};

} // namespace Core
