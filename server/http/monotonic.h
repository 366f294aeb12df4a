#pragma once

#include <QElapsedTimer>

namespace Server {

// Milliseconds on a monotonic clock, for timeouts (never for anything users see).
inline qint64 monotonicMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace Server
