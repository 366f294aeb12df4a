#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <exception>

namespace Core {

// What core services throw when a rule says no. core knows nothing of HTTP: the server
// maps Kind to a status in one place (Server::toApiError), keeping `code`, `message`
// and `details` (per-field messages for Validation).
class ServiceError final : public std::exception
{
public:
    enum class Kind {
        InvalidArgument, // 400 INVALID_PARAMETER (a wrongly typed or malformed input)
        Unauthorized,    // 401
        Forbidden,       // 403
        NotFound,        // 404
        Conflict,        // 409
        Validation,      // 422 validation_error with details
        TooManyRequests, // 429 (retryAfterSeconds)
    };

    ServiceError(Kind kind, QByteArray code, QString message, QMap<QString, QString> details = {},
                 qint64 retryAfterSeconds = 0)
        : m_kind(kind), m_code(std::move(code)), m_message(std::move(message)), m_details(std::move(details)),
          m_retryAfter(retryAfterSeconds)
    {}

    static ServiceError validation(QMap<QString, QString> details)
    {
        return {Kind::Validation, "VALIDATION_ERROR", QStringLiteral("validation_error"), std::move(details)};
    }
    static ServiceError notFound(const QString &message = QStringLiteral("Resource not found"))
    {
        return {Kind::NotFound, "NOT_FOUND", message};
    }
    static ServiceError forbidden(QByteArray code, QString message)
    {
        return {Kind::Forbidden, std::move(code), std::move(message)};
    }

    Kind kind() const { return m_kind; }
    const QByteArray &code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QMap<QString, QString> &details() const { return m_details; }
    qint64 retryAfterSeconds() const { return m_retryAfter; }
    const char *what() const noexcept override { return m_code.constData(); }

private:
    Kind m_kind;
    QByteArray m_code;
    QString m_message;
    QMap<QString, QString> m_details;
    qint64 m_retryAfter = 0;
};

} // namespace Core
