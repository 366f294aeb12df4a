#include "httpengine.h"

#include "apierror.h"
#include "connectionguard.h"
#include "guardedtcpserver.h"
#include "request.h"
#include "requestid.h"

#include "core/model/serviceerror.h"
#include "core/storage/storageerror.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "zenovay.server.http")

namespace Server {

namespace {
QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

// Every field line of that name, joined with ", " (a list-valued field may be split).
QByteArray allValues(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    QByteArray out;
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!out.isEmpty())
            out += ", ";
        out += h.second;
    }
    return out;
}
} // namespace

HttpEngine::HttpEngine(QObject *parent) : QAbstractHttpServer(parent) {}

void HttpEngine::setAccessGuard(Access access, Guard guard)
{
    Q_ASSERT(access != Access::Public);
    m_accessGuards.insert(quint8(access), std::move(guard));
}

void HttpEngine::setRateGuard(RateClass rate, Guard guard)
{
    Q_ASSERT(rate != RateClass::None);
    m_rateGuards.insert(quint8(rate), std::move(guard));
}

void HttpEngine::enforce(Request &request, const RouteSpec &spec) const
{
    // The listener chose the limit from the head; should its reading of the target ever
    // differ from the route reached, the route's own class still holds.
    if (const qint64 limit = bodyLimitBytes(spec.body); request.body().size() > limit)
        throw ApiError{
            413,
            "PAYLOAD_TOO_LARGE",
            QStringLiteral("Request body of %1 bytes exceeds the limit of %2 bytes for this endpoint")
                .arg(request.body().size())
                .arg(limit),
            {},
            {}};
    // A declared need nobody enforces is a wiring mistake: refuse rather than serve.
    if (spec.rate != RateClass::None) {
        const auto guard = m_rateGuards.constFind(quint8(spec.rate));
        if (guard == m_rateGuards.cend())
            throw std::logic_error("no guard for the route's rate class");
        (*guard)(request, spec);
    }
    if (spec.access != Access::Public) {
        const auto guard = m_accessGuards.constFind(quint8(spec.access));
        if (guard == m_accessGuards.cend())
            throw std::logic_error("no guard for the route's access");
        (*guard)(request, spec);
    }
}

HttpResponse HttpEngine::guarded(Request &request, const std::function<HttpResponse()> &fn)
{
    try {
        return fn();
    } catch (const ApiError &e) {
        return toResponse(e, request.requestId);
    } catch (const Core::ServiceError &e) {
        return toResponse(toApiError(e), request.requestId);
    } catch (const Core::StorageError &e) {
        qCWarning(lcHttp) << "storage error on" << request.method << request.routePattern << e.what()
                          << "request" << request.requestId;
        return toResponse(
            ApiError::unavailable(QStringLiteral("The database is unavailable; retry shortly"), 2),
            request.requestId);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "unexpected error on" << request.method << request.routePattern << e.what()
                           << "request" << request.requestId;
        return toResponse(ApiError::internal(), request.requestId);
    }
}

HttpResponse HttpEngine::dispatch(Request &request)
{
    return guarded(request, [this, &request]() -> HttpResponse {
        if (m_draining)
            throw ApiError::unavailable(QStringLiteral("The server is shutting down"), 5);
        for (const Middleware &m : m_middleware) {
            if (auto early = m(request))
                return *early;
        }
        const Router::Match match = m_router.match(request.method, request.path);
        switch (match.outcome) {
        case Router::Outcome::NotFound:
            throw ApiError::notFound(
                QStringLiteral("No endpoint %1 %2").arg(QString::fromLatin1(request.method), request.path));
        case Router::Outcome::MethodNotAllowed:
            if (request.method == "OPTIONS") {
                HttpResponse r = HttpResponse::empty(204);
                r.setHeader("Allow", match.allow + ", OPTIONS");
                return r;
            }
            throw ApiError::methodNotAllowed(match.allow + ", OPTIONS");
        case Router::Outcome::Found:
            break;
        }
        request.params = match.params;
        request.routePattern = match.pattern;
        enforce(request, *match.spec);
        return (*match.handler)(request);
    });
}

HttpEngine::Outgoing HttpEngine::finish(Request &request, HttpResponse &response, bool keepAlive,
                                        bool headOnly)
{
    for (const ResponseHook &hook : m_responseHooks)
        hook(request, response);
    for (const auto &h : request.responseHeaders)
        response.setHeader(h.first, h.second);
    response.setHeader("X-Request-Id", request.requestId);
    const bool close = !keepAlive || m_draining;
    ++m_served;
    return {serializeResponse(response, headOnly, close), close, true};
}

void HttpEngine::write(QTcpSocket *socket, const Outgoing &out)
{
    socket->write(out.bytes);
    if (out.close) {
        if (ConnectionGuard *guard = GuardedTcpServer::guardOf(socket))
            guard->markClosing();
        socket->disconnectFromHost();
    }
}

