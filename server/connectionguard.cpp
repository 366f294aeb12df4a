#include "connectionguard.h"

#include "apierror.h"
#include "monotonic.h"
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

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    return true;
}

bool containsIgnoreCase(QByteArrayView haystack, QByteArrayView needle)
{
    for (qsizetype i = 0; i + needle.size() <= haystack.size(); ++i)
        if (equalsIgnoreCase(haystack.sliced(i, needle.size()), needle))
            return true;
    return false;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}
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
        const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
        const qsizetype room = m_limits.maxHeaderBytes + 4 - m_head.size();
        const qsizetype chunk = qMin<qsizetype>(data.size() - pos, qMax<qsizetype>(room, 0));
        m_head.append(data.constData() + pos, chunk);
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        if (end < 0) {
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
        const qsizetype headLength = end + 4;
        pos += chunk - (m_head.size() - headLength);
        const bool accepted = acceptHead(QByteArrayView(m_head).first(headLength));
        m_head.clear();
        if (!accepted)
            return;
    }
}

bool ConnectionGuard::acceptHead(QByteArrayView head)
{
    // Views into the head only: no allocation per request on this path.
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView line = head.first(lineEnd);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
        reject(400, "BAD_REQUEST", QStringLiteral("Malformed request line"));
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    for (char c : method) {
        if (!isTokenChar(c)) {
            reject(400, "BAD_REQUEST", QStringLiteral("Malformed request method"));
            return false;
        }
    }
    if (target.size() > m_limits.maxUrlBytes) {
        reject(414, "URI_TOO_LONG", QStringLiteral("The request target is too long"));
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        reject(400, "BAD_REQUEST", QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported"));
        return false;
    }
    RequestHead meta;
    meta.isHead = method == "HEAD";
    bool http10 = version == "HTTP/1.0";
    bool connectionClose = false, connectionKeepAlive = false, expectContinue = false;
    qint64 contentLength = 0;
    bool haveLength = false;
    // Header lines end in CRLF (a bare LF is tolerated); the head ends with an empty line.
    const QByteArrayView fields = head.sliced(lineEnd + 2, qMax<qsizetype>(0, head.size() - lineEnd - 6));
    qsizetype pos = 0;
    while (pos <= fields.size()) {
        qsizetype nl = fields.indexOf('\n', pos);
        if (nl < 0)
            nl = fields.size();
        QByteArrayView h = fields.sliced(pos, nl - pos);
        pos = nl + 1;
        if (h.endsWith('\r'))
            h.chop(1);
        if (h.isEmpty())
            continue;
        const qsizetype colon = h.indexOf(':');
        if (colon <= 0) {
            reject(400, "BAD_REQUEST", QStringLiteral("Malformed header line"));
            return false;
        }
        const QByteArrayView name = h.first(colon);
        for (char c : name) {
            if (!isTokenChar(c)) {
                reject(400, "BAD_REQUEST", QStringLiteral("Malformed header name"));
                return false;
            }
        }
        const QByteArrayView value = h.sliced(colon + 1).trimmed();
        if (equalsIgnoreCase(name, "Content-Length")) {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            const bool digits = !value.isEmpty() && std::all_of(value.begin(), value.end(),
                                                                [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || !digits || n < 0 || (haveLength && n != contentLength)) {
                reject(400, "BAD_REQUEST", QStringLiteral("Invalid Content-Length"));
                return false;
            }
            contentLength = n;
            haveLength = true;
        } else if (equalsIgnoreCase(name, "Transfer-Encoding")) {
            reject(411, "LENGTH_REQUIRED",
                   QStringLiteral("Chunked request bodies are not supported; send a Content-Length"));
            return false;
        } else if (equalsIgnoreCase(name, "Connection")) {
            connectionClose = connectionClose || containsIgnoreCase(value, "close");
            connectionKeepAlive = connectionKeepAlive || containsIgnoreCase(value, "keep-alive");
        } else if (equalsIgnoreCase(name, "Expect")) {
            expectContinue = equalsIgnoreCase(value, "100-continue");
        }
    }
    const qint64 limit = m_limits.bodyLimit ? m_limits.bodyLimit(method, target) : 64 * 1024;
    if (contentLength > limit) {
        m_drainTarget = qMin<qint64>(contentLength, m_limits.maxDrainBytes);
        reject(413, "PAYLOAD_TOO_LARGE",
               QStringLiteral("Request body of %1 bytes exceeds the limit of %2 bytes for this endpoint")
                   .arg(contentLength)
                   .arg(limit));
        return false;
    }
    meta.keepAlive = http10 ? (connectionKeepAlive && !connectionClose) : !connectionClose;
    if (expectContinue && contentLength > 0 && !http10)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_heads.enqueue(meta);
    m_bodyRemaining = contentLength;
    m_state = contentLength > 0 ? State::Body : State::Head;
    return true;
}

void ConnectionGuard::reject(int status, const QByteArray &code, const QString &message)
{
    qCInfo(lcListener) << "rejecting connection from" << m_socket->peerAddress().toString() << status << code;
    m_state = State::Rejected;
    if (m_drainTarget == 0)
        m_drainTarget = DefaultDrainBytes;
    m_lastActivityMs = monotonicMs();
    m_headStartedMs = m_lastActivityMs;
    const ApiError error{status, code, message, {}, {}};
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
