// Query-parameter parsing: the request target's query as QHttpServer hands it over
// (QUrl::fromEncoded, then QUrlQuery) -> Server::Params (page, per_page and the bounded
// integers of the key reports) and Core::AnalyticsService::parseQuery (from, to,
// interval) and parseFilters (page, referrer, country, ...). Accepted values must lie within their bounds and equal what an independent
// reading of the decoded text gives; everything else must be a 400 naming the parameter.
#include "fuzzsupport.h"

#include "server/http/apierror.h"
#include "server/http/params.h"

#include "core/analytics/analyticsservice.h"
#include "core/model/serviceerror.h"

#include <QUrl>

#include <limits>

namespace {
constexpr qint64 Now = 1781352000000; // 2026-06-13T12:00:00Z

// Plain decimal ASCII ("-12", "007"), as the API documents whole numbers.
std::optional<qint64> referenceInt(const QString &text)
{
    qsizetype i = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    const bool negative = i == 1;
    quint64 magnitude = 0;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        if (magnitude > (quint64(std::numeric_limits<qint64>::max()) + 1 - (c - u'0')) / 10)
            return std::nullopt;
        magnitude = magnitude * 10 + (c - u'0');
    }
    if (!negative && magnitude > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return negative ? qint64(0 - magnitude) : qint64(magnitude);
}

void checkInt(const QUrlQuery &query, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    const std::optional<qint64> expected =
        query.hasQueryItem(name) ? referenceInt(query.queryItemValue(name, QUrl::FullyDecoded)) : fallback;
    try {
        const qint64 v = Server::Params::queryInt(query, name, fallback, min, max);
        FUZZ_CHECK(v >= min && v <= max);
        FUZZ_CHECK(expected && *expected == v);
    } catch (const Server::ApiError &e) {
        FUZZ_CHECK(e.status == 400);
        FUZZ_CHECK(!expected || *expected < min || *expected > max);
    }
}

void checkAnalytics(const QUrlQuery &query)
{
    const auto value = [&](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString from = value("from"), to = value("to"), interval = value("interval");
    try {
        const auto q = Core::AnalyticsService::parseQuery(from, to, interval, Now);
        FUZZ_CHECK(q.from.isValid() && q.to.isValid() && q.from <= q.to);
        const qint64 days = q.from.daysTo(q.to) + 1;
        FUZZ_CHECK(days <= (q.interval == Core::Granularity::Hour ? Core::AnalyticsService::MaxHourRangeDays
                                                                  : Core::AnalyticsService::MaxDayRangeDays));
        // A given date is read back exactly as written: YYYY-MM-DD in ASCII digits.
        FUZZ_CHECK(from.isEmpty() || q.from.toString(Qt::ISODate) == from);
        FUZZ_CHECK(to.isEmpty() || q.to.toString(Qt::ISODate) == to);
    } catch (const Core::ServiceError &e) {
        FUZZ_CHECK(e.kind() == Core::ServiceError::Kind::InvalidArgument);
    }
}

// Filters: accepted ones are exactly the filter parameters given, once each, with their
// decoded values; a filter given twice, empty or too long is a 400 naming it.
void checkFilters(const QUrlQuery &query)
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QHash<QString, QStringList> given;
    for (const auto &[name, value] : items) {
        for (const Core::Dimension d : Core::FilterDimensions)
            if (name == Core::filterName(d))
                given[name].append(value);
    }
    bool valid = true;
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        valid = valid && it.value().size() == 1 && !it.value().first().isEmpty() &&
                it.value().first().size() <= Core::AnalyticsService::MaxFilterValueLength;
    try {
        const auto filters = Core::AnalyticsService::parseFilters(items);
        FUZZ_CHECK(valid);
        FUZZ_CHECK(filters.size() == given.size());
        for (const auto &f : filters)
            FUZZ_CHECK(given.value(Core::filterName(f.dimension)) == QStringList{f.value});
    } catch (const Core::ServiceError &e) {
        FUZZ_CHECK(!valid);
        FUZZ_CHECK(given.contains(e.details().value(QStringLiteral("parameter"))));
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QUrl url = QUrl::fromEncoded("/api/v1/keys/k1/hourly?" + FuzzSupport::bytes(data, size));
    const QUrlQuery query(url);
    try {
        const Server::Params::Page page = Server::Params::page(query);
        FUZZ_CHECK(page.page >= 1 && page.page <= 1'000'000 && page.perPage >= 1 && page.perPage <= 100);
        FUZZ_CHECK(page.offset() >= 0);
    } catch (const Server::ApiError &e) {
        FUZZ_CHECK(e.status == 400);
    }
    checkInt(query, QStringLiteral("page"), 1, 1, 1'000'000);
    checkInt(query, QStringLiteral("per_page"), 50, 1, 100);
    checkInt(query, QStringLiteral("hours"), 48, 1, 24 * 31);
    checkInt(query, QStringLiteral("minutes"), 120, 1, 48 * 60);
    checkInt(query, QStringLiteral("limit"), 50, 1, 200);
    checkAnalytics(query);
    checkFilters(query);
    return 0;
}
