#include "httpclient.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace TestSupport {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

HttpResult parseResponse(const QByteArray &raw)
{
    HttpResult r;
    r.raw = raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    r.status = status.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    r.body = raw.mid(end + 4);
    bool ok = false;
    const qsizetype length = r.header("Content-Length").toLongLong(&ok);
    if (ok && r.body.size() > length)
        r.body.truncate(length);
    return r;
}

HttpResult rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(50);
        if (socket.waitForReadyRead(50))
            received += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            break;
        // Stop once a complete response has arrived.
        HttpResult partial = parseResponse(received);
        if (partial.status) {
            bool ok = false;
            const qint64 length = partial.header("Content-Length").toLongLong(&ok);
            if (ok && partial.body.size() >= length)
                break;
        }
    }
    received += socket.readAll();
    return parseResponse(received);
}

HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                       int timeoutMs)
{
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    bool haveType = false;
    for (const auto &h : headers) {
        req += h.first + ": " + h.second + "\r\n";
        haveType = haveType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
        if (!haveType && !body.isEmpty())
            req += "Content-Type: application/json\r\n";
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    req += "\r\n" + body;
    return rawExchange(port, req, timeoutMs);
}

} // namespace TestSupport
