#include "jsoninput.h"

#include "core/model/serviceerror.h"

#include <QJsonArray>

#include <cmath>

namespace Core::JsonInput {

void throwWrongType(const QString &field, const QString &expected)
{
    throw ServiceError(ServiceError::Kind::InvalidArgument, "INVALID_PARAMETER",
                       QStringLiteral("Invalid parameter '%1': expected %2").arg(field, expected),
                       {{QStringLiteral("parameter"), field}});
}

std::optional<QString> optionalString(const QJsonObject &object, const QString &field)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        throwWrongType(field, QStringLiteral("a string"));
    return v.toString();
}

QString string(const QJsonObject &object, const QString &field)
{
    return optionalString(object, field).value_or(QString());
}

std::optional<bool> optionalBool(const QJsonObject &object, const QString &field)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool())
        throwWrongType(field, QStringLiteral("true or false"));
    return v.toBool();
}

std::optional<qint64> optionalInteger(const QJsonObject &object, const QString &field)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    constexpr double Limit = 9007199254740992.0; // 2^53
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > Limit)
        throwWrongType(field, QStringLiteral("a whole number"));
    return qint64(d);
}

std::optional<QStringList> optionalStringList(const QJsonObject &object, const QString &field)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray())
        throwWrongType(field, QStringLiteral("an array of strings"));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            throwWrongType(field, QStringLiteral("an array of strings"));
        out << item.toString();
    }
    return out;
}

} // namespace Core::JsonInput
