#include "params.h"

#include "apierror.h"
#include "request.h"

#include <QJsonArray>

namespace Server::Params {

qint64 queryInt(const Request &request, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!request.hasQueryItem(name))
        return fallback;
    const QString text = request.queryValue(name);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || text.startsWith(QLatin1Char('+')) || text.trimmed() != text)
        throw ApiError::invalidParameter(
            name, QStringLiteral("expected a whole number, got '%1'").arg(text.left(50)));
    if (value < min || value > max)
        throw ApiError::invalidParameter(name, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
    return value;
}

Page page(const Request &request)
{
    Page p;
    p.page = int(queryInt(request, QStringLiteral("page"), 1, 1, 1'000'000));
    p.perPage = int(queryInt(request, QStringLiteral("per_page"), 50, 1, 100));
    return p;
}

QJsonObject pageEnvelope(const QJsonArray &data, const Page &page, qint64 total)
{
    return QJsonObject{{QStringLiteral("data"), data},
                       {QStringLiteral("page"), page.page},
                       {QStringLiteral("per_page"), page.perPage},
                       {QStringLiteral("total"), total}};
}

} // namespace Server::Params
