#pragma once

#include "listenerlimits.h"

#include <QSet>
#include <QTcpServer>
#include <QTimer>

namespace Server {

class ConnectionGuard;

// The hardened listener handed to QHttpServer with bind(): caps connections, attaches a
// ConnectionGuard to every socket before QHttpServer sees it, and runs the timeouts.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(ListenerLimits limits, QObject *parent = nullptr);

    int activeConnections() const { return int(m_guards.size()); }
    const ListenerLimits &limits() const { return m_limits; }
    static ConnectionGuard *guardOf(QObject *socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void tick();

    ListenerLimits m_limits;
    QSet<ConnectionGuard *> m_guards;
    QTimer m_timer;
};

} // namespace Server
