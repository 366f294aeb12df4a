#pragma once

#include "server/http/httpresponse.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace Core {
class Database;
}

namespace Server {

// Reads too slow for the server thread (a report with several filters replays the stored
// events of its range: seconds on a large site) run here, on their own worker threads,
// while the server thread goes on answering everything else; the answer is deferred
// (HttpResponse::later) and written when the work is done, in request order.
class SlowReads final
{
public:
    static constexpr int Threads = 1;
    static constexpr int MaxPending = 8;
    // One caller (a user, through the app and all their keys) cannot hold every slot:
    // beyond this many of its own reads queued or running, its next one is refused while
    // others still run.
    static constexpr int MaxPendingPerCaller = 3;

    // Made on the server thread: results come back to it.
    explicit SlowReads(const Core::Database &db, int threads = Threads, int maxPending = MaxPending,
                       int maxPendingPerCaller = MaxPendingPerCaller);
    ~SlowReads(); // drops queued work, waits for running work
    Q_DISABLE_COPY_MOVE(SlowReads)

    // Runs `work` on a worker, for `caller` (any stable id of who asks). Call it on the
    // server thread. Its response, or what it throws (answered as a handler's exception
    // would be), becomes the request's answer. With MaxPending reads queued or running,
    // or the caller's MaxPendingPerCaller: 503 SERVICE_UNAVAILABLE with Retry-After: 1 at
    // once.
    HttpResponse run(const QString &caller, std::function<HttpResponse()> work);
    // Reads queued or running (for tests and status); of one caller until its answers are
    // in (server thread only).
    int pending() const { return m_pending.load(); }
    int pendingFor(const QString &caller) const { return m_pendingByCaller.value(caller); }

private:
    const Core::Database &m_db;
    const int m_maxPending;
    const int m_maxPendingPerCaller;
    std::atomic<int> m_pending{0};
    QHash<QString, int> m_pendingByCaller; // server thread only
    QObject m_callbacks; // lives on the server thread; declared before the pool (outlives it)
    QThreadPool m_pool;
};

} // namespace Server
