#pragma once

#include "httpresponse.h"

#include <QJsonObject>
#include <QString>

namespace Core {
class ServiceError;
}

namespace Server {

// The one typed error every handler throws. toResponse() is the single place that turns
// it into the JSON error body: {"error": sentence, "code": CODE, "request_id": ...}
// (422 keeps the guide's shape: {"error": "validation_error", "details": {...}}).
struct ApiError
{
    int status = 500;
    QByteArray code;
    QString message;
    QJsonObject details;
    HeaderList headers;

    ApiError withHeader(const QByteArray &name, const QByteArray &value) const;

    static ApiError badRequest(const QByteArray &code, const QString &message);
    static ApiError invalidJson(const QString &where);
    static ApiError invalidParameter(const QString &name, const QString &problem);
    static ApiError unauthorized(const QByteArray &code, const QString &message);
    static ApiError forbidden(const QByteArray &code, const QString &message);
    static ApiError notFound(const QString &message = QStringLiteral("Resource not found"));
    static ApiError methodNotAllowed(const QByteArray &allow);
    static ApiError conflict(const QByteArray &code, const QString &message);
    static ApiError validation(const QJsonObject &details);
    static ApiError tooManyRequests(const QByteArray &code, const QString &message, qint64 retryAfterSeconds);
    static ApiError unavailable(const QString &message, qint64 retryAfterSeconds);
    static ApiError internal();
};

HttpResponse toResponse(const ApiError &error, const QByteArray &requestId);
// The one mapping from core's rule errors to HTTP.
ApiError toApiError(const Core::ServiceError &error);

} // namespace Server
