#pragma once

#include "core/analytics/visitorsketch.h"
#include "core/model/timeutil.h"
#include "trackedevent.h"

#include <QHash>
#include <QSqlQuery>

#include <memory>
#include <vector>

namespace Core {

class Database;

// Rollup granularities and dimensions as stored in rollup_buckets / rollup_dimensions.
enum class Granularity : int { Hour = 0, Day = 1 };
// EntryPage: a visit's first pageview; Utm*: the utm_* query parameters of a pageview's
// URL; Event: a custom event's name; ExitPage: a visit's last pageview, counted on the
// day the visit started; Country: visits by the country of their first event (when it
// has one). Events stored before these dimensions existed are counted in the
// first five only.
enum class Dimension : int {
    Page = 0,
    Referrer = 1,
    Browser = 2,
    Os = 3,
    Device = 4,
    EntryPage = 5,
    UtmSource = 6,
    UtmMedium = 7,
    UtmCampaign = 8,
    Event = 9,
    ExitPage = 10,
    Country = 11,
};
inline constexpr int DimensionCount = 12;

// The spans of rollup_dimension_spans, in days: each holds the sums of rollup_dimensions'
// day rows over a span of that many UTC days aligned to the epoch (its first day's number
// since 1970-01-01 is a multiple of its length). A report reads a range as a few spans plus
// single days (dimensionPieces).
inline constexpr int DimensionSpanDays[] = {2, 4, 8, 16, 32, 64, 128};
// The start (ms) of the span of spanDays days that contains dayStartMs (rounded down, so
// days before 1970 too).
inline qint64 dimensionSpanStart(qint64 dayStartMs, int spanDays)
{
    return Time::floorTo(dayStartMs, qint64(spanDays) * 86'400'000);
}

// The dimensions a report can be filtered by (api-contract section 9), in the order of
// their query parameters. An event carries at most one value of each (FilterValues).
inline constexpr Dimension FilterDimensions[] = {
    Dimension::Page,      Dimension::Referrer,  Dimension::Country,     Dimension::Browser, Dimension::Os,
    Dimension::Device,    Dimension::UtmSource, Dimension::UtmMedium,   Dimension::UtmCampaign,
    Dimension::Event};
// The query parameter (and CSV dimension) of a filterable dimension: "page", "referrer",
// "country", "browser", "os", "device", "utm_source", "utm_medium", "utm_campaign",
// "event"; empty for the others.
QLatin1String filterName(Dimension dimension);

// An event's value for each filterable dimension, indexed by Dimension (empty: none):
// page = its path; referrer = the lower-cased host of its referrer when that is not the
// page's own host; browser, os, device, country as stored; utm_* = the parameters of its
// URL's query (form-decoded, trimmed, at most 200 characters); event = a custom event's
// name. The same values make the top lists, so a list's row is a filter's value.
struct FilterValues
{
    QString values[DimensionCount];
    const QString &operator[](Dimension d) const { return values[int(d)]; }
};
FilterValues filterValuesOf(const TrackedEvent &event);

// Applies batches of journaled events to the database on the writer thread's
// connection, one transaction per batch: the raw rows (id = journal sequence, so an
// event can never be stored twice), the rollups the analytics read, the session
// (visit) state, the ingest statistics and the last applied sequence.
//
// Sessions ("visits"): a session_id's events belong to one visit while they are less
// than 30 minutes apart; a later event starts a new visit. A visit counts in the
// bucket where it started; it is a bounce while it has exactly one pageview and no
// custom event. Its duration is the time from its first to its last event, summed per
// bucket of its start; its exit page is its latest pageview. Visitors are distinct visitor
// ids (VisitorIds; an event without one counts its session_id), kept as mergeable
// sketches per bucket.
//
// Filtered rollups: for each value an event carries (FilterValues), the same rollups are
// kept over just the events carrying that value (filtered_buckets / filtered_dimensions),
// with visits of their own: a filtered visit is a run of a session's matching events less
// than 30 minutes apart. So a filtered report is exactly the report of the matching
// events alone (for events applied in time order).
class EventStore final
{
public:
    static constexpr qint64 VisitGapMs = 30 * 60'000;

    struct Options
    {
        bool storeEvents = true; // the raw rows (off: rollups only, for a replay)
        bool filters = true;     // the filtered rollups
    };

