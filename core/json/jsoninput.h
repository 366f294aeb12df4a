#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Typed reads of request-body fields. A field of the wrong JSON type throws
// ServiceError(InvalidArgument, "INVALID_PARAMETER") naming it (HTTP 400); an absent
// field (or null) is "not given". Rule checks (lengths, formats) are the services' job
// and answer 422.
namespace Core::JsonInput {

std::optional<QString> optionalString(const QJsonObject &object, const QString &field);
// Absent or null gives an empty string, so validation can say "X is required".
QString string(const QJsonObject &object, const QString &field);
std::optional<bool> optionalBool(const QJsonObject &object, const QString &field);
// A JSON number that is a whole number within [-2^53, 2^53]; 1.5 or "1" throws.
std::optional<qint64> optionalInteger(const QJsonObject &object, const QString &field);
std::optional<QStringList> optionalStringList(const QJsonObject &object, const QString &field);

[[noreturn]] void throwWrongType(const QString &field, const QString &expected);

} // namespace Core::JsonInput
