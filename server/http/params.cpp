#include "params.h"

#include "apierror.h"
#include "request.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Server::Params {

namespace {
// An optional '-' and ASCII digits, nothing else. toLongLong() alone would not do: it reads
// up to a NUL and ignores the rest, so "?page=2%00abc" would be page 2.
bool isPlainInteger(const QString &text)
{
    const qsizetype start = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    return text.size() > start &&
           std::all_of(text.cbegin() + start, text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}
} // namespace

qint64 queryInt(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || !isPlainInteger(text))
        throw ApiError::invalidParameter(
            name, QStringLiteral("expected a whole number, got '%1'").arg(text.left(50)));
    if (value < min || value > max)
        throw ApiError::invalidParameter(name, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
    return value;
}

qint64 queryInt(const Request &request, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    return queryInt(request.query, name, fallback, min, max);
}

Page page(const QUrlQuery &query)
{
    Page p;
    p.page = int(queryInt(query, QStringLiteral("page"), 1, 1, 1'000'000));
    p.perPage = int(queryInt(query, QStringLiteral("per_page"), 50, 1, 100));
    return p;
}

Page page(const Request &request)
{
    return page(request.query);
}

QByteArray pageEnvelope(const QJsonArray &data, const Page &page, qint64 total)
{
    return pageEnvelope(
        data,
        [](Wire::JsonWriter &out, const QJsonValue &item) {
            Q_ASSERT(item.isObject()); // every listed resource is an object
            out.raw(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact));
        },
        page, total);
}

} // namespace Server::Params