void HttpEngine::send(QTcpSocket *socket, Outgoing out)
{
    const auto queue = m_queues.find(socket);
    if (queue == m_queues.end() || queue->items.empty()) {
        write(socket, out);
        return;
    }
    // Behind an answer still being worked out. If this one closes the connection, nothing
    // after it is processed from now on (not only once it is written).
    if (out.close)
        if (ConnectionGuard *guard = GuardedTcpServer::guardOf(socket))
            guard->markClosing();
    queue->items.push_back(std::move(out));
}

quint64 HttpEngine::reserveSlot(QTcpSocket *socket)
{
    auto queue = m_queues.find(socket);
    if (queue == m_queues.end()) {
        queue = m_queues.insert(socket, {});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_queues.remove(socket); });
    }
    queue->items.push_back({});
    return queue->first + quint64(queue->items.size()) - 1;
}

void HttpEngine::fillSlot(QTcpSocket *socket, quint64 slot, Outgoing out)
{
    const auto queue = m_queues.find(socket);
    if (queue == m_queues.end() || slot < queue->first || slot - queue->first >= queue->items.size())
        return;
    queue->items[size_t(slot - queue->first)] = std::move(out);
    while (!queue->items.empty() && queue->items.front().ready) {
        const Outgoing next = std::move(queue->items.front());
        queue->items.pop_front();
        ++queue->first;
        write(socket, next);
        if (next.close) {
            queue->items.clear(); // nothing after "Connection: close" is sent
            break;
        }
    }
}

bool HttpEngine::handleRequest(const QHttpServerRequest &raw, QTcpSocket *socket)
{
    ConnectionGuard *guard = GuardedTcpServer::guardOf(socket);
    // After an answer that said "Connection: close", nothing more on this connection is
    // processed (RFC 9112 9.6), even if it was already buffered.
    if (guard && guard->isClosing())
        return true;
    const ConnectionGuard::RequestHead head = guard ? guard->takeHead() : ConnectionGuard::RequestHead{};

    const QByteArray clientId = raw.value("X-Request-Id");
    Request request{&raw,
                    methodName(raw.method()),
                    raw.url().path(),
                    raw.query(),
                    isAcceptableRequestId(clientId) ? clientId : newRequestId(),
                    normalizedAddress(socket->peerAddress()),
                    QDateTime::currentMSecsSinceEpoch(),
                    {},
                    {},
                    {},
                    Request::steadyNowNs(),
                    {},
                    {},
                    QByteArrayLiteral("http"),
                    {},
                    {},
                    {}};
    if (qobject_cast<QSslSocket *>(socket))
        request.scheme = QByteArrayLiteral("https");
    if (m_trustedProxies.contains(request.clientIp)) {
        const QList<QPair<QByteArray, QByteArray>> headers = raw.headers();
        const ClientOrigin origin =
            resolveClient(request.clientIp, m_trustedProxies, allValues(headers, "X-Forwarded-For"),
                          allValues(headers, "Forwarded"), allValues(headers, "X-Forwarded-Proto"),
                          allValues(headers, "X-Forwarded-Host"));
        request.clientIp = origin.address;
        request.clientForwarded = origin.forwarded;
        if (origin.schemeForwarded)
            request.scheme = origin.scheme;
        request.host = origin.host;
    }
    if (request.host.isEmpty())
        request.host = raw.value("Host");
    HttpResponse response = dispatch(request);
    const bool headOnly = head.isHead || request.method == "HEAD";
    if (const std::shared_ptr<DeferredResponse> deferred = response.deferred) {
        // The answer comes later: QHttpServer's request is gone by then, so the request
        // keeps copies; its place in the connection's order is held until then.
        auto held = std::make_shared<Request>(std::move(request));
        held->detach();
        const quint64 slot = reserveSlot(socket);
        if (!head.keepAlive || m_draining) // its answer will close: read nothing more meanwhile
            if (ConnectionGuard *closing = GuardedTcpServer::guardOf(socket))
                closing->markClosing();
        QPointer<QTcpSocket> target(socket);
        deferred->m_sink = [this, held, target, slot, keepAlive = head.keepAlive,
                            headOnly](std::function<HttpResponse()> produce) {
            HttpResponse answer = guarded(*held, produce);
            if (answer.deferred) // one deferral per request
                answer = toResponse(ApiError::internal(), held->requestId);
            Outgoing out = finish(*held, answer, keepAlive, headOnly);
            if (target)
                fillSlot(target, slot, std::move(out));
        };
        if (deferred->m_early)
            deferred->m_sink(std::exchange(deferred->m_early, {}));
        return true;
    }
    send(socket, finish(request, response, head.keepAlive, headOnly));
    return true;
}

void HttpEngine::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request it is given, so QHttpServer calls this only on
    // its protocol-upgrade path: Qt 6.4 calls it right after handleRequest() for
    // "Upgrade: websocket" when nothing listens for WebSockets, then closes the socket.
    // That request was answered already (with "Connection: close"): answering again
    // would run it twice. A Qt that skips handleRequest() on that path gets one answer.
    ConnectionGuard *guard = GuardedTcpServer::guardOf(socket);
    if (guard && guard->isClosing())
        return;
    handleRequest(request, socket);
}

} // namespace Server
