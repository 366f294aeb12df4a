#include "externalauth.h"

#include "server/appcontext.h"
#include "server/http/apierror.h"
#include "server/http/request.h"

#include "core/keys/apikeyformat.h"
#include "core/keys/keybookkeeping.h"
#include "core/model/timeutil.h"
#include "core/storage/websiterepository.h"

namespace Server {

namespace {

const QString CreateKeyHint =
    QStringLiteral("Create a new key under Settings → Account → Security & access → Personal API keys.");

// Where a key was sent instead of X-API-Key, for a precise message.
QString misplacedKeyLocation(const Request &request)
{
    if (!request.header("Api-Key").isEmpty())
        return QStringLiteral("the Api-Key header");
    if (!request.header("Authorization").isEmpty())
        return QStringLiteral("the Authorization header");
    for (const auto &item : request.query.queryItems()) {
        const QString name = item.first.toLower();
        if (name.contains(QLatin1String("key")) || name == QLatin1String("token") ||
            item.second.startsWith(QLatin1String("zv_")))
            return QStringLiteral("the query parameter '%1'").arg(item.first);
    }
    return {};
}

QString shapeProblem(Core::ApiKeyFormat::Shape shape)
{
    using Core::ApiKeyFormat::Shape;
    switch (shape) {
    case Shape::MissingPrefix:
        return QStringLiteral("it does not start with zv_");
    case Shape::WrongLength:
        return QStringLiteral("it is not %1 characters long (was it cut off when copied?)")
            .arg(Core::ApiKeyFormat::KeyLength);
    case Shape::BadAlphabet:
        return QStringLiteral("it contains characters that never appear in a key");
    case Shape::BadChecksum:
        return QStringLiteral("its checksum does not match (a character was mistyped)");
    case Shape::Ok:
        break;
    }
    return {};
}

void addLimitHeaders(Request &request, const Core::UsageTracker::Decision &d, qint64 nowMs)
{
    const qint64 resetSeconds = qMax<qint64>(0, (d.minuteResetMs - nowMs + 999) / 1000);
    auto &h = request.responseHeaders;
    h.append({"X-RateLimit-Limit", QByteArray::number(d.minuteLimit)});
    h.append({"X-RateLimit-Remaining", QByteArray::number(d.minuteRemaining())});
    h.append({"X-RateLimit-Reset", Core::Time::toIsoLatin1(d.minuteResetMs)});
    h.append({"X-Usage-Monthly", QByteArray::number(d.monthUsed)});
    h.append({"X-Usage-Limit", QByteArray::number(d.monthLimit)});
    // IETF draft-ietf-httpapi-ratelimit-headers.
    h.append({"RateLimit-Policy", "\"minute\";q=" + QByteArray::number(d.minuteLimit) + ";w=60"});
    h.append({"RateLimit", "\"minute\";r=" + QByteArray::number(d.minuteRemaining()) +
                               ";t=" + QByteArray::number(resetSeconds)});
}

} // namespace

QString ExternalAuth::permissionName(quint8 flag)
{
    return Core::Permissions{flag}.names().join(QLatin1Char('+'));
}

ExternalAuth::Principal ExternalAuth::authenticate(Request &request, quint8 needed)
{
    const QByteArray presented = request.header("X-API-Key").trimmed();
    if (presented.isEmpty()) {
        const QString where = misplacedKeyLocation(request);
        throw ApiError::unauthorized(
            "API_KEY_NOT_FOUND",
            where.isEmpty() ? QStringLiteral("API key not found. Send your key in the X-API-Key header "
                                             "(X-API-Key: zv_...).")
                            : QStringLiteral("API key not found in the X-API-Key header: you sent it in %1. "
                                             "Send it as X-API-Key: zv_...")
                                  .arg(where));
    }
    const auto shape = Core::ApiKeyFormat::check(presented);
    if (shape != Core::ApiKeyFormat::Shape::Ok)
        throw ApiError::unauthorized("INVALID_API_KEY",
                                     QStringLiteral("Invalid API key: keys start with zv_, and this one is "
                                                    "malformed: %1. Check you copied the full key.")
                                         .arg(shapeProblem(shape)));

    const qint64 now = m_context.clock.nowMs();
    Principal principal = m_cache.lookup(Core::ApiKeyFormat::hash(presented), now);
    if (!principal)
        throw ApiError::unauthorized(
            "INVALID_API_KEY", QStringLiteral("Invalid API key: keys start with zv_, and this key is not "
                                              "known to this server. ") +
                                   CreateKeyHint);
    const Core::ApiKey &key = principal->key;
    request.apiKeyId = key.id;
    if (key.revokedAt)
        throw ApiError::unauthorized(
            "API_KEY_REVOKED",
            QStringLiteral("This API key was revoked at %1. ").arg(Core::Time::toIso(*key.revokedAt)) +
                CreateKeyHint);
    if (principal->ownerDisabled)
        throw ApiError::unauthorized("API_KEY_REVOKED",
                                     QStringLiteral("This API key no longer works: its owner's account is "
                                                    "disabled."));
    if (key.expiresAt && *key.expiresAt <= now)
        throw ApiError::unauthorized(
            "API_KEY_EXPIRED",
            QStringLiteral("This API key expired at %1. ").arg(Core::Time::toIso(*key.expiresAt)) +
                CreateKeyHint);
    if (!principal->isPaid())
        throw ApiError::forbidden(
            "API_PAID_PLAN_REQUIRED",
            QStringLiteral("The Zenovay API requires a paid plan. Upgrade to Pro or higher "
                           "to use API keys."));

    const auto decision = m_books.usage().consume(key.id, principal->limits, now);
    addLimitHeaders(request, decision, now);
    using Outcome = Core::UsageTracker::Outcome;
    if (decision.outcome == Outcome::QuotaExceeded)
        throw ApiError::tooManyRequests(
            "MONTHLY_QUOTA_EXCEEDED",
            QStringLiteral(
                "Monthly quota exceeded: this key's %1 plan allows %2 requests per month. The quota "
                "resets at %3.")
                .arg(Core::planName(principal->limits.plan))
                .arg(decision.monthLimit)
                .arg(Core::Time::toIso(decision.monthResetMs)),
            decision.retryAfterSeconds);
    if (decision.outcome == Outcome::RateLimited)
        throw ApiError::tooManyRequests(
            "RATE_LIMIT_EXCEEDED",
            QStringLiteral(
                "Rate limit exceeded: this key's %1 plan allows %2 requests per minute. Retry after %3 "
                "seconds.")
                .arg(Core::planName(principal->limits.plan))
                .arg(decision.minuteLimit)
                .arg(decision.retryAfterSeconds),
            decision.retryAfterSeconds);

    if ((key.permissions.bits & needed) != needed)
        throw ApiError::forbidden(
            "INSUFFICIENT_PERMISSION",
            QStringLiteral("This API key lacks the '%1' permission needed for %2 %3.")
                .arg(permissionName(needed), QString::fromLatin1(request.method), request.path));
    return principal;
}

Core::Website ExternalAuth::requireWebsite(const Core::KeyPrincipal &principal,
                                           const QString &websiteId) const
{
    const auto website = Core::WebsiteRepository(m_context.db).findById(websiteId);
    if (!website)
        throw ApiError::notFound(QStringLiteral("Website not found"));
    if (!principal.reachesTeam(website->teamId))
        throw ApiError::forbidden("WEBSITE_ACCESS_DENIED", QStringLiteral("Access denied to this website"));
    return *website;
}

} // namespace Server
