#include "loginthrottle.h"

#include "emailaddress.h"
#include "validation.h"

#include <QCryptographicHash>

#include <algorithm>
#include <vector>

namespace Core {

namespace {
constexpr qint64 PruneIntervalMs = 60'000;
constexpr qint64 QuietMs = 3'600'000;

// Entries evicted at a time when the memory bound is reached (1/16 of it).
qsizetype batchSize(qsizetype maxEntries)
{
    return qMax<qsizetype>(1, maxEntries / 16);
}

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

QByteArray LoginThrottle::accountKey(const QString &email)
{
    if (email.size() > Validation::MaxEmailLength)
        return {};
    return QCryptographicHash::hash(EmailAddress::normalised(email).toUtf8(), QCryptographicHash::Sha256)
        .left(16);
}

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
    if (!m_addresses.contains(address) || (!account.isEmpty() && !m_accounts.contains(account)))
        makeRoomLocked(address, account, nowMs);
    Started started;
    Address &a = m_addresses[address];
    if (a.streak.lastFailure && nowMs - a.streak.lastFailure > m_settings.forgetAfterMs)
        a.byAccount.clear();
    started.addressBanMs =
        fail(a.streak, m_settings.failuresBeforeBan, m_settings.initialBanMs, m_settings.maxBanMs, nowMs);
    if (started.addressBanMs)
        a.byAccount.clear(); // the streak is spent on the ban
    else if (!account.isEmpty() &&
             (a.byAccount.size() < MaxAccountsPerAddress || a.byAccount.contains(account)))
        ++a.byAccount[account];
    if (!account.isEmpty())
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
    if (m_settings.knownAddressesPerAccount <= 0 || account.isEmpty())
        return;
    if (!m_known.contains(account) && m_known.size() >= m_settings.maxTrackedEntries) {
        // Full: the accounts whose latest success is oldest go, a batch at a time.
        std::vector<std::pair<qint64, QByteArray>> byAge;
        byAge.reserve(m_known.size());
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it)
            byAge.emplace_back(it->constFirst().lastSuccess, it.key());
        const auto evict =
            std::min<qsizetype>(qsizetype(byAge.size()), batchSize(m_settings.maxTrackedEntries));
        std::nth_element(byAge.begin(), byAge.begin() + (evict - 1), byAge.end());
        for (qsizetype i = 0; i < evict; ++i)
            m_known.remove(byAge[size_t(i)].second);
    }
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

void LoginThrottle::makeRoomLocked(const QByteArray &address, const QByteArray &account, qint64 nowMs)
{
    const auto total = [this] { return m_addresses.size() + m_accounts.size(); };
    // Room for the (up to two) entries about to be added.
    if (total() + 2 <= m_settings.maxTrackedEntries)
        return;
    pruneLocked(nowMs, true);
    if (total() + 2 <= m_settings.maxTrackedEntries)
        return;
    // Evict a batch, so this full pass runs once per batch of new entries: entries that
    // never earned a ban first, then those whose bans are over, active bans last; within
    // each, the oldest last failure first.
    struct Candidate
    {
        int rank;
        qint64 lastFailure;
        bool isAddress;
        QByteArray key;
        bool operator<(const Candidate &o) const
        {
            return rank != o.rank ? rank < o.rank : lastFailure < o.lastFailure;
        }
    };
    const auto rankOf = [nowMs](const Streak &s) {
        return s.bannedUntil > nowMs ? 2 : s.banLevel > 0 ? 1 : 0;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(total()));
    for (auto it = m_addresses.cbegin(); it != m_addresses.cend(); ++it)
        if (it.key() != address)
            candidates.push_back({rankOf(it->streak), it->streak.lastFailure, true, it.key()});
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it)
        if (it.key() != account)
            candidates.push_back({rankOf(*it), it->lastFailure, false, it.key()});
    const qsizetype needed = total() + 2 - m_settings.maxTrackedEntries;
    const auto evict = std::min<qsizetype>(qsizetype(candidates.size()),
                                           qMax(needed, batchSize(m_settings.maxTrackedEntries)));
    if (evict <= 0)
        return;
    std::nth_element(candidates.begin(), candidates.begin() + (evict - 1), candidates.end());
    for (qsizetype i = 0; i < evict; ++i) {
        const Candidate &c = candidates[size_t(i)];
        if (c.isAddress)
            m_addresses.remove(c.key);
        else
            m_accounts.remove(c.key);
    }
}

void LoginThrottle::pruneLocked(qint64 nowMs, bool now)
{
    if (!now && nowMs - m_lastPrune < PruneIntervalMs)
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
