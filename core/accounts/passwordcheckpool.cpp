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
    m_pool.clear(); // queued checks are dropped; their callers' connections are going away
    m_pool.waitForDone();
}

bool PasswordCheckPool::submit(const QString &password, const std::optional<QString> &stored,
                               const PasswordHasher::Policy &policy, QObject *context,
                               std::function<void(const PasswordHasher::Check &)> done)
{
    if (m_shutDown.load())
        return false;
    int current = m_pending.load();
    do {
        if (current >= m_maxPending)
            return false;
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    m_pool.start([this, password, stored, policy, context, done = std::move(done)]() mutable {
        PasswordHasher::Check result;
        try {
            result = PasswordHasher::check(password, stored, policy);
        } catch (const std::exception &) { // libsodium could not get the memory
            result.unavailable = true;
        }
        m_pending.fetch_sub(1);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace Core
