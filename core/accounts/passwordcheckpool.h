#pragma once

#include "passwordhasher.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace Core {

// Runs the slow password work (PasswordHasher::check for sign-ins, PasswordHasher::hash
// for new accounts: tens of milliseconds of CPU and 19 MiB each with the default Argon2id
// policy) on a few worker threads, so the thread that answers HTTP never waits for it.
// Bounded: at most maxPending jobs are queued or running at once; beyond that submit
// refuses and the caller answers 503 at once.
class PasswordCheckPool final
{
public:
    PasswordCheckPool(int threads, int maxPending);
    ~PasswordCheckPool(); // waits for the jobs that are running
    Q_DISABLE_COPY_MOVE(PasswordCheckPool)

    // Runs check(password, stored, policy, cost) on a worker, then done(result) on
    // the thread of `context`, which must outlive this pool. False, and nothing runs,
    // when maxPending jobs are already pending.
    bool submit(const QString &password, const std::optional<QString> &stored,
                const PasswordHasher::Policy &policy, const PasswordHasher::Cost &cost, QObject *context,
                std::function<void(const PasswordHasher::Check &)> done);
    // Runs hash(password, policy) on a worker, then done(hash) on the thread of
    // `context`; the hash is empty when it could not be made (out of memory). False, and
    // nothing runs, when maxPending jobs are already pending.
    bool submitHash(const QString &password, const PasswordHasher::Policy &policy, QObject *context,
                    std::function<void(const QString &)> done);
    // Drops queued jobs and waits for the running ones; afterwards submit() refuses.
    // Their callbacks may still be queued to their context: the caller drops those
    // (QCoreApplication::removePostedEvents) before the context's owner goes away.
    void shutDown();
    int pending() const { return m_pending.load(); }
    int maxPending() const { return m_maxPending; }
    int threads() const { return m_pool.maxThreadCount(); }

private:
    // Reserves a pending slot and runs work on a worker, then delivers its result to
    // done on context's thread.
    template <typename Result>
    bool start(std::function<Result()> work, QObject *context, std::function<void(const Result &)> done);

    QThreadPool m_pool;
    const int m_maxPending;
    std::atomic<int> m_pending = 0;
    std::atomic<bool> m_shutDown = false;
};

} // namespace Core
