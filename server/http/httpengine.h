#pragma once

#include "clientaddress.h"
#include "router.h"

#include <QAbstractHttpServer>

#include <deque>
#include <functional>

namespace Server {

struct ApiError;

// QHttpServer's parser and connection handling, our routing and response writing.
// Every response, success or error, leaves through finish(): X-Request-Id, the
// request's accumulated headers, Content-Length, Connection.
class HttpEngine final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpEngine(QObject *parent = nullptr);

    Router &router() { return m_router; }
    const Router &router() const { return m_router; }
    // Runs before routing (e.g. CORS preflight, per-IP limits); may throw ApiError or
    // return a response to short-circuit.
    using Middleware = std::function<std::optional<HttpResponse>(Request &)>;
    void addMiddleware(Middleware m) { m_middleware.push_back(std::move(m)); }
    // Enforces a declared need of a route (RouteSpec) before its handler runs; throws
    // ApiError to refuse. An access guard records who is calling in Request::caller.
    // Registered once per class by the controller that owns the rule.
    using Guard = std::function<void(Request &, const RouteSpec &)>;
    void setAccessGuard(Access access, Guard guard);
    void setRateGuard(RateClass rate, Guard guard);
    // Runs for every routed response just before it is written (bookkeeping, headers).
    using ResponseHook = std::function<void(Request &, HttpResponse &)>;
    void addResponseHook(ResponseHook h) { m_responseHooks.push_back(std::move(h)); }
    // Whose forwarding headers are believed (api-contract section 7).
    void setTrustedProxies(AddressRanges proxies) { m_trustedProxies = std::move(proxies); }
    // While draining for shutdown, new requests get 503.
    void setDraining(bool draining) { m_draining = draining; }
    quint64 requestsServed() const { return m_served; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Outgoing
    {
        QByteArray bytes;
        bool close = false;
        bool ready = false;
    };
    // Answers not yet written on a connection, oldest first; a deferred answer holds its
    // place until it is resolved, and the answers after it wait.
    struct ConnectionQueue
    {
        quint64 first = 0; // the slot number of items.front()
        std::deque<Outgoing> items;
    };

    HttpResponse dispatch(Request &request);
    // Runs fn, turning what it throws into the error response (one mapping).
    HttpResponse guarded(Request &request, const std::function<HttpResponse()> &fn);
    Outgoing finish(Request &request, HttpResponse &response, bool keepAlive, bool headOnly);
    void send(QTcpSocket *socket, Outgoing out);
    void write(QTcpSocket *socket, const Outgoing &out);
    quint64 reserveSlot(QTcpSocket *socket);
    void fillSlot(QTcpSocket *socket, quint64 slot, Outgoing out);
    void enforce(Request &request, const RouteSpec &spec) const;

    Router m_router;
    std::vector<Middleware> m_middleware;
    std::vector<ResponseHook> m_responseHooks;
    QHash<QTcpSocket *, ConnectionQueue> m_queues;
    QHash<quint8, Guard> m_accessGuards;
    QHash<quint8, Guard> m_rateGuards;
    AddressRanges m_trustedProxies = AddressRanges::defaults();
    bool m_draining = false;
    quint64 m_served = 0;
};

} // namespace Server
