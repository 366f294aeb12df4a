#include "loginthrottle.h"

namespace Core {

namespace {
constexpr qint64 PruneIntervalMs = 60'000;
}

qint64 LoginThrottle::bannedForMs(const QByteArray &client, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(client);
    if (it == m_entries.cend() || it->bannedUntil <= nowMs)
        return 0;
    return it->bannedUntil - nowMs;
}

qint64 LoginThrottle::recordFailure(const QByteArray &client, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    pruneLocked(nowMs);
    Entry &e = m_entries[client];
    if (e.lastFailure && nowMs - e.lastFailure > m_settings.forgetAfterMs)
        e = Entry{};
    e.lastFailure = nowMs;
    if (++e.failures < m_settings.failuresBeforeBan)
        return 0;
    e.failures = 0;
    qint64 ban = m_settings.initialBanMs;
    for (int i = 0; i < e.banLevel && ban < m_settings.maxBanMs; ++i)
        ban *= 2;
    ban = qMin(ban, m_settings.maxBanMs);
    ++e.banLevel;
    e.bannedUntil = nowMs + ban;
    return ban;
}

void LoginThrottle::recordSuccess(const QByteArray &client, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(client);
    if (it == m_entries.end())
        return;
    it->failures = 0;
    if (it->banLevel == 0 || nowMs - it->lastFailure > m_settings.forgetAfterMs)
        m_entries.erase(it);
}

qsizetype LoginThrottle::trackedClients() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

void LoginThrottle::pruneLocked(qint64 nowMs)
{
    if (nowMs - m_lastPrune < PruneIntervalMs)
        return;
    m_lastPrune = nowMs;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const bool banned = it->bannedUntil > nowMs;
        const bool stale = nowMs - it->lastFailure > m_settings.forgetAfterMs;
        // Entries with no ban history are dropped after a quiet hour; ban history is
        // kept for forgetAfterMs so repeat offenders get the longer ban.
        const bool quiet = it->banLevel == 0 && nowMs - it->lastFailure > 3'600'000;
        if (!banned && (stale || quiet))
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace Core
