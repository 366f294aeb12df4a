#include "guardedtcpserver.h"

#include "apierror.h"
#include "connectionguard.h"
#include "httpengine.h"
#include "monotonic.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcListener)

namespace Server {

namespace {
// Refused connections linger (reading and dropping) so their client sees the 503; beyond
// this many at once, further ones are closed at once.
constexpr qsizetype MaxLingeringRefusals = 256;
} // namespace

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

int GuardedTcpServer::connectionsFrom(const QHostAddress &address) const
{
    return m_perAddress.value(clientAddressKey(address));
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *tls = new QSslSocket(this);
        tls->setSslConfiguration(*m_tls);
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
        // A failed handshake (plain HTTP to this port, an old TLS version) ends the
        // connection; the guard's timeouts cover a handshake that never completes.
        connect(tls, &QSslSocket::sslErrors, tls, [tls] { tls->abort(); });
        tls->startServerEncryption();
    }
    const QByteArray key = clientAddressKey(socket->peerAddress());
    if (m_guards.size() >= m_limits.maxConnections) {
        refuse(socket, QStringLiteral("Too many open connections"));
        return;
    }
    if (m_limits.maxConnectionsPerIp > 0 && m_perAddress.value(key) >= m_limits.maxConnectionsPerIp &&
        !m_limits.uncappedPeers.contains(socket->peerAddress())) {
        refuse(socket, QStringLiteral("Too many open connections from your address"));
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *guard = new ConnectionGuard(socket, m_limits, monotonicMs());
    m_guards.insert(guard);
    ++m_perAddress[key];
    connect(guard, &QObject::destroyed, this, [this, guard, key] {
        m_guards.remove(guard);
        auto it = m_perAddress.find(key);
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    });
    addPendingConnection(socket);
}

void GuardedTcpServer::refuse(QTcpSocket *socket, const QString &message)
{
    qCInfo(lcListener) << "refusing connection from" << socket->peerAddress().toString() << message;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto *guard = new ConnectionGuard(socket, m_limits, monotonicMs());
    guard->refuse(ApiError::unavailable(message, 1));
    if (m_refusing.size() >= MaxLingeringRefusals) {
        socket->disconnectFromHost();
        return;
    }
    m_refusing.insert(guard);
    connect(guard, &QObject::destroyed, this, [this, guard] { m_refusing.remove(guard); });
}

void GuardedTcpServer::tick()
{
    const qint64 now = monotonicMs();
    // tick() may close sockets, which removes guards: iterate over copies.
    const QList<ConnectionGuard *> guards(m_guards.begin(), m_guards.end());
    for (ConnectionGuard *g : guards)
        g->tick(now);
    const QList<ConnectionGuard *> refusing(m_refusing.begin(), m_refusing.end());
    for (ConnectionGuard *g : refusing)
        g->tick(now);
}

} // namespace Server
