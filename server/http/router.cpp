#include "router.h"

#include <QSet>

namespace Server {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    Route r{method, pattern, {}, std::move(handler)};
    for (const QString &part : pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
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

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match m;
    // One spelling per resource: a trailing slash or an empty segment ("/e/CODE/",
    // "//z.js") matches nothing.
    if (!path.startsWith(QLatin1Char('/')))
        return m;
    const QList<QStringView> parts =
        path.size() == 1 ? QList<QStringView>{} : QStringView(path).sliced(1).split(QLatin1Char('/'));
    for (QStringView part : parts)
        if (part.isEmpty())
            return m;
    QList<QByteArray> allowed;
    const QByteArray effective = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    for (const Route &r : m_routes) {
        if (!matches(r, parts, nullptr))
            continue;
        if (r.method == effective || r.method == method) {
            QHash<QString, QString> params;
            matches(r, parts, &params);
            m.outcome = Outcome::Found;
            m.handler = &r.handler;
            m.params = std::move(params);
            m.pattern = r.pattern;
            return m;
        }
        if (!allowed.contains(r.method))
            allowed << r.method;
    }
    if (allowed.isEmpty())
        return m;
    if (allowed.contains("GET") && !allowed.contains("HEAD"))
        allowed << "HEAD";
    std::sort(allowed.begin(), allowed.end());
    m.outcome = Outcome::MethodNotAllowed;
    m.allow = allowed.join(", ");
    return m;
}

QStringList Router::describe() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern;
    return out;
}

} // namespace Server
