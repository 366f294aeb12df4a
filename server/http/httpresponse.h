#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What a handler answers. The engine adds X-Request-Id, Content-Length and the
// request's accumulated headers (rate limits, CORS) in one place.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    HeaderList headers;
    QByteArray errorCode; // the body's "code" for error responses (for activity records)

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonArray &array);
    // A body already serialised as JSON (Wire::JsonWriter).
    static HttpResponse jsonBytes(int status, QByteArray body);
    static HttpResponse empty(int status);
};

// Serialises a full HTTP/1.1 response (status line, headers, body).
QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool closeConnection);
const char *reasonPhrase(int status);

} // namespace Server
