#pragma once

#include "httpresponse.h"
#include "route.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace Server {

struct Request;
using Handler = std::function<HttpResponse(Request &)>;

// Method + path-pattern routing with {param} segments. Tells "no such path" (404)
// apart from "path exists, wrong method" (405 + Allow). Every route is registered with
// its declared needs (RouteSpec: access, body class, rate class).
class Router final
{
public:
    enum class Outcome { Found, MethodNotAllowed, NotFound };
    struct Match
    {
        Outcome outcome = Outcome::NotFound;
        const Handler *handler = nullptr;
        const RouteSpec *spec = nullptr;
        QHash<QString, QString> params;
        QString pattern;
        QByteArray allow; // for 405
    };

    void add(RouteSpec spec, Handler handler);
    Match match(const QByteArray &method, const QString &path) const;
    // The body limit of the route a request head names (request target as sent, query
    // and percent-encoding included); BodyClass::Small when no route matches.
    qint64 bodyLimit(QByteArrayView method, QByteArrayView target) const;
    // Every registered route's declaration, in registration order.
    QList<RouteSpec> routes() const;
    // "GET /api/external/v1/websites/{id}" for every registered route.
    QStringList describe() const;

private:
    struct Segment
    {
        QString text;
        bool isParam = false;
    };
    struct Route
    {
        RouteSpec spec;
        std::vector<Segment> segments;
        Handler handler;
    };
    static bool matches(const Route &route, const QList<QStringView> &parts, QHash<QString, QString> *params);
    // The route for method and an already split path, or nullptr (wrong method included).
    const Route *find(const QByteArray &method, const QList<QStringView> &parts) const;

    std::vector<Route> m_routes;
};

} // namespace Server
