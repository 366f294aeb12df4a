#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Server {

struct Request;

// Strict readers for query parameters (JSON body fields: Core::JsonInput). Malformed
// values throw ApiError 400 INVALID_PARAMETER naming the parameter.
namespace Params {

// An integer query parameter within [min, max]; `fallback` when absent.
qint64 queryInt(const Request &request, const QString &name, qint64 fallback, qint64 min, qint64 max);

struct Page
{
    int page = 1;
    int perPage = 50;
    int offset() const { return (page - 1) * perPage; }
};
// page >= 1 (default 1), per_page 1..100 (default 50).
Page page(const Request &request);
QJsonObject pageEnvelope(const QJsonArray &data, const Page &page, qint64 total);

} // namespace Params
} // namespace Server
