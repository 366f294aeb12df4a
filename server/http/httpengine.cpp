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
#include <QTcpSocket>

#include <chrono>

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
    if (const qint64 limit = bodyLimitBytes(spec.body); request.raw.body().size() > limit)
        throw ApiError{
            413,
            "PAYLOAD_TOO_LARGE",
            QStringLiteral("Request body of %1 bytes exceeds the limit of %2 bytes for this endpoint")
                .arg(request.raw.body().size())
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

HttpResponse HttpEngine::dispatch(Request &request)
{
    try {
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

bool HttpEngine::handleRequest(const QHttpServerRequest &raw, QTcpSocket *socket)
{
    ConnectionGuard *guard = GuardedTcpServer::guardOf(socket);
    // After an answer that said "Connection: close", nothing more on this connection is
    // processed (RFC 9112 9.6), even if it was already buffered.
    if (guard && guard->isClosing())
        return true;
    const ConnectionGuard::RequestHead head = guard ? guard->takeHead() : ConnectionGuard::RequestHead{};

    const QByteArray clientId = raw.value("X-Request-Id");
    Request request{raw,
                    methodName(raw.method()),
                    raw.url().path(),
                    raw.query(),
                    isAcceptableRequestId(clientId) ? clientId : newRequestId(),
                    normalizedAddress(socket->peerAddress()),
                    QDateTime::currentMSecsSinceEpoch(),
                    {},
                    {},
                    {},
                    std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count(),
                    {},
                    {},
                    QByteArrayLiteral("http"),
                    {}};
    if (m_trustedProxies.contains(request.clientIp)) {
        const QList<QPair<QByteArray, QByteArray>> headers = raw.headers();
        const ClientOrigin origin =
            resolveClient(request.clientIp, m_trustedProxies, allValues(headers, "X-Forwarded-For"),
                          allValues(headers, "Forwarded"), allValues(headers, "X-Forwarded-Proto"),
                          allValues(headers, "X-Forwarded-Host"));
        request.clientIp = origin.address;
        request.scheme = origin.scheme;
        request.host = origin.host;
    }
    if (request.host.isEmpty())
        request.host = raw.value("Host");
    HttpResponse response = dispatch(request);
    for (const ResponseHook &hook : m_responseHooks)
        hook(request, response);
    for (const auto &h : request.responseHeaders)
        response.setHeader(h.first, h.second);
    response.setHeader("X-Request-Id", request.requestId);
    const bool close = !head.keepAlive || m_draining;
    socket->write(serializeResponse(response, head.isHead || request.method == "HEAD", close));
    ++m_served;
    if (close) {
        if (guard)
            guard->markClosing();
        socket->disconnectFromHost();
    }
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
