#include "apierror.h"

#include "core/model/serviceerror.h"

namespace Server {

ApiError ApiError::withHeader(const QByteArray &name, const QByteArray &value) const
{
    ApiError copy = *this;
    copy.headers.append({name, value});
    return copy;
}

ApiError ApiError::badRequest(const QByteArray &code, const QString &message)
{
    return {400, code, message, {}, {}};
}

ApiError ApiError::invalidJson(const QString &where)
{
    return {400, "INVALID_JSON", QStringLiteral("Request body is not valid JSON: %1").arg(where), {}, {}};
}

ApiError ApiError::invalidParameter(const QString &name, const QString &problem)
{
    return {400,
            "INVALID_PARAMETER",
            QStringLiteral("Invalid parameter '%1': %2").arg(name, problem),
            QJsonObject{{QStringLiteral("parameter"), name}},
            {}};
}

ApiError ApiError::unauthorized(const QByteArray &code, const QString &message)
{
    return {401, code, message, {}, {}};
}

ApiError ApiError::forbidden(const QByteArray &code, const QString &message)
{
    return {403, code, message, {}, {}};
}

ApiError ApiError::notFound(const QString &message)
{
    return {404, "NOT_FOUND", message, {}, {}};
}

ApiError ApiError::methodNotAllowed(const QByteArray &allow)
{
    return {405,
            "METHOD_NOT_ALLOWED",
            QStringLiteral("Method not allowed here; allowed: %1").arg(QString::fromLatin1(allow)),
            {},
            {{"Allow", allow}}};
}

ApiError ApiError::conflict(const QByteArray &code, const QString &message)
{
    return {409, code, message, {}, {}};
}

ApiError ApiError::validation(const QJsonObject &details)
{
    return {422, "VALIDATION_ERROR", QStringLiteral("validation_error"), details, {}};
}

ApiError ApiError::tooManyRequests(const QByteArray &code, const QString &message, qint64 retryAfterSeconds)
{
    return {
        429, code, message, {}, {{"Retry-After", QByteArray::number(qMax<qint64>(1, retryAfterSeconds))}}};
}

ApiError ApiError::unavailable(const QString &message, qint64 retryAfterSeconds)
{
    return {503,
            "SERVICE_UNAVAILABLE",
            message,
            {},
            {{"Retry-After", QByteArray::number(qMax<qint64>(1, retryAfterSeconds))}}};
}

ApiError ApiError::internal()
{
    return {500,
            "INTERNAL_ERROR",
            QStringLiteral("An unexpected error occurred. Retry, or contact support "
                           "with the request id."),
            {},
            {}};
}

HttpResponse toResponse(const ApiError &error, const QByteArray &requestId)
{
    QJsonObject body;
    if (error.status == 422) {
        // The guide's exact shape for validation failures.
        body.insert(QStringLiteral("error"), QStringLiteral("validation_error"));
        body.insert(QStringLiteral("code"), QStringLiteral("VALIDATION_ERROR"));
        body.insert(QStringLiteral("details"), error.details);
    } else {
        body.insert(QStringLiteral("error"), error.message);
        body.insert(QStringLiteral("code"), QString::fromLatin1(error.code));
        if (!error.details.isEmpty())
            body.insert(QStringLiteral("details"), error.details);
    }
    body.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId));
    HttpResponse r = HttpResponse::json(error.status, body);
    r.headers = error.headers;
    r.errorCode = error.status == 422 ? QByteArrayLiteral("VALIDATION_ERROR") : error.code;
    return r;
}

} // namespace Server

namespace Server {

ApiError toApiError(const Core::ServiceError &e)
{
    using Kind = Core::ServiceError::Kind;
    switch (e.kind()) {
    case Kind::Validation: {
        QJsonObject details;
        for (auto it = e.details().cbegin(); it != e.details().cend(); ++it)
            details.insert(it.key(), it.value());
        return ApiError::validation(details);
    }
    case Kind::InvalidArgument: {
        ApiError a{400, e.code(), e.message(), {}, {}};
        for (auto it = e.details().cbegin(); it != e.details().cend(); ++it)
            a.details.insert(it.key(), it.value());
        return a;
    }
    case Kind::Unauthorized:
        return ApiError::unauthorized(e.code(), e.message());
    case Kind::Forbidden:
        return ApiError::forbidden(e.code(), e.message());
    case Kind::NotFound:
        return {404, e.code(), e.message(), {}, {}};
    case Kind::Conflict:
        return ApiError::conflict(e.code(), e.message());
    case Kind::TooManyRequests:
        return ApiError::tooManyRequests(e.code(), e.message(), e.retryAfterSeconds());
    }
    return ApiError::internal();
}

} // namespace Server
