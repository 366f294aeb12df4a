#include "router.h"

#include <QSet>

namespace Server {

namespace {
// Path segments of a decoded path; nullopt for a path that can match no route (not
// starting with '/', or with an empty segment: "/e/CODE/", "//z.js").
std::optional<QList<QStringView>> segmentsOf(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    QList<QStringView> parts =
        path.size() == 1 ? QList<QStringView>{} : QStringView(path).sliced(1).split(QLatin1Char('/'));
    for (QStringView part : parts)
        if (part.isEmpty())
            return std::nullopt;
    return parts;
}

QByteArray effectiveMethod(const QByteArray &method)
{
    return method == "HEAD" ? QByteArrayLiteral("GET") : method;
}
} // namespace

void Router::add(RouteSpec spec, Handler handler)
{
    Route r{std::move(spec), {}, std::move(handler)};
    for (const QString &part : r.spec.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1Char('{')) && part.endsWith(QLatin1Char('}')))
            r.segments.push_back({part.mid(1, part.size() - 2), true});
        else
            r.segments.push_back({part, false});
    }
    m_routes.push_back(std::move(r));
}

bool Router::matches(const Route &route, const QList<QStringView> &parts, QHash<QString, QString> *params)
{
    if (route.segments.size() != size_t(parts.size()))
        return false;
    for (size_t i = 0; i < route.segments.size(); ++i) {
        const Segment &s = route.segments[i];
        if (s.isParam) {
            if (parts[qsizetype(i)].isEmpty())
                return false;
            if (params)
                params->insert(s.text, parts[qsizetype(i)].toString());
        } else if (s.text != parts[qsizetype(i)]) {
            return false;
        }
    }
    return true;
}

const Router::Route *Router::find(const QByteArray &method, const QList<QStringView> &parts) const
{
    const QByteArray effective = effectiveMethod(method);
    for (const Route &r : m_routes)
        if ((r.spec.method == effective || r.spec.method == method) && matches(r, parts, nullptr))
            return &r;
    return nullptr;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match m;
    const auto parts = segmentsOf(path);
    if (!parts)
        return m;
    if (const Route *r = find(method, *parts)) {
        matches(*r, *parts, &m.params);
        m.outcome = Outcome::Found;
        m.handler = &r->handler;
        m.spec = &r->spec;
        m.pattern = r->spec.pattern;
        return m;
    }
    QList<QByteArray> allowed;
    for (const Route &r : m_routes)
        if (!allowed.contains(r.spec.method) && matches(r, *parts, nullptr))
            allowed << r.spec.method;
    if (allowed.isEmpty())
        return m;
    if (allowed.contains("GET") && !allowed.contains("HEAD"))
        allowed << "HEAD";
    std::sort(allowed.begin(), allowed.end());
    m.outcome = Outcome::MethodNotAllowed;
    m.allow = allowed.join(", ");
    return m;
}

qint64 Router::bodyLimit(QByteArrayView method, QByteArrayView target) const
{
    // absolute-form ("http://host/path", RFC 9112 3.2.2) names the path after the authority
    if (const qsizetype scheme = target.indexOf("://"); !target.startsWith('/') && scheme > 0) {
        qsizetype end = scheme + 3; // the authority ends at the first '/' or '?'
        while (end < target.size() && target[end] != '/' && target[end] != '?')
            ++end;
        target = end < target.size() && target[end] == '/' ? target.sliced(end) : QByteArrayView("/");
    }
    const qsizetype query = target.indexOf('?');
    const QString path = QString::fromUtf8(
        QByteArray::fromPercentEncoding(target.first(query < 0 ? target.size() : query).toByteArray()));
    const auto parts = segmentsOf(path);
    const Route *r = parts ? find(method.toByteArray(), *parts) : nullptr;
    return bodyLimitBytes(r ? r->spec.body : BodyClass::Small);
}

QList<RouteSpec> Router::routes() const
{
    QList<RouteSpec> out;
    for (const Route &r : m_routes)
        out << r.spec;
    return out;
}

QStringList Router::describe() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out << QString::fromLatin1(r.spec.method) + QLatin1Char(' ') + r.spec.pattern;
    return out;
}

} // namespace Server
