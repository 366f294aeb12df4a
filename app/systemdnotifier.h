#pragma once

#include <QObject>
#include <QTimer>

namespace App {

// Tells systemd how the headless server is doing (Type=notify; api-contract section 8)
// through libsystemd's sd_notify: READY=1 once it listens, STOPPING=1 when it shuts
// down, and WATCHDOG=1 pings at half of WatchdogSec= when the unit sets one. The pings
// come from the event loop that serves HTTP, so a server stuck there stops pinging and
// systemd restarts it. Does nothing when not started by systemd (no NOTIFY_SOCKET), or in
// builds without libsystemd.
class SystemdNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    void ready(const QString &status);
    void stopping();
    // Whether this build talks to systemd at all.
    static bool available();
    int watchdogIntervalMs() const { return m_watchdog.isActive() ? m_watchdog.interval() : 0; }

private:
    void notify(const QByteArray &state);
    QTimer m_watchdog;
};

} // namespace App
