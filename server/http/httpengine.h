#pragma once

#include "clientaddress.h"
#include "router.h"

#include <QAbstractHttpServer>

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
    void setTrustedProxies(TrustedProxies proxies) { m_trustedProxies = std::move(proxies); }
    // While draining for shutdown, new requests get 503.
    void setDraining(bool draining) { m_draining = draining; }
    quint64 requestsServed() const { return m_served; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse dispatch(Request &request);
    void enforce(Request &request, const RouteSpec &spec) const;

    Router m_router;
    std::vector<Middleware> m_middleware;
    std::vector<ResponseHook> m_responseHooks;
    QHash<quint8, Guard> m_accessGuards;
    QHash<quint8, Guard> m_rateGuards;
    TrustedProxies m_trustedProxies = TrustedProxies::defaults();
    bool m_draining = false;
    quint64 m_served = 0;
};

} // namespace Server
