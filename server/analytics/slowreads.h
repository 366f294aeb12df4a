#pragma once

#include "server/http/httpresponse.h"

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

    // Made on the server thread: results come back to it.
    explicit SlowReads(const Core::Database &db, int threads = Threads, int maxPending = MaxPending);
    ~SlowReads(); // drops queued work, waits for running work
    Q_DISABLE_COPY_MOVE(SlowReads)

    // Runs `work` on a worker. Its response, or what it throws (answered as a handler's
    // exception would be), becomes the request's answer. With MaxPending reads queued or
    // running: 503 SERVICE_UNAVAILABLE with Retry-After: 1 at once.
    HttpResponse run(std::function<HttpResponse()> work);

private:
    const Core::Database &m_db;
    const int m_maxPending;
    std::atomic<int> m_pending{0};
    QObject m_callbacks; // lives on the server thread; declared before the pool (outlives it)
    QThreadPool m_pool;
};

} // namespace Server
