#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Server {

struct Request;

// Strict readers for query parameters and JSON fields. Wrong types and malformed values
// throw ApiError 400 INVALID_PARAMETER naming the parameter; absent optional values
// give std::nullopt.
namespace Params {

// An integer query parameter within [min, max]; `fallback` when absent.
qint64 queryInt(const Request &request, const QString &name, qint64 fallback, qint64 min, qint64 max);

std::optional<QString> optionalString(const QJsonObject &body, const QString &name);
QString requiredString(const QJsonObject &body, const QString &name, QMap<QString, QString> &missing);
std::optional<qint64> optionalInt(const QJsonObject &body, const QString &name);

struct Page
{
    int page = 1;
    int perPage = 20;
    int offset() const { return (page - 1) * perPage; }
};
// page >= 1 (default 1), per_page 1..100 (default 20).
Page page(const Request &request);
QJsonObject pageEnvelope(const QJsonArray &data, const Page &page, qint64 total);

} // namespace Params
} // namespace Server
