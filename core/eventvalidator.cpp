#include "eventvalidator.h"

#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

namespace Core::EventValidation {

namespace {

ServiceError wrongType(const QString &field, const char *expected)
{
    return {ServiceError::Kind::InvalidArgument,
            "INVALID_PARAMETER",
            QStringLiteral("Invalid parameter '%1': must be %2").arg(field, QLatin1String(expected)),
            {{QStringLiteral("parameter"), field}}};
}

bool hasControlOrSpace(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

// Checks the JSON types of the known fields; the first mismatch is returned.
std::optional<ServiceError> checkTypes(const QJsonObject &json)
{
    static const char *const strings[] = {"event_type",  "url",     "session_id", "user_agent",
                                          "device_type", "browser", "os"};
    for (const char *f : strings) {
        const QJsonValue v = json.value(QLatin1String(f));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return wrongType(QLatin1String(f), "a string");
    }
    for (const char *f : {"referrer", "name"}) {
        const QJsonValue v = json.value(QLatin1String(f));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return wrongType(QLatin1String(f), "a string or null");
    }
    const QJsonValue props = json.value(QLatin1String("props"));
    if (!props.isUndefined() && !props.isNull() && !props.isObject())
        return wrongType(QStringLiteral("props"), "an object or null");
    const QJsonValue ts = json.value(QLatin1String("timestamp"));
    if (!ts.isUndefined() && !ts.isNull() && !ts.isString() && !ts.isDouble())
        return wrongType(QStringLiteral("timestamp"),
                         "an ISO-8601 time string or milliseconds since the Unix epoch");
    return std::nullopt;
}

QString str(const QJsonObject &json, const char *field)
{
    return json.value(QLatin1String(field)).toString();
}

void requireText(const QJsonObject &json, const char *field, qsizetype maxLength, QString *out,
                 QMap<QString, QString> &details)
{
    *out = str(json, field).trimmed();
    if (out->isEmpty())
        details.insert(QLatin1String(field), QStringLiteral("Required"));
    else if (out->size() > maxLength)
        details.insert(QLatin1String(field), QStringLiteral("Too long (max %1 characters)").arg(maxLength));
}

std::optional<QString> checkProps(const QJsonObject &props, QByteArray *compact)
{
    if (props.size() > MaxPropsKeys)
        return QStringLiteral("Too many properties (max %1)").arg(MaxPropsKeys);
    for (auto it = props.begin(); it != props.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > MaxPropKeyLength)
            return QStringLiteral("Property names must be 1 to %1 characters").arg(MaxPropKeyLength);
        const QJsonValue v = it.value();
        if (v.isObject() || v.isArray())
            return QStringLiteral("Must be a flat object (no nested objects or arrays): '%1'").arg(it.key());
        if (v.isString() && v.toString().size() > MaxPropStringLength)
            return QStringLiteral("Property '%1' is too long (max %2 characters)")
                .arg(it.key())
                .arg(MaxPropStringLength);
    }
    *compact = props.isEmpty() ? QByteArray() : QJsonDocument(props).toJson(QJsonDocument::Compact);
    if (compact->size() > MaxPropsBytes)
        return QStringLiteral("Too large (max %1 bytes as JSON)").arg(MaxPropsBytes);
    return std::nullopt;
}

} // namespace

bool isHttpUrl(const QString &text, QUrl *parsed)
{
    if (text.isEmpty() || text.size() > MaxUrlLength || hasControlOrSpace(text))
        return false;
    const QUrl url(text, QUrl::StrictMode);
    if (parsed)
        *parsed = url;
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !url.host().isEmpty();
}

std::variant<TrackedEvent, ServiceError> parse(const QJsonObject &json, const QString &websiteId,
                                               qint64 nowMs)
{
    if (auto typeError = checkTypes(json))
        return *typeError;

    QMap<QString, QString> details;
    TrackedEvent e;
    e.websiteId = websiteId;
    e.receivedAt = nowMs;
    e.occurredAt = nowMs;

    const QString type = str(json, "event_type");
    if (type == QLatin1String("pageview"))
        e.type = TrackedEvent::Type::Pageview;
    else if (type == QLatin1String("event"))
        e.type = TrackedEvent::Type::Custom;
    else
        details.insert(QStringLiteral("event_type"), type.isEmpty()
                                                         ? QStringLiteral("Required")
                                                         : QStringLiteral("Must be 'pageview' or 'event'"));

    e.name = str(json, "name").trimmed();
    if (e.name.size() > MaxNameLength)
        details.insert(QStringLiteral("name"), QStringLiteral("Name too long (max 100 characters)"));
    else if (e.type == TrackedEvent::Type::Custom && e.name.isEmpty() && type == QLatin1String("event"))
        details.insert(QStringLiteral("name"), QStringLiteral("Required when event_type is 'event'"));

    e.url = str(json, "url").trimmed();
    if (e.url.isEmpty()) {
        details.insert(QStringLiteral("url"), QStringLiteral("Required"));
    } else if (QUrl parsed; !isHttpUrl(e.url, &parsed)) {
        details.insert(QStringLiteral("url"), QStringLiteral("Invalid URL format"));
    } else {
        const QString path = parsed.path(QUrl::FullyEncoded);
        e.path = (path.isEmpty() ? QStringLiteral("/") : path).left(MaxPathLength);
    }

    e.sessionId = str(json, "session_id");
    if (e.sessionId.isEmpty())
        details.insert(QStringLiteral("session_id"), QStringLiteral("Required"));
    else if (e.sessionId.size() < MinSessionIdLength || e.sessionId.size() > MaxSessionIdLength)
        details.insert(QStringLiteral("session_id"), QStringLiteral("Must be 8 to 128 characters"));
    else if (hasControlOrSpace(e.sessionId))
        details.insert(QStringLiteral("session_id"),
                       QStringLiteral("Must not contain spaces or control characters"));

    requireText(json, "user_agent", MaxUserAgentLength, &e.userAgent, details);
    requireText(json, "browser", MaxShortFieldLength, &e.browser, details);
    requireText(json, "os", MaxShortFieldLength, &e.os, details);

    e.deviceType = str(json, "device_type");
    if (e.deviceType != QLatin1String("desktop") && e.deviceType != QLatin1String("mobile") &&
        e.deviceType != QLatin1String("tablet"))
        details.insert(QStringLiteral("device_type"),
                       e.deviceType.isEmpty() ? QStringLiteral("Required")
                                              : QStringLiteral("Must be one of desktop, mobile, tablet"));

    e.referrer = str(json, "referrer").trimmed();
    if (!e.referrer.isEmpty() && !isHttpUrl(e.referrer))
        details.insert(QStringLiteral("referrer"), QStringLiteral("Invalid URL format"));

    const QJsonValue props = json.value(QLatin1String("props"));
    if (props.isObject()) {
        if (auto problem = checkProps(props.toObject(), &e.props))
            details.insert(QStringLiteral("props"), *problem);
    }

    const QJsonValue ts = json.value(QLatin1String("timestamp"));
    if (ts.isString() || ts.isDouble()) {
        std::optional<qint64> at;
        if (ts.isString()) {
            at = Time::parseIso(ts.toString());
        } else {
            const double d = ts.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
                at = qint64(d);
        }
        if (!at)
            details.insert(
                QStringLiteral("timestamp"),
                QStringLiteral("Must be an ISO-8601 time with a zone or whole milliseconds since the epoch"));
        else if (*at > nowMs + MaxFutureSkewMs)
            details.insert(QStringLiteral("timestamp"), QStringLiteral("Must not be in the future"));
        else if (*at < nowMs - MaxPastMs)
            details.insert(QStringLiteral("timestamp"), QStringLiteral("Must be within the last 90 days"));
        else
            e.occurredAt = *at;
    }

    if (!details.isEmpty())
        return ServiceError::validation(std::move(details));
    return e;
}

TrackedEvent parseOrThrow(const QJsonObject &json, const QString &websiteId, qint64 nowMs)
{
    auto result = parse(json, websiteId, nowMs);
    if (auto *error = std::get_if<ServiceError>(&result))
        throw *error;
    return std::get<TrackedEvent>(std::move(result));
}

} // namespace Core::EventValidation
