#pragma once

#include "core/model/clock.h"

namespace TestSupport {

// Real time shifted by a fixed offset: lets a test start the server's clock just
// before a minute boundary while time still passes for real (for clients that sleep).
class OffsetClock final : public Core::Clock
{
public:
    explicit OffsetClock(qint64 offsetMs) : m_offset(offsetMs) {}
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_offset; }

private:
    qint64 m_offset;
};

} // namespace TestSupport
