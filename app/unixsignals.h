#pragma once

#include <QObject>

class QSocketNotifier;

namespace App {

// Turns SIGINT/SIGTERM (and SIGHUP) into Qt signals delivered on the event loop (self-pipe).
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    void reloadRequested(); // SIGHUP

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace App
