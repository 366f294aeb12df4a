#include "eventvalidator.h"

#include "core/model/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <array>
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

// The fields the validator reads, each looked up once. The order of the first nine is
// the order type errors are reported in.
enum Field {
    EventType,
    Url,
    SessionId,
    UserAgent,
    DeviceType,
    Browser,
    Os,
    Referrer,
    Name,
    Props,
    Timestamp
};
constexpr QLatin1String FieldNames[] = {
    QLatin1String("event_type"), QLatin1String("url"),         QLatin1String("session_id"),
    QLatin1String("user_agent"), QLatin1String("device_type"), QLatin1String("browser"),
    QLatin1String("os"),         QLatin1String("referrer"),    QLatin1String("name"),
    QLatin1String("props"),      QLatin1String("timestamp"),
};
constexpr int FieldCount = int(std::size(FieldNames));
using Values = std::array<QJsonValue, FieldCount>;

bool given(const QJsonValue &v)
{
    return !v.isUndefined() && !v.isNull();
}

// Checks the JSON types of the known fields; the first mismatch is returned.
std::optional<ServiceError> checkTypes(const Values &v)
{
    for (int f = EventType; f <= Os; ++f)
        if (given(v[f]) && !v[f].isString())
            return wrongType(FieldNames[f], "a string");
    for (int f : {Referrer, Name})
        if (given(v[f]) && !v[f].isString())
            return wrongType(FieldNames[f], "a string or null");
    if (given(v[Props]) && !v[Props].isObject())
        return wrongType(QStringLiteral("props"), "an object or null");
    const QJsonValue &ts = v[Timestamp];
    if (given(ts) && !ts.isString() && !ts.isDouble())
        return wrongType(QStringLiteral("timestamp"),
                         "an ISO-8601 time string or milliseconds since the Unix epoch");
    return std::nullopt;
}

void requireText(const Values &v, Field field, qsizetype maxLength, QString *out,
                 QMap<QString, QString> &details)
{
    *out = v[field].toString().trimmed();
    if (out->isEmpty())
        details.insert(FieldNames[field], QStringLiteral("Required"));
    else if (out->size() > maxLength)
        details.insert(FieldNames[field], QStringLiteral("Too long (max %1 characters)").arg(maxLength));
}

bool isAsciiLetter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool isAsciiAlnum(char16_t c)
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9');
}

// A host of dot-separated labels of ASCII letters, digits and inner single hyphens,
// ending in a label that starts with a letter (so not an IPv4 address).
bool isPlainHost(QStringView host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    bool lastStartsWithLetter = false;
    for (qsizetype begin = 0; begin <= host.size();) {
        qsizetype end = host.indexOf(u'.', begin);
        if (end < 0)
            end = host.size();
        const QStringView label = host.sliced(begin, end - begin);
        if (label.isEmpty() || label.size() > 63 || !isAsciiAlnum(label.front().unicode()) ||
            !isAsciiAlnum(label.back().unicode()))
            return false;
        for (qsizetype i = 1; i < label.size(); ++i) {
            const char16_t c = label[i].unicode();
            if (!isAsciiAlnum(c) && (c != u'-' || label[i - 1] == u'-')) // no "--" (e.g. "xn--")
                return false;
        }
        lastStartsWithLetter = isAsciiLetter(label.front().unicode());
        begin = end + 1;
    }
    return lastStartsWithLetter;
}

// The path of an http(s) URL made only of parts whose validity is plain: a lower-case
// scheme, a plain host (no user, no port), a path of unreserved characters and '/', a
// query and fragment of printable ASCII without '%', '[', ']' and what QUrl's strict
// mode refuses. Such URLs QUrl accepts, with this very path (FullyEncoded). For any
// other URL: nothing, and QUrl decides.
std::optional<QStringView> plainHttpUrlPath(QStringView url)
{
    qsizetype i = url.startsWith(u"https://") ? 8 : url.startsWith(u"http://") ? 7 : 0;
    if (i == 0)
        return std::nullopt;
    const qsizetype hostBegin = i;
    while (i < url.size() && url[i] != u'/' && url[i] != u'?' && url[i] != u'#')
        ++i;
    if (!isPlainHost(url.sliced(hostBegin, i - hostBegin)))
        return std::nullopt;
    const qsizetype pathBegin = i;
    for (; i < url.size() && url[i] != u'?' && url[i] != u'#'; ++i) {
        const char16_t c = url[i].unicode();
        if (!isAsciiAlnum(c) && c != u'/' && c != u'-' && c != u'.' && c != u'_' && c != u'~')
            return std::nullopt;
    }
    const QStringView path = url.sliced(pathBegin, i - pathBegin);
    bool inFragment = false;
    for (; i < url.size(); ++i) {
        const char16_t c = url[i].unicode();
        if (c <= 0x20 || c >= 0x7f)
            return std::nullopt;
        switch (c) {
        case u'"':
        case u'<':
        case u'>':
        case u'\\':
        case u'^':
        case u'`':
        case u'{':
        case u'|':
        case u'}':
        case u'%':
        case u'[':
        case u']':
            return std::nullopt;
        case u'#':
            if (inFragment)
                return std::nullopt;
            inFragment = true;
            break;
        default:
            break;
        }
    }
    return path;
}

