#include "passwordcheckpool.h"

namespace Core {

PasswordCheckPool::PasswordCheckPool(int threads, int maxPending) : m_maxPending(qMax(1, maxPending))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setObjectName(QStringLiteral("password-checks"));
}

PasswordCheckPool::~PasswordCheckPool()
{
    m_pool.clear(); // queued checks are dropped; their callers' connections are going away
    m_pool.waitForDone();
}

bool PasswordCheckPool::submit(const QString &password, const std::optional<QString> &stored,
                               const PasswordHasher::Policy &policy, QObject *context,
                               std::function<void(const PasswordHasher::Check &)> done)
{
    int current = m_pending.load();
    do {
        if (current >= m_maxPending)
            return false;
    } while (!m_pending.compare_exchange_weak(current, current + 1));
    m_pool.start([this, password, stored, policy, context, done = std::move(done)]() mutable {
        const PasswordHasher::Check result = PasswordHasher::check(password, stored, policy);
        m_pending.fetch_sub(1);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace Core
