#include "request.h"

#include "apierror.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Server {

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &h : raw.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray Request::body() const
{
    return raw.body();
}

QJsonObject Request::jsonObject() const
{
    const QByteArray contentType = header("Content-Type").toLower();
    const QByteArray mime = contentType.split(';').first().trimmed();
    if (!mime.isEmpty() && mime != "application/json" && mime != "text/plain" && !mime.endsWith("+json"))
        throw ApiError::invalidJson(
            QStringLiteral("Content-Type must be application/json, not %1").arg(QString::fromLatin1(mime)));
    const QByteArray data = body();
    if (data.trimmed().isEmpty())
        throw ApiError::invalidJson(QStringLiteral("the body is empty"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::invalidJson(
            QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        throw ApiError::invalidJson(QStringLiteral("expected a JSON object at offset 0"));
    return doc.object();
}

} // namespace Server
