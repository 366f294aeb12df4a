#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace Core {

// Source of "now" for everything that depends on time (rate-limit windows, expiry,
// sessions). Tests inject a ManualClock; production uses SystemClock.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(std::memory_order_relaxed); }
    void setMs(qint64 ms) { m_now.store(ms, std::memory_order_relaxed); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_now;
};

} // namespace Core
