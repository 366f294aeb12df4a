#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace Core {

// Temporary bans after failed sign-ins, counted two ways (thread-safe; time is passed in,
// the server's injectable clock):
//
// - Per client address, across every account it tries: after `failuresBeforeBan`
//   failures in a row the address is banned for `initialBanMs`, each further round
//   doubling up to `maxBanMs`. A success for an account takes back only the failures this
//   address had on that same account, so signing in to one's own account does not
//   clear failures on someone else's.
// - Per target account (the caller passes a key for the normalised email, also for
//   emails no account has, so the answer never tells them apart): after
//   `accountFailuresBeforeLock` failures in a row, from any addresses, sign-in to that
//   account is refused for `accountInitialLockMs`, doubling up to `accountMaxLockMs`, so
//   guesses spread over many addresses gain a few tries per lock period. Anyone can
//   trigger the lock for any account, again and again; so it does not apply to the
//   account's known addresses: up to `knownAddressesPerAccount` addresses that signed in
//   to it successfully within `knownAddressTtlMs`. Its owner at a usual address keeps
//   signing in during an attack (still under that address's own ban rule); from any other
//   address they wait like everyone else. A success clears the account's count.
//
// Ban levels are forgotten after `forgetAfterMs` without failures. Memory: one small
// entry per address and per account with recent failures, pruned when idle; an address
// remembers at most MaxAccountsPerAddress accounts' shares of its streak (failures on
// further accounts still count, but no success takes them back). A hard bound holds
// however fast new addresses and emails arrive: at most `maxTrackedEntries` addresses
// and accounts together (beyond it, entries that never earned a ban go first, oldest
// first; then expired bans; active bans last), and at most as many accounts with known
// addresses (the least recently used go).
class LoginThrottle final
{
public:
    struct Settings
    {
        int failuresBeforeBan = 5;
        qint64 initialBanMs = 30'000;
        qint64 maxBanMs = 3'600'000;
        qint64 forgetAfterMs = 24 * 3'600'000LL;
        int accountFailuresBeforeLock = 10;
        qint64 accountInitialLockMs = 30'000;
        qint64 accountMaxLockMs = 900'000;
        int knownAddressesPerAccount = 8;
        qint64 knownAddressTtlMs = 30 * 24 * 3'600'000LL;
        qsizetype maxTrackedEntries = 100'000;
    };
    static constexpr int MaxAccountsPerAddress = 64;

    // The bans that start with a failure (0: none).
    struct Started
    {
        qint64 addressBanMs = 0;
        qint64 accountLockMs = 0;
    };

    explicit LoginThrottle(Settings settings) : m_settings(settings) {}
    Q_DISABLE_COPY_MOVE(LoginThrottle)

    // The account key for a typed email: 16 bytes of SHA-256 of its normalised form (so
    // look-alike spellings share it), or empty for an email longer than any account's,
    // which is then not tracked per account (and not normalised: no work for junk).
    static QByteArray accountKey(const QString &email);

    // Milliseconds the address (or the account) must still wait (0: may try now).
    qint64 addressBannedForMs(const QByteArray &address, qint64 nowMs) const;
    // The account's lock as it applies to sign-ins from `address` (0 from a known address).
    qint64 accountLockedForMs(const QByteArray &account, const QByteArray &address, qint64 nowMs) const;
    Started recordFailure(const QByteArray &address, const QByteArray &account, qint64 nowMs);
    void recordSuccess(const QByteArray &address, const QByteArray &account, qint64 nowMs);
    qsizetype trackedAddresses() const;
    qsizetype trackedAccounts() const;
    qsizetype accountsWithKnownAddresses() const;

private:
    struct Streak
    {
        int failures = 0;
        int banLevel = 0;
        qint64 bannedUntil = 0;
        qint64 lastFailure = 0;
    };
    struct Address
    {
        Streak streak;
        QHash<QByteArray, int> byAccount; // this address's failures per account, in the streak
    };
    struct KnownAddress
    {
        QByteArray address;
        qint64 lastSuccess = 0;
    };
    // Counts a failure; returns the ban that starts with it (0: none).
    qint64 fail(Streak &s, int threshold, qint64 initialMs, qint64 maxMs, qint64 nowMs) const;
    void rememberAddress(const QByteArray &account, const QByteArray &address, qint64 nowMs);
    void pruneLocked(qint64 nowMs, bool now = false);
    // Keeps addresses + accounts under maxTrackedEntries before new ones are added (never
    // evicting `address` or `account`, the entries about to be counted).
    void makeRoomLocked(const QByteArray &address, const QByteArray &account, qint64 nowMs);

    const Settings m_settings;
    mutable QMutex m_mutex;
    QHash<QByteArray, Address> m_addresses;
    QHash<QByteArray, Streak> m_accounts;
    QHash<QByteArray, QList<KnownAddress>> m_known; // per account, most recent success first
    qint64 m_lastPrune = 0;
};

} // namespace Core
