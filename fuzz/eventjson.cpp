// The tracking endpoint's body: bytes -> JSON object (Core::JsonText::parse, as
// Server::Request::jsonObject reads it) -> one event or a batch under "events" ->
// Core::EventValidation::parse. Beyond "no crash", every accepted event must satisfy the
// spec's bounds, survive the journal's binary form unchanged, and the fast URL path must
// agree with QUrl on every URL.
#include "fuzzsupport.h"

#include "core/ingest/botdetector.h"
#include "core/ingest/eventvalidator.h"
#include "core/json/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {
using namespace Core::EventValidation;

constexpr qint64 Now = 1781352000000; // 2026-06-13T12:00:00Z

// httpUrlPath() answers from a hand-written fast path when it can, isHttpUrl(text, &url)
// always asks QUrl: both must agree on acceptance and on the path.
void checkUrlAgreement(const QString &text)
{
    const std::optional<QString> fast = httpUrlPath(text);
    QUrl parsed;
    const bool viaQUrl = isHttpUrl(text, &parsed);
    FUZZ_CHECK(fast.has_value() == viaQUrl);
    FUZZ_CHECK(isHttpUrl(text) == viaQUrl);
    if (viaQUrl) {
        const QString path = parsed.path(QUrl::FullyEncoded);
        FUZZ_CHECK(*fast == (path.isEmpty() ? QStringLiteral("/") : path));
    }
}

bool sameEvent(const Core::TrackedEvent &a, const Core::TrackedEvent &b)
{
    return a.websiteId == b.websiteId && a.type == b.type && a.name == b.name && a.url == b.url &&
           a.path == b.path && a.referrer == b.referrer && a.sessionId == b.sessionId &&
           a.userAgent == b.userAgent && a.deviceType == b.deviceType && a.browser == b.browser &&
           a.os == b.os && a.props == b.props && a.occurredAt == b.occurredAt &&
           a.receivedAt == b.receivedAt && a.keyId == b.keyId;
}

void checkEvent(const QJsonObject &json)
{
    for (const char *field : {"url", "referrer"})
        if (const QJsonValue v = json.value(QLatin1String(field)); v.isString())
            checkUrlAgreement(v.toString().trimmed());

    auto result = parse(json, QStringLiteral("w_fuzz"), Now);
    if (auto *error = std::get_if<Core::ServiceError>(&result)) {
        FUZZ_CHECK(!error->message().isEmpty());
        return;
    }
    Core::TrackedEvent &e = std::get<Core::TrackedEvent>(result);
    FUZZ_CHECK(!e.url.isEmpty() && e.url.size() <= MaxUrlLength);
    FUZZ_CHECK(e.path.startsWith(QLatin1Char('/')) && e.path.size() <= MaxPathLength);
    FUZZ_CHECK(e.sessionId.size() >= MinSessionIdLength && e.sessionId.size() <= MaxSessionIdLength);
    FUZZ_CHECK(!e.userAgent.isEmpty() && e.userAgent.size() <= MaxUserAgentLength);
    FUZZ_CHECK(!e.browser.isEmpty() && e.browser.size() <= MaxShortFieldLength);
    FUZZ_CHECK(!e.os.isEmpty() && e.os.size() <= MaxShortFieldLength);
    FUZZ_CHECK(e.name.size() <= MaxNameLength);
    FUZZ_CHECK(e.type != Core::TrackedEvent::Type::Custom || !e.name.isEmpty());
    FUZZ_CHECK(e.props.size() <= MaxPropsBytes);
    FUZZ_CHECK(e.occurredAt <= Now + MaxFutureSkewMs && e.occurredAt >= Now - MaxPastMs);
    FUZZ_CHECK(e.receivedAt == Now);
    if (!e.props.isEmpty())
        FUZZ_CHECK(QJsonDocument::fromJson(e.props).isObject());
    (void)Core::BotDetector::match(e.userAgent);

    const std::optional<Core::TrackedEvent> back = Core::TrackedEvent::deserialize(e.serialize());
    FUZZ_CHECK(back && sameEvent(*back, e));
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Core::JsonText::Parsed parsed = Core::JsonText::parse(FuzzSupport::bytes(data, size));
    if (!parsed.error.isEmpty() || !parsed.document.isObject())
        return 0;
    const QJsonObject body = parsed.document.object();
    const QJsonValue events = body.value(QLatin1String("events"));
    if (events.isUndefined()) {
        checkEvent(body);
    } else if (events.isArray()) {
        for (const QJsonValue &item : events.toArray())
            if (item.isObject())
                checkEvent(item.toObject());
    }
    return 0;
}