bool passesPrechecks(const QString &text)
{
    return !text.isEmpty() && text.size() <= MaxUrlLength && !hasControlOrSpace(text);
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
    if (!passesPrechecks(text))
        return false;
    if (!parsed && plainHttpUrlPath(text))
        return true;
    const QUrl url(text, QUrl::StrictMode);
    if (parsed)
        *parsed = url;
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !url.host().isEmpty();
}

std::optional<QString> httpUrlPath(const QString &text)
{
    if (!passesPrechecks(text))
        return std::nullopt;
    if (const auto path = plainHttpUrlPath(text))
        return path->isEmpty() ? QStringLiteral("/") : path->toString();
    QUrl parsed;
    if (!isHttpUrl(text, &parsed))
        return std::nullopt;
    const QString path = parsed.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

std::variant<TrackedEvent, ServiceError> parse(const QJsonObject &json, const QString &websiteId,
                                               qint64 nowMs)
{
    Values v;
    for (int f = 0; f < FieldCount; ++f)
        v[f] = json.value(FieldNames[f]);
    if (auto typeError = checkTypes(v))
        return *typeError;

    QMap<QString, QString> details;
    TrackedEvent e;
    e.websiteId = websiteId;
    e.receivedAt = nowMs;
    e.occurredAt = nowMs;

    const QString type = v[EventType].toString();
    if (type == QLatin1String("pageview"))
        e.type = TrackedEvent::Type::Pageview;
    else if (type == QLatin1String("event"))
        e.type = TrackedEvent::Type::Custom;
    else
        details.insert(QStringLiteral("event_type"), type.isEmpty()
                                                         ? QStringLiteral("Required")
                                                         : QStringLiteral("Must be 'pageview' or 'event'"));

    e.name = v[Name].toString().trimmed();
    if (e.name.size() > MaxNameLength)
        details.insert(QStringLiteral("name"), QStringLiteral("Name too long (max 100 characters)"));
    else if (e.type == TrackedEvent::Type::Custom && e.name.isEmpty() && type == QLatin1String("event"))
        details.insert(QStringLiteral("name"), QStringLiteral("Required when event_type is 'event'"));

    e.url = v[Url].toString().trimmed();
    if (e.url.isEmpty()) {
        details.insert(QStringLiteral("url"), QStringLiteral("Required"));
    } else if (auto path = httpUrlPath(e.url)) {
        e.path = path->size() > MaxPathLength ? path->left(MaxPathLength) : std::move(*path);
    } else {
        details.insert(QStringLiteral("url"), QStringLiteral("Invalid URL format"));
    }

    e.sessionId = v[SessionId].toString();
    if (e.sessionId.isEmpty())
        details.insert(QStringLiteral("session_id"), QStringLiteral("Required"));
    else if (e.sessionId.size() < MinSessionIdLength || e.sessionId.size() > MaxSessionIdLength)
        details.insert(QStringLiteral("session_id"), QStringLiteral("Must be 8 to 128 characters"));
    else if (hasControlOrSpace(e.sessionId))
        details.insert(QStringLiteral("session_id"),
                       QStringLiteral("Must not contain spaces or control characters"));

    requireText(v, UserAgent, MaxUserAgentLength, &e.userAgent, details);
    requireText(v, Browser, MaxShortFieldLength, &e.browser, details);
    requireText(v, Os, MaxShortFieldLength, &e.os, details);

    e.deviceType = v[DeviceType].toString();
    if (e.deviceType != QLatin1String("desktop") && e.deviceType != QLatin1String("mobile") &&
        e.deviceType != QLatin1String("tablet"))
        details.insert(QStringLiteral("device_type"),
                       e.deviceType.isEmpty() ? QStringLiteral("Required")
                                              : QStringLiteral("Must be one of desktop, mobile, tablet"));

    e.referrer = v[Referrer].toString().trimmed();
    if (!e.referrer.isEmpty() && !isHttpUrl(e.referrer))
        details.insert(QStringLiteral("referrer"), QStringLiteral("Invalid URL format"));

    const QJsonValue &props = v[Props];
    if (props.isObject()) {
        if (auto problem = checkProps(props.toObject(), &e.props))
            details.insert(QStringLiteral("props"), *problem);
    }

    const QJsonValue &ts = v[Timestamp];
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
