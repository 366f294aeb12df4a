#include "keepaliveclient.h"

#include <QElapsedTimer>

namespace TestSupport {

bool KeepAliveClient::ensureConnected()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        return true;
    m_socket.abort();
    m_buffer.clear();
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    return m_socket.waitForConnected(m_timeoutMs);
}

HttpResult KeepAliveClient::request(const QByteArray &method, const QByteArray &target,
                                    const QList<QPair<QByteArray, QByteArray>> &headers,
                                    const QByteArray &body)
{
    if (!ensureConnected())
        return {};
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool haveType = false;
    for (const auto &h : headers) {
        req += h.first + ": " + h.second + "\r\n";
        haveType = haveType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !haveType)
        req += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST")
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    m_socket.write(req);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < m_timeoutMs) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            HttpResult head = parseResponse(m_buffer.left(end + 4));
            bool ok = false;
            qint64 length = head.header("Content-Length").toLongLong(&ok);
            if (!ok || head.status == 204 || head.status == 304 || method == "HEAD")
                length = 0;
            if (m_buffer.size() >= end + 4 + length) {
                HttpResult r = parseResponse(m_buffer.left(end + 4 + length));
                m_buffer.remove(0, end + 4 + length);
                if (r.header("Connection").compare("close", Qt::CaseInsensitive) == 0) {
                    m_socket.abort();
                    m_buffer.clear();
                }
                return r;
            }
        }
        if (m_socket.bytesToWrite() > 0)
            m_socket.waitForBytesWritten(20);
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            break;
        if (m_socket.waitForReadyRead(50) || m_socket.bytesAvailable() > 0)
            m_buffer += m_socket.readAll();
    }
    m_socket.abort();
    m_buffer.clear();
    return {};
}

} // namespace TestSupport
