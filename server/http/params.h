#pragma once

#include "wire/jsonwriter.h"

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace Server {

struct Request;

// Strict readers for query parameters (JSON body fields: Core::JsonInput). Malformed
// values throw ApiError 400 INVALID_PARAMETER naming the parameter.
namespace Params {

// An integer query parameter within [min, max]; `fallback` when absent.
qint64 queryInt(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max);
qint64 queryInt(const Request &request, const QString &name, qint64 fallback, qint64 min, qint64 max);

struct Page
{
    int page = 1;
    int perPage = 50;
    int offset() const { return (page - 1) * perPage; }
};
// page >= 1 (default 1), per_page 1..100 (default 50).
Page page(const QUrlQuery &query);
Page page(const Request &request);
// The list envelope of every paged route: {"data":[items...],"page":..,"per_page":..,
// "total":..}, streamed; writeItem(out, item) writes one item.
template <typename List, typename WriteItem>
QByteArray pageEnvelope(const List &items, WriteItem writeItem, const Page &page, qint64 total)
{
    Wire::JsonWriter out(256 + 256 * qsizetype(items.size()));
    out.beginObject().key(QLatin1StringView("data")).beginArray();
    for (const auto &item : items)
        writeItem(out, item);
    out.endArray()
        .key(QLatin1StringView("page"))
        .value(page.page)
        .key(QLatin1StringView("per_page"))
        .value(page.perPage)
        .key(QLatin1StringView("total"))
        .value(total)
        .endObject();
    return out.take();
}
// The same for items already built as JSON (the admin routes).
QByteArray pageEnvelope(const QJsonArray &data, const Page &page, qint64 total);

} // namespace Params
} // namespace Server
