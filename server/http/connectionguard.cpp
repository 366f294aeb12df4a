#include "connectionguard.h"

#include "apierror.h"
#include "monotonic.h"
#include "requesthead.h"
#include "requestid.h"

#include <QLoggingCategory>
#include <QTcpSocket>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcListener, "zenovay.server.listener")

namespace Server {

namespace {
constexpr int RejectedLingerMs = 10'000;
constexpr qint64 DefaultDrainBytes = 64 * 1024;
constexpr int RejectedQuietMs = 1'000;
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ListenerLimits &limits, qint64 nowMs)
    : QObject(socket), m_socket(socket), m_limits(limits), m_lastActivityMs(nowMs)
{
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
}

ConnectionGuard::RequestHead ConnectionGuard::takeHead()
{
    return m_heads.isEmpty() ? RequestHead{} : m_heads.dequeue();
}

void ConnectionGuard::onReadyRead()
{
    const qint64 now = monotonicMs();
    m_lastActivityMs = now;
    if (m_state == State::Rejected)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    // The common large-body case: count it without copying it.
    if (m_state == State::Body && available <= m_bodyRemaining) {
        m_bodyRemaining -= available;
        if (m_bodyRemaining == 0)
            m_state = State::Head;
        return;
    }
    const QByteArray data = m_socket->peek(available);
    qsizetype pos = 0;
    while (pos < data.size()) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0)
                m_state = State::Head;
            continue;
        }
        if (m_head.isEmpty()) {
            // Stray CRLFs between requests are allowed (RFC 9112 2.2).
            while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n'))
                ++pos;
            if (pos == data.size())
                break;
            m_headStartedMs = now;
        }
        const qsizetype scanFrom = m_head.size();
        const qsizetype room = m_limits.maxHeaderBytes + 4 - m_head.size();
        const qsizetype chunk = qMin<qsizetype>(data.size() - pos, qMax<qsizetype>(room, 0));
        m_head.append(data.constData() + pos, chunk);
        const HeadScan scan = scanHead(m_head, scanFrom);
        if (scan.outcome == HeadScan::Outcome::BareLineEnd) {
            reject(400, "BAD_REQUEST", QStringLiteral("Request head lines must end in CRLF"));
            return;
        }
        if (scan.outcome == HeadScan::Outcome::Incomplete) {
            if (m_head.size() > m_limits.maxHeaderBytes) {
                const qsizetype lineEnd = m_head.indexOf("\r\n");
                if (lineEnd < 0 || lineEnd > m_limits.maxUrlBytes)
                    reject(414, "URI_TOO_LONG", QStringLiteral("The request target is too long"));
                else
                    reject(431, "HEADERS_TOO_LARGE",
                           QStringLiteral("Request headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
                return;
            }
            pos += chunk;
            continue;
        }
        const qsizetype headLength = scan.length;
        pos += chunk - (m_head.size() - headLength);
        const bool accepted = acceptHead(QByteArrayView(m_head).first(headLength));
        m_head.clear();
        if (!accepted)
            return;
    }
}

bool ConnectionGuard::acceptHead(QByteArrayView head)
{
    const ParsedHead parsed = parseHead(head, m_limits);
    if (!parsed.accepted()) {
        if (parsed.status == 413)
            m_drainTarget = qMin<qint64>(parsed.contentLength, m_limits.maxDrainBytes);
        reject(parsed.status, parsed.code, parsed.message);
        return false;
    }
    if (parsed.expectContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_heads.enqueue(RequestHead{parsed.keepAlive, parsed.isHead, parsed.upgrade});
    m_bodyRemaining = parsed.contentLength;
    m_state = parsed.contentLength > 0 ? State::Body : State::Head;
    return true;
}

void ConnectionGuard::reject(int status, const QByteArray &code, const QString &message)
{
    refuse(ApiError{status, code, message, {}, {}});
}

void ConnectionGuard::refuse(const ApiError &error)
{
    qCInfo(lcListener) << "rejecting connection from" << m_socket->peerAddress().toString() << error.status
                       << error.code;
    m_state = State::Rejected;
    if (m_drainTarget == 0)
        m_drainTarget = DefaultDrainBytes;
    m_lastActivityMs = monotonicMs();
    m_headStartedMs = m_lastActivityMs;
    const QByteArray requestId = newRequestId();
    HttpResponse response = toResponse(error, requestId);
    response.setHeader("X-Request-Id", requestId);
    // Stop QHttpServer from parsing anything more on this connection, then drop what is buffered.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_socket->setReadBufferSize(64 * 1024);
    m_socket->write(serializeResponse(response, false, true));
    m_socket->flush();
    // Half-close: the client sees the answer and EOF; we keep reading (and dropping) what
    // it still sends for a short while so the kernel does not reset the connection.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onDrain);
}

void ConnectionGuard::onDrain()
{
    m_lastActivityMs = monotonicMs();
    m_drained += m_socket->skip(m_socket->bytesAvailable());
    // Everything the client announced has been read: close cleanly (FIN, not RST).
    if (m_drained >= m_drainTarget)
        m_socket->disconnectFromHost();
}

void ConnectionGuard::tick(qint64 nowMs)
{
    switch (m_state) {
    case State::Rejected:
        if (nowMs - m_headStartedMs > RejectedLingerMs || nowMs - m_lastActivityMs > RejectedQuietMs)
            m_socket->abort();
        break;
    case State::Body:
        if (nowMs - m_lastActivityMs > m_limits.bodyIdleTimeoutMs)
            reject(408, "REQUEST_TIMEOUT", QStringLiteral("The request body stopped arriving"));
        break;
    case State::Head:
        if (!m_head.isEmpty()) {
            if (nowMs - m_headStartedMs > m_limits.headerTimeoutMs)
                reject(408, "REQUEST_TIMEOUT", QStringLiteral("The request headers did not arrive in time"));
        } else if (nowMs - m_lastActivityMs > m_limits.keepAliveIdleTimeoutMs) {
            m_socket->disconnectFromHost();
        }
        break;
    }
}

} // namespace Server
