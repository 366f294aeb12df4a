#pragma once

#include "core/ingest/eventstore.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Core {

class Database;

// The analytics of one website over whole UTC days, answered from the rollups the
// writer maintains (never from raw events): a 30-day question reads 30 day rows, 30
// sketches and the top lists' rows of a few spans and single days (dimensionPieces),
// whatever the event volume.
class AnalyticsService final
{
public:
    static constexpr qint64 MaxDayRangeDays = 366;
    static constexpr qint64 MaxHourRangeDays = 31;
    static constexpr int TopN = 10;

    // Filters (api-contract section 9): a report of only the events that carry the value
    // (FilterValues), as if no other events had been sent; several are combined with AND.
    // One filter is read from the filtered rollups; several are worked out from the stored
    // events of the range (and a day either side, for the visits crossing its edges), so
    // at most MaxCombinedRangeDays (compare=previous's range comes on top).
    struct Filter
    {
        Dimension dimension = Dimension::Page;
        QString value;
        friend bool operator==(const Filter &, const Filter &) = default;
    };
    static constexpr qint64 MaxCombinedRangeDays = 92;
    static constexpr qsizetype MaxFilterValueLength = 2048;

    struct Query
    {
        QDate from;
        QDate to; // inclusive
        Granularity interval = Granularity::Day;
        // compare=previous: also the totals of the range of equal length just before.
        bool comparePrevious = false;
        QList<Filter> filters; // in FilterDimensions' order, one per dimension
    };
    struct Bucket
    {
        qint64 start = 0;
        qint64 pageviews = 0;
        qint64 visitors = 0;
        qint64 sessions = 0;
        qint64 events = 0;
    };
    struct Count
    {
        QString value;
        qint64 count = 0;
    };
    struct Totals
    {
        qint64 pageviews = 0, visitors = 0, sessions = 0, events = 0, bounces = 0;
        double bounceRate = 0;  // percent of sessions, 0..100
        qint64 durationMs = 0;  // summed over the sessions
        qint64 visitDuration = 0; // mean seconds per session, rounded
    };
    struct Report
    {
        QString websiteId;
        Query query;
        Totals totals;
        QList<Bucket> timeseries;
        QList<Count> pages, referrers, browsers, os, devices;
        QList<Count> entryPages, utmSources, utmMediums, utmCampaigns, eventNames, exitPages, countries;
        // With comparePrevious: the range [from - n days, from - 1 day], n = the range's days.
        std::optional<Totals> previous;
        QDate previousFrom, previousTo;
        // One filter, over a range starting before the filtered rollups did (an upgraded
        // installation): when they began, ms. 0 otherwise (several filters replay the
        // stored events, which go back further).
        qint64 filtersSince = 0;
    };

    // GET .../realtime: the last minutes of one website, read from the raw events (a few
    // thousand rows at most, by the (website_id, occurred_at) index).
    static constexpr int RealtimeMinutes = 30;
    static constexpr int RealtimeVisitorMinutes = 5;
    struct Realtime
    {
        QString websiteId;
        qint64 at = 0;                     // now, when it was read
        qint64 visitors = 0;               // distinct visitors in the last 5 minutes
        QList<qint64> pageviewsPerMinute;  // the last 30 whole minutes and this one, oldest first
        QList<Count> pages;                // top pages of the last 5 minutes
        QList<Filter> filters;             // only the events that carry these values
    };

    // GET .../analytics/{websiteId}/event-properties?name=: one custom event's properties
    // over whole UTC days, read from the stored events (so at most MaxPropertyRangeDays).
    static constexpr qint64 MaxPropertyRangeDays = 92;
    static constexpr int MaxPropertyKeys = 25;
    struct PropertyValues
    {
        QString key;
        qint64 events = 0;   // events of the name that carry the key
        QList<Count> values; // the TopN most frequent, by count then value
    };
    struct EventProperties
    {
        QString websiteId;
        QString name;
        QDate from, to;
        qint64 events = 0; // events of the name in the range
        QList<PropertyValues> properties; // the MaxPropertyKeys most frequent keys
    };

    explicit AnalyticsService(const Database &db) : m_db(db) {}

    // Validates from/to/interval as given in a query string (empty = absent: to defaults
    // to today, from to 29 days before to, interval to day). Throws ServiceError
    // InvalidArgument (INVALID_PARAMETER, details.parameter names it).
    static Query parseQuery(const QString &from, const QString &to, const QString &interval, qint64 nowMs);
    // compare= as given: empty (no comparison) or "previous". Throws as parseQuery does.
    static bool parseCompare(const QString &compare);
    // The filter parameters among a query string's (decoded) items; other items are not
    // looked at. A filter given twice, empty, or longer than MaxFilterValueLength throws
    // INVALID_PARAMETER naming it.
    static QList<Filter> parseFilters(const QList<std::pair<QString, QString>> &items);

    // GET .../analytics/{websiteId}/export: one CSV row per day and filterable dimension
    // value (date,dimension,value,visitors,pageviews), read from the filtered rollups, by
    // date, then dimension in FilterDimensions' order, then visitors (most first) and
    // value. Cells that a spreadsheet would run as a formula are prefixed with '.
    QByteArray exportCsv(const QString &websiteId, const QDate &from, const QDate &to) const;

    Report report(const QString &websiteId, const Query &query) const;

    // How the top lists of the days [beginMs, endMs) are read: the fewest pieces, each
    // either one span of rollup_dimension_spans (DimensionSpanDays, aligned) or a single
    // day of rollup_dimensions, in order, covering the range exactly. A 30-day range is
    // typically 4 to 8 pieces; 366 days at most 14.
    struct DimensionPiece
    {
        int spanDays = 1; // 1: a day row of rollup_dimensions
        qint64 start = 0; // ms, a UTC day start
        friend bool operator==(const DimensionPiece &, const DimensionPiece &) = default;
    };
    static QList<DimensionPiece> dimensionPieces(qint64 beginMs, qint64 endMs);
    static QJsonObject toJson(const Report &report);
    // With filters (parseFilters): only the events carrying every value, as a report.
    Realtime realtime(const QString &websiteId, qint64 nowMs, const QList<Filter> &filters = {}) const;
    static QJsonObject toJson(const Realtime &realtime);
    // name: required, 1..100 characters; the range at most MaxPropertyRangeDays (both
    // INVALID_PARAMETER naming the parameter). A value is the property's JSON text for
    // numbers, booleans and null, the string itself for strings.
    EventProperties eventProperties(const QString &websiteId, const QString &name, const Query &query) const;
    static QJsonObject toJson(const EventProperties &properties);

private:
    // Sums the buckets of [begin, end) at the granularity; fills `series` (pre-made buckets
    // from `begin` on, one per step) when given. With a filter: its filtered rollups.
    Totals totals(const QString &websiteId, const Filter *filter, qint64 begin, qint64 end,
                  Granularity granularity, QList<Bucket> *series) const;
    // Several filters: the report of the matching stored events, replayed through the
    // writer's own rollup code into a private in-memory database.
    Report combinedReport(const QString &websiteId, const Query &query) const;

    const Database &m_db;
};

} // namespace Core
