#include "guardedtcpserver.h"

#include "apierror.h"
#include "connectionguard.h"
#include "monotonic.h"
#include "requestid.h"

#include <QTcpSocket>

namespace Server {

GuardedTcpServer::GuardedTcpServer(ListenerLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{
    setMaxPendingConnections(1024);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &GuardedTcpServer::tick);
    m_timer.start();
}

ConnectionGuard *GuardedTcpServer::guardOf(QObject *socket)
{
    return socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (m_guards.size() >= m_limits.maxConnections) {
        const QByteArray requestId = newRequestId();
        HttpResponse r =
            toResponse(ApiError::unavailable(QStringLiteral("Too many open connections"), 1), requestId);
        r.setHeader("X-Request-Id", requestId);
        socket->write(serializeResponse(r, false, true));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *guard = new ConnectionGuard(socket, m_limits, monotonicMs());
    m_guards.insert(guard);
    connect(guard, &QObject::destroyed, this, [this, guard] { m_guards.remove(guard); });
    addPendingConnection(socket);
}

void GuardedTcpServer::tick()
{
    const qint64 now = monotonicMs();
    // tick() may close sockets, which removes guards: iterate over a copy.
    const QList<ConnectionGuard *> guards(m_guards.begin(), m_guards.end());
    for (ConnectionGuard *g : guards)
        g->tick(now);
}

} // namespace Server