    struct Queued
    {
        quint64 seq = 0;
        TrackedEvent event;
    };
    // Dropped (not stored) events: website, reason, hour -> count.
    struct DropKey
    {
        QString websiteId;
        QString reason;
        qint64 hourStart = 0;
        friend bool operator==(const DropKey &, const DropKey &) = default;
        friend size_t qHash(const DropKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.websiteId, k.reason, k.hourStart);
        }
    };
    using DropCounts = QHash<DropKey, qint64>;

    explicit EventStore(const Database &db);
    EventStore(const Database &db, Options options);
    ~EventStore();
    Q_DISABLE_COPY_MOVE(EventStore)

    quint64 committedSeq() const;
    // One transaction. lastSeq is recorded as applied (>= every seq in events). On any
    // failure nothing is written, the in-memory caches are dropped, and StorageError is thrown.
    void apply(const std::vector<Queued> &events, const DropCounts &drops, quint64 lastSeq);
    // Forgets session state last seen before the given time (bounded table size).
    void pruneSessions(qint64 lastSeenBeforeMs);

    struct VisitState
    {
        bool open = false; // false: no visit yet
        qint64 start = 0;
        qint64 lastSeen = 0;
        qint64 pageviews = 0;
        qint64 events = 0;
        QString exitPath; // null: no pageview counted as its exit yet
        qint64 exitAt = 0;
        friend bool operator==(const VisitState &, const VisitState &) = default;
    };
    // A rollup scope: all events (filter -1), or those carrying one filter value.
    struct Scope
    {
        int filter = -1;
        QString value;
        friend bool operator==(const Scope &, const Scope &) = default;
        friend size_t qHash(const Scope &s, size_t seed = 0) { return qHashMulti(seed, s.filter, s.value); }
    };
    // A session's filtered visits: a few per visit (one per value its events carry), kept
    // in a plain vector (a QHash's first allocation alone is ~5 KiB per visit).
    struct FilteredVisit
    {
        Scope scope;
        VisitState state;
        friend bool operator==(const FilteredVisit &, const FilteredVisit &) = default;
    };
    using FilteredVisits = std::vector<FilteredVisit>;
    // session_state.filtered: a session's filtered visits, in order. Empty bytes for none;
    // bytes that do not read completely give none (the visits start afresh), never half a
    // state.
    static QByteArray filteredToBytes(const FilteredVisits &filtered);
    static FilteredVisits filteredFromBytes(const QByteArray &bytes);

private:
    struct Batch;
    struct Visit
    {
        VisitState all;
        FilteredVisits filtered; // of the current visit's events (cleared with it)
    };
    struct BucketKey
    {
        QString websiteId;
        int granularity = 0;
        qint64 start = 0;
        Scope scope;
        friend bool operator==(const BucketKey &, const BucketKey &) = default;
        friend size_t qHash(const BucketKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.websiteId, k.granularity, k.start, k.scope);
        }
    };
    struct Derived;

    void prepare();
    void applyOne(Batch &batch, const Queued &q);
    // Counts one event in one scope; returns true when it started a new visit there.
    bool count(Batch &batch, const TrackedEvent &e, const Derived &d, const Scope &scope, VisitState &visit);
    enum Statement { InsertEvents = 1, UpsertSessions = 2, FindSessions = 3 };
    static constexpr int RowsPerStatement = 32;
    static constexpr qsizetype MaxCachedVisits = 25'000;
    // A prepared multi-row statement of the given kind for `rows` rows (cached).
    QSqlQuery &statement(Statement kind, int rows);
    static qsizetype chunkRows(qsizetype remaining);
    // Loads the stored state of every session of the batch that is not cached yet,
    // RowsPerStatement sessions per query.
    void preloadVisits(const std::vector<Queued> &events);
    VisitorSketch &sketchFor(const BucketKey &key);
    void writeBatch(const Batch &batch, const DropCounts &drops, quint64 lastSeq);
    void trimCaches(qint64 newestMs);

    const Database &m_db;
    const Options m_options;
    bool m_prepared = false;
    QSqlQuery m_upsertBucket, m_upsertDimension, m_upsertDimensionSpan, m_upsertStats, m_upsertKeyStats,
        m_findSketch, m_setSeq;
    QSqlQuery m_upsertFilteredBucket, m_upsertFilteredDimension, m_findFilteredSketch;
    QHash<int, QSqlQuery> m_statements; // kind * 1000 + rows
    QHash<QString, Visit> m_visits;     // "website\x1fsession"
    QHash<BucketKey, VisitorSketch> m_sketches;
};

} // namespace Core
