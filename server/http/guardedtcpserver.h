#pragma once

#include "listenerlimits.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

namespace Server {

class ConnectionGuard;

// The hardened listener handed to QHttpServer with bind(): caps connections in all and
// per client address, attaches a ConnectionGuard to every socket before QHttpServer sees
// it, and runs the timeouts. Connections over a cap are answered 503 + Retry-After by
// the listener itself and closed gracefully; QHttpServer never sees them.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(ListenerLimits limits, QObject *parent = nullptr);

    int activeConnections() const { return int(m_guards.size()); }
    // Open connections counted under the address's clientAddressKey().
    int connectionsFrom(const QHostAddress &address) const;
    const ListenerLimits &limits() const { return m_limits; }
    static ConnectionGuard *guardOf(QObject *socket);
    // With a configuration, every new connection speaks TLS (QSslSocket, server side);
    // connections already open keep theirs (a certificate reload drops nobody).
    void setTls(std::optional<QSslConfiguration> configuration) { m_tls = std::move(configuration); }
    bool usesTls() const { return m_tls.has_value(); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    void refuse(QTcpSocket *socket, const QString &message);
    void tick();

    ListenerLimits m_limits;
    QSet<ConnectionGuard *> m_guards;
    QSet<ConnectionGuard *> m_refusing; // refused connections lingering until closed
    QHash<QByteArray, int> m_perAddress;
    QTimer m_timer;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace Server
