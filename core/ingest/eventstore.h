#pragma once

#include "core/analytics/visitorsketch.h"
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

// Applies batches of journaled events to the database on the writer thread's
// connection, one transaction per batch: the raw rows (id = journal sequence, so an
// event can never be stored twice), the rollups the analytics read, the session
// (visit) state, the ingest statistics and the last applied sequence.
//
// Sessions ("visits"): a session_id's events belong to one visit while they are less
// than 30 minutes apart; a later event starts a new visit. A visit counts in the
// bucket where it started; it is a bounce while it has exactly one pageview and no
// custom event. Its duration is the time from its first to its last event, summed per
// bucket of its start; its exit page is its latest pageview. Visitors are distinct visitor ids (VisitorIds; an event without one
// counts its session_id), kept as mergeable sketches per bucket.
class EventStore final
{
public:
    static constexpr qint64 VisitGapMs = 30 * 60'000;

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
    ~EventStore();
    Q_DISABLE_COPY_MOVE(EventStore)

    quint64 committedSeq() const;
    // One transaction. lastSeq is recorded as applied (>= every seq in events). On any
    // failure nothing is written, the in-memory caches are dropped, and StorageError is thrown.
    void apply(const std::vector<Queued> &events, const DropCounts &drops, quint64 lastSeq);
    // Forgets session state last seen before the given time (bounded table size).
    void pruneSessions(qint64 lastSeenBeforeMs);

private:
    struct Batch;
    struct Visit
    {
        qint64 start = 0;
        qint64 lastSeen = 0;
        qint64 pageviews = 0;
        qint64 events = 0;
        QString exitPath; // null: no pageview counted as its exit yet
        qint64 exitAt = 0;
    };
    struct BucketKey
    {
        QString websiteId;
        int granularity = 0;
        qint64 start = 0;
        friend bool operator==(const BucketKey &, const BucketKey &) = default;
        friend size_t qHash(const BucketKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.websiteId, k.granularity, k.start);
        }
    };

    void prepare();
    void applyOne(Batch &batch, const Queued &q);
    enum Statement { InsertEvents = 1, UpsertSessions = 2, FindSessions = 3 };
    static constexpr int RowsPerStatement = 32;
    // A prepared multi-row statement of the given kind for `rows` rows (cached).
    QSqlQuery &statement(Statement kind, int rows);
    static qsizetype chunkRows(qsizetype remaining);
    // Loads the stored state of every session of the batch that is not cached yet,
    // RowsPerStatement sessions per query.
    void preloadVisits(const std::vector<Queued> &events);
    Visit *visitFor(const QString &websiteId, const QString &sessionId, QString *key);
    VisitorSketch &sketchFor(const BucketKey &key);
    void writeBatch(const Batch &batch, const DropCounts &drops, quint64 lastSeq);
    void trimCaches(qint64 newestMs);

    const Database &m_db;
    bool m_prepared = false;
    QSqlQuery m_upsertBucket, m_upsertDimension, m_upsertStats, m_upsertKeyStats, m_findSketch, m_setSeq;
    QHash<int, QSqlQuery> m_statements; // kind * 1000 + rows
    QHash<QString, Visit> m_visits;     // "website\x1fsession"
    QHash<BucketKey, VisitorSketch> m_sketches;
};

} // namespace Core
