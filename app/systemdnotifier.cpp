#include "systemdnotifier.h"

#ifdef ZENOVAY_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace App {

SystemdNotifier::SystemdNotifier(QObject *parent) : QObject(parent)
{
    connect(&m_watchdog, &QTimer::timeout, this, [this] { notify("WATCHDOG=1"); });
}

bool SystemdNotifier::available()
{
#ifdef ZENOVAY_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

void SystemdNotifier::notify(const QByteArray &state)
{
#ifdef ZENOVAY_HAVE_SYSTEMD
    sd_notify(0, state.constData());
#else
    Q_UNUSED(state);
#endif
}

void SystemdNotifier::ready(const QString &status)
{
    notify("READY=1\nSTATUS=" + status.toUtf8());
#ifdef ZENOVAY_HAVE_SYSTEMD
    uint64_t usec = 0;
    // > 0: WatchdogSec= is set for this process (WATCHDOG_USEC, WATCHDOG_PID checked).
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        m_watchdog.setInterval(int(qMax<uint64_t>(1, usec / 2000)));
        m_watchdog.start();
        notify("WATCHDOG=1");
    }
#endif
}

void SystemdNotifier::stopping()
{
    m_watchdog.stop();
    notify("STOPPING=1\nSTATUS=Shutting down");
}

} // namespace App
