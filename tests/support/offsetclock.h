#pragma once

#include "core/model/clock.h"

#include <QDateTime>

#include <atomic>

namespace TestSupport {

// Real time shifted by a fixed offset: lets a test start the server's clock just
// before a minute boundary while time still passes for real (for clients that sleep).
class OffsetClock final : public Core::Clock
{
public:
    explicit OffsetClock(qint64 offsetMs) : m_offset(offsetMs) {}
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_offset.load(); }
    // Moves the clock so that it reads `second` seconds into a UTC minute now.
    void placeInMinute(int second)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_offset.store((60'000 - now % 60'000 + second * 1000) % 60'000);
    }

private:
    std::atomic<qint64> m_offset;
};

} // namespace TestSupport
