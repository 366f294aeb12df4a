#include "passwordcheckpool.h"

namespace Core {

PasswordCheckPool::PasswordCheckPool(int threads, int maxPending) : m_maxPending(qMax(1, maxPending))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setObjectName(QStringLiteral("password-checks"));
}

PasswordCheckPool::~PasswordCheckPool()
{
    shutDown();
}

void PasswordCheckPool::shutDown()
{
    m_shutDown.store(true);
    m_pool.clear(); // queued jobs are dropped; their callers' connections are going away
    m_pool.waitForDone();
}

template <typename Result>
bool PasswordCheckPool::start(std::function<Result()> work, QObject *context,
                              std::function<void(const Result &)> done)
{
    if (m_shutDown.load())
        return false;
    int current = m_pending.load();
    do {
        if (current >= m_maxPending)
            return false;
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    m_pool.start([this, work = std::move(work), context, done = std::move(done)]() mutable {
        Result result = work();
        m_pending.fetch_sub(1);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result = std::move(result)] { done(result); },
            Qt::QueuedConnection);
    });
    return true;
}

bool PasswordCheckPool::submit(const QString &password, const std::optional<QString> &stored,
                               const PasswordHasher::Policy &policy, const PasswordHasher::Cost &cost,
                               QObject *context, std::function<void(const PasswordHasher::Check &)> done)
{
    return start<PasswordHasher::Check>(
        [password, stored, policy, cost] {
            try {
                return PasswordHasher::check(password, stored, policy, cost);
            } catch (const std::exception &) { // libsodium could not get the memory
                PasswordHasher::Check unavailable;
                unavailable.unavailable = true;
                return unavailable;
            }
        },
        context, std::move(done));
}

bool PasswordCheckPool::submitHash(const QString &password, const PasswordHasher::Policy &policy,
                                   QObject *context, std::function<void(const QString &)> done)
{
    return start<QString>(
        [password, policy] {
            try {
                return PasswordHasher::hash(password, policy);
            } catch (const std::exception &) { // libsodium could not get the memory
                return QString();
            }
        },
        context, std::move(done));
}

} // namespace Core
