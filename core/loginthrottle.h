#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace Core {

// Temporary bans after repeated failed sign-ins from one client (an IP address): after
// `failuresBeforeBan` failures in a row the client is banned for `initialBanMs`; each
// further round of failures doubles the ban, up to `maxBanMs`. A success clears the
// failure count; the ban level is forgotten after `forgetAfterMs` without failures.
// Thread-safe; time is passed in (the server's injectable clock). Memory: one small
// entry per client with recent failures, pruned when idle.
class LoginThrottle final
{
public:
    struct Settings
    {
        int failuresBeforeBan = 5;
        qint64 initialBanMs = 30'000;
        qint64 maxBanMs = 3'600'000;
        qint64 forgetAfterMs = 24 * 3'600'000LL;
    };

    explicit LoginThrottle(Settings settings) : m_settings(settings) {}
    Q_DISABLE_COPY_MOVE(LoginThrottle)

    // Milliseconds the client must still wait (0: may try now).
    qint64 bannedForMs(const QByteArray &client, qint64 nowMs) const;
    // Returns the ban that starts now (0 when this failure did not trigger one).
    qint64 recordFailure(const QByteArray &client, qint64 nowMs);
    void recordSuccess(const QByteArray &client, qint64 nowMs);
    qsizetype trackedClients() const;

private:
    struct Entry
    {
        int failures = 0;
        int banLevel = 0;
        qint64 bannedUntil = 0;
        qint64 lastFailure = 0;
    };
    void pruneLocked(qint64 nowMs);

    const Settings m_settings;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    qint64 m_lastPrune = 0;
};

} // namespace Core
