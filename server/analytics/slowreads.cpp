#include "slowreads.h"

#include "server/http/apierror.h"

#include "core/storage/database.h"

#include <exception>

namespace Server {

SlowReads::SlowReads(const Core::Database &db, int threads, int maxPending, int maxPendingPerCaller)
    : m_db(db), m_maxPending(qMax(1, maxPending)), m_maxPendingPerCaller(qMax(1, maxPendingPerCaller))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setObjectName(QStringLiteral("slow-reads"));
}

SlowReads::~SlowReads()
{
    m_pool.clear();
    m_pool.waitForDone();
}

HttpResponse SlowReads::run(const QString &caller, std::function<HttpResponse()> work)
{
    if (m_pendingByCaller.value(caller) >= m_maxPendingPerCaller)
        throw ApiError::unavailable(
            QStringLiteral("You already have %1 reports with several filters or exports being worked out; try "
                           "again when one is done")
                .arg(m_maxPendingPerCaller),
            1);
    int current = m_pending.load();
    do {
        if (current >= m_maxPending)
            throw ApiError::unavailable(
                QStringLiteral("Too many reports with several filters or exports are being worked out; try again in "
                               "a moment"),
                1);
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    m_pendingByCaller[caller] += 1;
    const auto deferred = std::make_shared<DeferredResponse>();
    m_pool.start([this, caller, deferred, work = std::move(work)] {
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
            &m_callbacks,
            [this, caller, deferred, produce = std::move(produce)] {
                if (--m_pendingByCaller[caller] <= 0)
                    m_pendingByCaller.remove(caller);
                deferred->resolve(produce);
            },
            Qt::QueuedConnection);
    });
    return HttpResponse::later(deferred);
}

} // namespace Server
