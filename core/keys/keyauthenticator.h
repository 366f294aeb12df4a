#pragma once

#include "apikeyformat.h"
#include "keyauthcache.h"
#include "usagetracker.h"

#include "core/model/domain.h"

#include <QByteArrayView>

#include <memory>
#include <optional>

namespace Core {

class Clock;
class Database;

// Why a request made with a personal API key is refused, in the order the guide checks
// (api-contract section 2). The HTTP layer maps each to its status, code, message and
// headers in one table (server/external/externalauth.cpp).
enum class KeyRejection {
    Missing,                // no key presented
    Malformed,              // not a key's shape: KeyCheck::shape says what is wrong
    Unknown,                // well-formed, but no such key
    Revoked,                // revoked by its user or an admin
    OwnerDisabled,          // its user's account is disabled
    Expired,                // past its expiry time
    PaidPlanRequired,       // its billing team is on the free plan (or gone)
    MonthlyQuotaExceeded,   // KeyCheck::usage has the numbers
    RateLimited,            // KeyCheck::usage has the numbers
    InsufficientPermission, // lacks the permission the route needs
};

// The outcome of checking one request's key. From Unknown on, principal is the key's
// (what it may reach, its plan); from the quota check on, usage holds the numbers that go
// into the rate-limit headers of every answer, refusals included.
struct KeyCheck
{
    std::optional<KeyRejection> rejection; // empty: allowed
    ApiKeyFormat::Shape shape = ApiKeyFormat::Shape::Ok;
    std::shared_ptr<const KeyPrincipal> principal;
    std::optional<UsageTracker::Decision> usage;
    qint64 atMs = 0; // the time the check was made at (the headers' reset times count from it)

    bool allowed() const { return !rejection; }
};

enum class WebsiteRejection {
    NotFound,     // no such website
    AccessDenied, // outside the key's team access, or its user left the team
};

struct WebsiteCheck
{
    std::optional<Website> website; // set when allowed
    std::optional<WebsiteRejection> rejection;
};

// Who may do what with a key: the rule, without HTTP. A request that passes counts
// toward the key's per-minute and monthly windows; one refused before the quota check
// does not count.
class KeyAuthenticator final
{
public:
    KeyAuthenticator(const Database &db, KeyAuthCache &cache, UsageTracker &usage, const Clock &clock)
        : m_db(db), m_cache(cache), m_usage(usage), m_clock(clock)
    {}

    // presentedKey: the X-API-Key value, trimmed. needed: the route's permission (empty:
    // any valid key of a paid plan).
    KeyCheck check(QByteArrayView presentedKey, Permissions needed);

    // A website the key may act on: it exists, and its team is inside the key's team
    // access with the key's user a current member.
    WebsiteCheck website(const KeyPrincipal &principal, const QString &websiteId) const;

private:
    const Database &m_db;
    KeyAuthCache &m_cache;
    UsageTracker &m_usage;
    const Clock &m_clock;
};

} // namespace Core
