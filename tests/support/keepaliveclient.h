#pragma once

#include "httpclient.h"

#include <QTcpSocket>

namespace TestSupport {

// A blocking HTTP/1.1 client that keeps one connection open across requests (for
// load loops: thousands of requests without thousands of connections). Use it on one
// thread. Reconnects transparently when the server closed the connection.
class KeepAliveClient final
{
public:
    explicit KeepAliveClient(quint16 port, int timeoutMs = 10'000) : m_port(port), m_timeoutMs(timeoutMs) {}
    Q_DISABLE_COPY_MOVE(KeepAliveClient)

    // status 0: no complete response (connection refused, reset, or timed out).
    HttpResult request(const QByteArray &method, const QByteArray &target,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {});

private:
    bool ensureConnected();

    quint16 m_port;
    int m_timeoutMs;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace TestSupport
