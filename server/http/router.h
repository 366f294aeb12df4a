#pragma once

#include "httpresponse.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace Server {

struct Request;
using Handler = std::function<HttpResponse(Request &)>;

// Method + path-pattern routing with {param} segments. Tells "no such path" (404)
// apart from "path exists, wrong method" (405 + Allow).
class Router final
{
public:
    enum class Outcome { Found, MethodNotAllowed, NotFound };
    struct Match
    {
        Outcome outcome = Outcome::NotFound;
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
        QString pattern;
        QByteArray allow; // for 405
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler);
    Match match(const QByteArray &method, const QString &path) const;
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
        QByteArray method;
        QString pattern;
        std::vector<Segment> segments;
        Handler handler;
    };
    static bool matches(const Route &route, const QList<QStringView> &parts, QHash<QString, QString> *params);

    std::vector<Route> m_routes;
};

} // namespace Server
