#include "loginthrottle.h"

namespace Core {

namespace {
constexpr qint64 PruneIntervalMs = 60'000;
constexpr qint64 QuietMs = 3'600'000;

template <typename Map>
qint64 remaining(const Map &map, const QByteArray &key, qint64 nowMs, auto streakOf)
{
    const auto it = map.constFind(key);
    if (it == map.cend())
        return 0;
    const qint64 until = streakOf(*it).bannedUntil;
    return until > nowMs ? until - nowMs : 0;
}
} // namespace

qint64 LoginThrottle::addressBannedForMs(const QByteArray &address, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    return remaining(m_addresses, address, nowMs, [](const Address &a) { return a.streak; });
}

qint64 LoginThrottle::accountLockedForMs(const QByteArray &account, const QByteArray &address,
                                         qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const qint64 wait = remaining(m_accounts, account, nowMs, [](const Streak &s) { return s; });
    if (wait == 0)
        return 0;
    const auto known = m_known.constFind(account);
    if (known == m_known.cend())
        return wait;
    for (const KnownAddress &k : *known)
        if (k.address == address && nowMs - k.lastSuccess <= m_settings.knownAddressTtlMs)
            return 0;
    return wait;
}

qint64 LoginThrottle::fail(Streak &s, int threshold, qint64 initialMs, qint64 maxMs, qint64 nowMs) const
{
    if (s.lastFailure && nowMs - s.lastFailure > m_settings.forgetAfterMs)
        s = Streak{};
    s.lastFailure = nowMs;
    if (++s.failures < threshold)
        return 0;
    s.failures = 0;
    qint64 ban = initialMs;
    for (int i = 0; i < s.banLevel && ban < maxMs; ++i)
        ban *= 2;
    ban = qMin(ban, maxMs);
    ++s.banLevel;
    s.bannedUntil = nowMs + ban;
    return ban;
}

LoginThrottle::Started LoginThrottle::recordFailure(const QByteArray &address, const QByteArray &account,
                                                    qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    pruneLocked(nowMs);
    Started started;
    Address &a = m_addresses[address];
    if (a.streak.lastFailure && nowMs - a.streak.lastFailure > m_settings.forgetAfterMs)
        a.byAccount.clear();
    started.addressBanMs =
        fail(a.streak, m_settings.failuresBeforeBan, m_settings.initialBanMs, m_settings.maxBanMs, nowMs);
    if (started.addressBanMs)
        a.byAccount.clear(); // the streak is spent on the ban
    else if (a.byAccount.size() < MaxAccountsPerAddress || a.byAccount.contains(account))
        ++a.byAccount[account];
    started.accountLockMs = fail(m_accounts[account], m_settings.accountFailuresBeforeLock,
                                 m_settings.accountInitialLockMs, m_settings.accountMaxLockMs, nowMs);
    return started;
}

void LoginThrottle::recordSuccess(const QByteArray &address, const QByteArray &account, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_addresses.find(address); it != m_addresses.end()) {
        it->streak.failures = qMax(0, it->streak.failures - it->byAccount.take(account));
        const bool stale = nowMs - it->streak.lastFailure > m_settings.forgetAfterMs;
        if (it->streak.failures == 0 && (it->streak.banLevel == 0 || stale))
            m_addresses.erase(it);
    }
    if (const auto it = m_accounts.find(account); it != m_accounts.end()) {
        it->failures = 0;
        if (it->banLevel == 0 || nowMs - it->lastFailure > m_settings.forgetAfterMs)
            m_accounts.erase(it);
    }
    rememberAddress(account, address, nowMs);
}

void LoginThrottle::rememberAddress(const QByteArray &account, const QByteArray &address, qint64 nowMs)
{
    if (m_settings.knownAddressesPerAccount <= 0)
        return;
    QList<KnownAddress> &known = m_known[account];
    known.removeIf([&](const KnownAddress &k) {
        return k.address == address || nowMs - k.lastSuccess > m_settings.knownAddressTtlMs;
    });
    known.prepend({address, nowMs});
    if (known.size() > m_settings.knownAddressesPerAccount)
        known.resize(m_settings.knownAddressesPerAccount); // the least recently successful go
}

qsizetype LoginThrottle::accountsWithKnownAddresses() const
{
    QMutexLocker lock(&m_mutex);
    return m_known.size();
}

qsizetype LoginThrottle::trackedAddresses() const
{
    QMutexLocker lock(&m_mutex);
    return m_addresses.size();
}

qsizetype LoginThrottle::trackedAccounts() const
{
    QMutexLocker lock(&m_mutex);
    return m_accounts.size();
}

void LoginThrottle::pruneLocked(qint64 nowMs)
{
    if (nowMs - m_lastPrune < PruneIntervalMs)
        return;
    m_lastPrune = nowMs;
    // Entries with no ban history are dropped after a quiet hour; ban history is kept for
    // forgetAfterMs so repeat offenders get the longer ban.
    const auto idle = [&](const Streak &s) {
        const bool banned = s.bannedUntil > nowMs;
        const bool stale = nowMs - s.lastFailure > m_settings.forgetAfterMs;
        const bool quiet = s.banLevel == 0 && nowMs - s.lastFailure > QuietMs;
        return !banned && (stale || quiet);
    };
    m_addresses.removeIf([&](QHash<QByteArray, Address>::iterator it) { return idle(it->streak); });
    m_accounts.removeIf([&](QHash<QByteArray, Streak>::iterator it) { return idle(*it); });
    m_known.removeIf([&](QHash<QByteArray, QList<KnownAddress>>::iterator it) {
        return nowMs - it->constFirst().lastSuccess > m_settings.knownAddressTtlMs;
    });
}

} // namespace Core
