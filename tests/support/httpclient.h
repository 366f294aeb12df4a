#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace TestSupport {

struct HttpResult
{
    int status = 0; // 0: no response (connection failed or closed early)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray raw;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A blocking HTTP/1.1 client over a raw socket, for tests running on their own thread
// against a server in another thread or process. Sends Connection: close.
HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {},
                       int timeoutMs = 10'000);
// Sends raw bytes and reads until the server closes (or the timeout passes).
HttpResult rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 10'000);
HttpResult parseResponse(const QByteArray &raw);

} // namespace TestSupport
