#include "request.h"

#include "apierror.h"

#include "core/json/jsontext.h"

#include <QHttpServerRequest>

#include <algorithm>
#include <chrono>

namespace Server {

QByteArray Request::header(const QByteArray &name) const
{
    // A const copy: iterating the temporary itself would detach (deep-copy) the shared list.
    const QList<QPair<QByteArray, QByteArray>> headers = raw ? raw->headers() : detachedHeaders;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

void Request::detach()
{
    if (!raw)
        return;
    detachedHeaders = raw->headers();
    detachedBody = raw->body();
    raw = nullptr;
}

qint64 Request::steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray Request::body() const
{
    return raw ? raw->body() : detachedBody;
}

QJsonObject Request::jsonObject() const
{
    const QByteArray contentType = header("Content-Type");
    // The usual exact header needs no lower-casing and splitting.
    if (contentType != "application/json") {
        const QByteArray mime = contentType.toLower().split(';').first().trimmed();
        if (!mime.isEmpty() && mime != "application/json" && mime != "text/plain" && !mime.endsWith("+json"))
            throw ApiError::invalidJson(QStringLiteral("Content-Type must be application/json, not %1")
                                            .arg(QString::fromLatin1(mime)));
    }
    const QByteArray data = body();
    if (std::all_of(data.cbegin(), data.cend(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
        throw ApiError::invalidJson(QStringLiteral("the body is empty"));
    const Core::JsonText::Parsed parsed = Core::JsonText::parse(data);
    if (!parsed.error.isEmpty())
        throw ApiError::invalidJson(parsed.error);
    if (!parsed.document.isObject())
        throw ApiError::invalidJson(QStringLiteral("expected a JSON object at offset 0"));
    return parsed.document.object();
}

} // namespace Server
