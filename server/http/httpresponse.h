#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

namespace Server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// An answer a handler gives later (after work on another thread): the handler returns
// HttpResponse::later(d) and calls d->resolve(produce) on the server's thread when the
// work is done; produce() builds the response and may throw like a handler. Later
// answers on the same connection wait for it, so responses stay in request order.
class DeferredResponse final
{
public:
    void resolve(std::function<struct HttpResponse()> produce);

private:
    friend class HttpEngine;
    std::function<void(std::function<struct HttpResponse()>)> m_sink; // set by the engine
    std::function<struct HttpResponse()> m_early;                     // resolved before the sink was set
};

// What a handler answers. The engine adds X-Request-Id, Content-Length and the
// request's accumulated headers (rate limits, CORS) in one place.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    HeaderList headers;
    QByteArray errorCode; // the body's "code" for error responses (for activity records)
    std::shared_ptr<DeferredResponse> deferred; // set: the real answer comes later

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonArray &array);
    // A body already serialised as JSON (Wire::JsonWriter).
    static HttpResponse jsonBytes(int status, QByteArray body);
    static HttpResponse empty(int status);
    static HttpResponse later(std::shared_ptr<DeferredResponse> deferred);
};

// Serialises a full HTTP/1.1 response (status line, headers, body).
QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool closeConnection);
const char *reasonPhrase(int status);

} // namespace Server
