#pragma once

#include "listenerlimits.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>

class QTcpSocket;

namespace Server {

struct ApiError;

// Watches one connection's byte stream ahead of QHttpServer (its readyRead slot is
// connected first and only peeks). It frames requests itself, so it can refuse an
// oversized head (431), an oversized or unframed body (413/411) before any of it is
// buffered, and time out slow or stalled requests (408) and idle connections.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    struct RequestHead
    {
        bool keepAlive = true;
        bool isHead = false;
        bool upgrade = false; // asked for WebSocket: answered once, then closed
    };

    ConnectionGuard(QTcpSocket *socket, const ListenerLimits &limits, qint64 nowMs);

    // Metadata of the oldest complete request head not yet answered.
    RequestHead takeHead();
    // Called about once a second by the listener.
    void tick(qint64 nowMs);
    bool isRejected() const { return m_state == State::Rejected; }
    // Answers with `error` and closes gracefully: QHttpServer stops reading, our side
    // half-closes, and what the client still sends is read and dropped for a while, so
    // the client sees the answer instead of a reset.
    void refuse(const ApiError &error);
    // The connection's last answer said "Connection: close": nothing more is processed.
    void markClosing() { m_closing = true; }
    bool isClosing() const { return m_closing; }

private:
    enum class State { Head, Body, Rejected };

    void onReadyRead();
    void onDrain();
    // Consumes one complete head; returns false after rejecting the connection.
    bool acceptHead(QByteArrayView head);
    void reject(int status, const QByteArray &code, const QString &message);

    QTcpSocket *m_socket;
    const ListenerLimits &m_limits;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_headStartedMs = 0;
    qint64 m_drained = 0;
    qint64 m_drainTarget = 0;
    QQueue<RequestHead> m_heads;
    bool m_closing = false;
};

} // namespace Server
