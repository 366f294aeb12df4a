#include "externalauth.h"

#include "server/appcontext.h"
#include "server/http/apierror.h"
#include "server/http/request.h"

#include "core/keys/apikeyformat.h"
#include "core/model/timeutil.h"

namespace Server {

namespace {

// Names the place that exists in this product (issue 15): the desktop app's keys page.
const QString CreateKeyHint = QStringLiteral(
    "Create a new key on the Personal API keys page of the Zenovay Admin app (or ask this server's "
    "administrator for one).");

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

ExternalAuth::ExternalAuth(AppContext &context, Core::KeyAuthCache &cache, Core::KeyBookkeeping &books)
    : m_authenticator(context.db, cache, books.usage(), context.clock)
{}

QString ExternalAuth::permissionName(quint8 flag)
{
    return Core::Permissions{flag}.names().join(QLatin1Char('+'));
}

// The one table from a refusal to its answer: status, code, message (the guide's).
ApiError ExternalAuth::refusal(const Core::KeyCheck &check, const Request &request, Core::Permissions needed)
{
    using R = Core::KeyRejection;
    const Core::KeyPrincipal *p = check.principal.get();
    switch (*check.rejection) {
    case R::Missing: {
        const QString where = misplacedKeyLocation(request);
        return ApiError::unauthorized(
            "API_KEY_NOT_FOUND",
            where.isEmpty() ? QStringLiteral("API key not found. Send your key in the X-API-Key header "
                                             "(X-API-Key: zv_...).")
                            : QStringLiteral("API key not found in the X-API-Key header: you sent it in %1. "
                                             "Send it as X-API-Key: zv_...")
                                  .arg(where));
    }
    case R::Malformed:
        return ApiError::unauthorized("INVALID_API_KEY",
                                      QStringLiteral("Invalid API key: keys start with zv_, and this one is "
                                                     "malformed: %1. Check you copied the full key.")
                                          .arg(shapeProblem(check.shape)));
    case R::Unknown:
        return ApiError::unauthorized(
            "INVALID_API_KEY", QStringLiteral("Invalid API key: keys start with zv_, and this key is not "
                                              "known to this server. ") +
                                   CreateKeyHint);
    case R::Revoked:
        return ApiError::unauthorized(
            "API_KEY_REVOKED",
            QStringLiteral("This API key was revoked at %1. ").arg(Core::Time::toIso(*p->key.revokedAt)) +
                CreateKeyHint);
    case R::OwnerDisabled:
        return ApiError::unauthorized("API_KEY_REVOKED",
                                      QStringLiteral("This API key no longer works: its owner's account is "
                                                     "disabled."));
    case R::Expired:
        return ApiError::unauthorized(
            "API_KEY_EXPIRED",
            QStringLiteral("This API key expired at %1. ").arg(Core::Time::toIso(*p->key.expiresAt)) +
                CreateKeyHint);
    case R::PaidPlanRequired:
        return ApiError::forbidden(
            "API_PAID_PLAN_REQUIRED",
            QStringLiteral("The Zenovay API requires a paid plan. Upgrade to Pro or higher "
                           "to use API keys."));
    case R::MonthlyQuotaExceeded:
        return ApiError::tooManyRequests(
            "MONTHLY_QUOTA_EXCEEDED",
            QStringLiteral(
                "Monthly quota exceeded: this key's %1 plan allows %2 requests per month. The quota "
                "resets at %3.")
                .arg(Core::planName(p->limits.plan))
                .arg(check.usage->monthLimit)
                .arg(Core::Time::toIso(check.usage->monthResetMs)),
            check.usage->retryAfterSeconds);
    case R::RateLimited:
        return ApiError::tooManyRequests(
            "RATE_LIMIT_EXCEEDED",
            QStringLiteral(
                "Rate limit exceeded: this key's %1 plan allows %2 requests per minute. Retry after %3 "
                "seconds.")
                .arg(Core::planName(p->limits.plan))
                .arg(check.usage->minuteLimit)
                .arg(check.usage->retryAfterSeconds),
            check.usage->retryAfterSeconds);
    case R::InsufficientPermission:
        return ApiError::forbidden(
            "INSUFFICIENT_PERMISSION",
            QStringLiteral("This API key lacks the '%1' permission needed for %2 %3.")
                .arg(permissionName(needed.bits), QString::fromLatin1(request.method), request.path));
    }
    Q_UNREACHABLE();
}

ExternalAuth::Principal ExternalAuth::authenticate(Request &request, quint8 needed)
{
    const Core::KeyCheck check = m_authenticator.check(request.header("X-API-Key").trimmed(), {needed});
    if (check.principal)
        request.apiKeyId = check.principal->key.id; // the key's books count what follows
    if (check.usage)
        addLimitHeaders(request, *check.usage, check.atMs);
    if (check.rejection)
        throw refusal(check, request, {needed});
    return check.principal;
}

RouteSpec ExternalAuth::route(const QByteArray &method, const QString &path, quint8 permission,
                              BodyClass body)
{
    return {method,         QStringLiteral("/api/external/v1") + path, Access::ApiKey, permission, body,
            RateClass::None};
}

void ExternalAuth::guard(Request &request, const RouteSpec &spec)
{
    request.caller = authenticate(request, spec.permission);
}

const Core::KeyPrincipal &ExternalAuth::principalOf(const Request &request)
{
    const Principal *principal = std::any_cast<Principal>(&request.caller);
    if (!principal || !*principal) // a handler of a route not declared with route()
        throw std::logic_error("the route has no key principal");
    return **principal;
}

Core::Website ExternalAuth::requireWebsite(const Core::KeyPrincipal &principal,
                                           const QString &websiteId) const
{
    Core::WebsiteCheck check = m_authenticator.website(principal, websiteId);
    if (!check.rejection)
        return std::move(*check.website);
    switch (*check.rejection) {
    case Core::WebsiteRejection::NotFound:
        throw ApiError::notFound(QStringLiteral("Website not found"));
    case Core::WebsiteRejection::AccessDenied:
        throw ApiError::forbidden("WEBSITE_ACCESS_DENIED", QStringLiteral("Access denied to this website"));
    }
    Q_UNREACHABLE();
}

} // namespace Server
