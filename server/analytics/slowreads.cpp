#include "slowreads.h"

#include "server/http/apierror.h"

#include "core/storage/database.h"

#include <exception>

namespace Server {

SlowReads::SlowReads(const Core::Database &db, int threads, int maxPending)
    : m_db(db), m_maxPending(qMax(1, maxPending))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setObjectName(QStringLiteral("slow-reads"));
}

SlowReads::~SlowReads()
{
    m_pool.clear();
    m_pool.waitForDone();
}

HttpResponse SlowReads::run(std::function<HttpResponse()> work)
{
    int current = m_pending.load();
    do {
        if (current >= m_maxPending)
            throw ApiError::unavailable(
                QStringLiteral("Too many reports with several filters are being worked out; try again in a moment"),
                1);
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    const auto deferred = std::make_shared<DeferredResponse>();
    m_pool.start([this, deferred, work = std::move(work)] {
        std::function<HttpResponse()> produce;
        try {
            produce = [response = work()] { return response; };
        } catch (...) {
            produce = [error = std::current_exception()]() -> HttpResponse { std::rethrow_exception(error); };
        }
        // A pool thread may end while idle: its connection must not outlive it.
        m_db.releaseThreadConnection();
        m_pending.fetch_sub(1);
        QMetaObject::invokeMethod(
            &m_callbacks, [deferred, produce = std::move(produce)] { deferred->resolve(produce); },
            Qt::QueuedConnection);
    });
    return HttpResponse::later(deferred);
}

} // namespace Server
