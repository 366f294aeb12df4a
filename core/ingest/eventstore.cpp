#include "eventstore.h"

#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/storageerror.h"

#include <QUrl>
#include <QUrlQuery>
#include <QVarLengthArray>

namespace Core {

namespace {
// A utm_* value longer than this is cut (as a page path is by the validator).
constexpr qsizetype MaxUtmLength = 200;

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

struct Counters
{
    qint64 pageviews = 0;
    qint64 events = 0;
    qint64 sessions = 0;
    qint64 bounces = 0;
    qint64 durationMs = 0;
    bool sketchDirty = false;
};

struct DimKey
{
    QString websiteId;
    qint64 day = 0;
    int dimension = 0;
    QString value;
    int filter = -1; // the scope (EventStore::Scope)
    QString filterValue;
    friend bool operator==(const DimKey &, const DimKey &) = default;
    friend size_t qHash(const DimKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.websiteId, k.day, k.dimension, k.value, k.filter, k.filterValue);
    }
};

// A row of rollup_dimension_spans.
struct SpanKey
{
    QString websiteId;
    int spanDays = 0;
    qint64 start = 0;
    int dimension = 0;
    QString value;
    friend bool operator==(const SpanKey &, const SpanKey &) = default;
    friend size_t qHash(const SpanKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.websiteId, k.spanDays, k.start, k.dimension, k.value);
    }
};

// The host of a validated absolute http(s) URL as written, without QUrl's full parse:
// "https://user@News.Example.org:8443/x" -> "News.Example.org".
QStringView hostIn(QStringView url)
{
    qsizetype scheme = 0; // url.indexOf("://"), without converting the needle
    while (scheme + 2 < url.size() &&
           (url[scheme] != u':' || url[scheme + 1] != u'/' || url[scheme + 2] != u'/'))
        ++scheme;
    if (scheme + 2 >= url.size())
        return {};
    qsizetype begin = scheme + 3;
    qsizetype end = begin;
    while (end < url.size() && url[end] != u'/' && url[end] != u'?' && url[end] != u'#')
        ++end;
    const qsizetype at = url.lastIndexOf(u'@', end - 1);
    if (at >= begin)
        begin = at + 1;
    QStringView host = url.sliced(begin, end - begin);
    if (host.startsWith(u'[')) { // IPv6 literal
        const qsizetype close = host.indexOf(u']');
        return close > 0 ? host.first(close + 1) : QStringView();
    }
    const qsizetype colon = host.indexOf(u':');
    if (colon >= 0)
        host = host.first(colon);
    return host;
}

bool isAscii(QStringView s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

// a.toLower() == b.toLower(), without allocating in the usual (ASCII) case.
bool equalLowerCased(QStringView a, QStringView b)
{
    if (a == b)
        return true;
    if (isAscii(a) && isAscii(b))
        return a.compare(b, Qt::CaseInsensitive) == 0;
    return a.toString().toLower() == b.toString().toLower();
}

// VisitorSketch::hashOf(sessionId.toUtf8()), without the allocation for ASCII ids.
quint64 sessionHash(const QString &sessionId)
{
    if (!isAscii(sessionId))
        return VisitorSketch::hashOf(sessionId.toUtf8());
    QVarLengthArray<char, 256> bytes(sessionId.size());
    for (qsizetype i = 0; i < sessionId.size(); ++i)
        bytes[i] = char(sessionId.at(i).unicode());
    return VisitorSketch::hashOf(QByteArrayView(bytes.constData(), bytes.size()));
}

bool isBounce(qint64 pageviews, qint64 events)
{
    return pageviews == 1 && events == 0;
}

// session_state.filtered: version, count, then per filtered visit its scope and state.
constexpr quint8 FilteredFormat = 1;
} // namespace

QLatin1String filterName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Page:
        return QLatin1String("page");
    case Dimension::Referrer:
        return QLatin1String("referrer");
    case Dimension::Browser:
        return QLatin1String("browser");
    case Dimension::Os:
        return QLatin1String("os");
    case Dimension::Device:
        return QLatin1String("device");
    case Dimension::UtmSource:
        return QLatin1String("utm_source");
    case Dimension::UtmMedium:
        return QLatin1String("utm_medium");
    case Dimension::UtmCampaign:
        return QLatin1String("utm_campaign");
    case Dimension::Event:
        return QLatin1String("event");
    case Dimension::Country:
        return QLatin1String("country");
    case Dimension::EntryPage:
    case Dimension::ExitPage:
        break;
    }
    return {};
}

FilterValues filterValuesOf(const TrackedEvent &e)
{
    FilterValues out;
    const auto set = [&out](Dimension d, const QString &value) { out.values[int(d)] = value; };
    set(Dimension::Page, e.path);
    set(Dimension::Browser, e.browser);
    set(Dimension::Os, e.os);
    set(Dimension::Device, e.deviceType);
    set(Dimension::Country, e.country);
    if (e.type != TrackedEvent::Type::Pageview)
        set(Dimension::Event, e.name);
    if (!e.referrer.isEmpty()) {
        const QStringView refHost = hostIn(e.referrer);
        if (!refHost.isEmpty() && !equalLowerCased(refHost, hostIn(e.url)))
            set(Dimension::Referrer, refHost.toString().toLower());
    }
    if (e.url.contains(QLatin1String("utm_"))) {
        const QUrlQuery query(QUrl(e.url).query(QUrl::FullyEncoded));
        constexpr std::pair<Dimension, QLatin1String> Utm[] = {
            {Dimension::UtmSource, QLatin1String("utm_source")},
            {Dimension::UtmMedium, QLatin1String("utm_medium")},
            {Dimension::UtmCampaign, QLatin1String("utm_campaign")}};
        for (const auto &[dimension, name] : Utm) {
            // A '+' in a query is a space (form encoding); "%2B" is a plus.
            QString value = QUrl::fromPercentEncoding(
                                query.queryItemValue(name, QUrl::FullyEncoded).replace(u'+', u' ').toUtf8())
                                .trimmed();
            if (value.size() > MaxUtmLength)
                value.truncate(value.at(MaxUtmLength - 1).isHighSurrogate() ? MaxUtmLength - 1 : MaxUtmLength);
            set(dimension, value);
        }
    }
    return out;
}

// What one event contributes in every scope, worked out once.
struct EventStore::Derived
{
    FilterValues values;
    quint64 visitorHash = 0;
};

struct EventStore::Batch
{
    QHash<BucketKey, Counters> buckets;
    QHash<DimKey, qint64> dimensions;
    std::vector<const Queued *> rows; // events to insert
    QSet<QString> sessions;           // visit keys touched
    QHash<DropKey, qint64> accepted;
    QHash<QPair<QString, qint64>, qint64> keyAccepted;
    qint64 newest = 0;
};

EventStore::EventStore(const Database &db) : EventStore(db, Options()) {}
EventStore::EventStore(const Database &db, Options options) : m_db(db), m_options(options) {}
EventStore::~EventStore() = default;

void EventStore::prepare()
{
    if (m_prepared)
        return;
    // The writer's commits are the durability point once the journal is released, so
    // they are synced (WAL + FULL: one fsync per batch, not per event).
    Core::Statement pragma = m_db.prepare(QStringLiteral("PRAGMA synchronous=FULL"));
    exec(pragma);
    // The rollups a batch touches (filtered ones included) stay in the page cache rather
    // than being read back from the file for every batch.
    Core::Statement cache = m_db.prepare(QStringLiteral("PRAGMA cache_size=-16384"));
    exec(cache);
    m_upsertBucket = m_db.prepareUncached(
        QStringLiteral("INSERT INTO rollup_buckets (website_id, granularity, bucket_start, "
                       "pageviews, events, sessions, bounces, duration_ms, "
                       "visitors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (website_id, "
                       "granularity, bucket_start) DO UPDATE SET "
                       "pageviews = rollup_buckets.pageviews + excluded.pageviews, events = "
                       "rollup_buckets.events + excluded.events, "
                       "sessions = rollup_buckets.sessions + excluded.sessions, bounces = "
                       "rollup_buckets.bounces + excluded.bounces, "
                       "duration_ms = rollup_buckets.duration_ms + excluded.duration_ms, "
                       "visitors = COALESCE(excluded.visitors, rollup_buckets.visitors)"));
    m_upsertDimension = m_db.prepareUncached(QStringLiteral(
        "INSERT INTO rollup_dimensions (website_id, day, dimension, value, count) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (website_id, day, dimension, value) DO UPDATE SET count = rollup_dimensions.count + "
        "excluded.count"));
    m_upsertDimensionSpan = m_db.prepareUncached(QStringLiteral(
        "INSERT INTO rollup_dimension_spans (website_id, span_days, start, dimension, value, count) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (website_id, span_days, start, dimension, value) "
        "DO UPDATE SET count = rollup_dimension_spans.count + excluded.count"));
    m_upsertStats = m_db.prepareUncached(QStringLiteral(
        "INSERT INTO ingest_stats (website_id, hour_start, outcome, count) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (website_id, hour_start, outcome) DO UPDATE SET count = ingest_stats.count + "
        "excluded.count"));
    m_upsertKeyStats = m_db.prepareUncached(
        QStringLiteral("INSERT INTO key_ingest_stats (key_id, hour_start, accepted) VALUES (?, ?, ?) "
                       "ON CONFLICT (key_id, hour_start) DO UPDATE SET accepted = key_ingest_stats.accepted "
                       "+ excluded.accepted"));
    m_findSketch = m_db.prepareUncached(QStringLiteral(
        "SELECT visitors FROM rollup_buckets WHERE website_id = ? AND granularity = ? AND bucket_start = ?"));
    m_upsertFilteredBucket = m_db.prepareUncached(QStringLiteral(
        "INSERT INTO filtered_buckets (website_id, granularity, bucket_start, pageviews, events, sessions, "
        "bounces, duration_ms, visitors, filter, filter_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (website_id, filter, filter_value, granularity, bucket_start) DO UPDATE SET "
        "pageviews = filtered_buckets.pageviews + excluded.pageviews, "
        "events = filtered_buckets.events + excluded.events, "
        "sessions = filtered_buckets.sessions + excluded.sessions, "
        "bounces = filtered_buckets.bounces + excluded.bounces, "
        "duration_ms = filtered_buckets.duration_ms + excluded.duration_ms, "
        "visitors = COALESCE(excluded.visitors, filtered_buckets.visitors)"));
    m_upsertFilteredDimension = m_db.prepareUncached(QStringLiteral(
        "INSERT INTO filtered_dimensions (website_id, day, dimension, value, count, filter, filter_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (website_id, filter, filter_value, day, dimension, value) "
        "DO UPDATE SET count = filtered_dimensions.count + excluded.count"));
    m_findFilteredSketch = m_db.prepareUncached(
        QStringLiteral("SELECT visitors FROM filtered_buckets WHERE website_id = ? AND granularity = ? AND "
                       "bucket_start = ? AND filter = ? AND filter_value = ?"));
    m_setSeq = m_db.prepareUncached(QStringLiteral("UPDATE ingest_state SET last_seq = ? WHERE id = 1"));
    m_prepared = true;
}

quint64 EventStore::committedSeq() const
{
    Core::Statement q = m_db.prepare(QStringLiteral("SELECT last_seq FROM ingest_state WHERE id = 1"));
    exec(q);
    return q.next() ? q.value(0).toULongLong() : 0;
}

// Rows for the next multi-row statement: a power of two up to RowsPerStatement, so a
// statement kind has at most log2(RowsPerStatement) + 1 shapes to prepare, whatever the
// batch sizes are (a tail of 27 rows is 16 + 8 + 2 + 1, not a 27-row statement of its own).
qsizetype EventStore::chunkRows(qsizetype remaining)
{
    qsizetype n = RowsPerStatement;
    while (n > remaining)
        n /= 2;
    return n;
}

QSqlQuery &EventStore::statement(Statement kind, int rows)
{
    const int id = int(kind) * 1000 + rows;
    auto it = m_statements.find(id);
    if (it != m_statements.end())
        return it.value();
    const auto values = [rows](int columns) {
        QString one = QStringLiteral("(?");
        for (int c = 1; c < columns; ++c)
            one += QStringLiteral(", ?");
        one += QLatin1Char(')');
        QString all = one;
        for (int r = 1; r < rows; ++r)
            all += QStringLiteral(", ") + one;
        return all;
    };
    QString sql;
    switch (kind) {
    case InsertEvents:
        sql = QStringLiteral(
                  "INSERT INTO events (id, website_id, event_type, name, url, path, referrer, session_id, "
                  "user_agent, device_type, browser, os, props, occurred_at, received_at, key_id, visitor_id, "
                  "country) VALUES ") +
              values(18);
        break;
    case UpsertSessions:
        sql = QStringLiteral(
                  "INSERT INTO session_state (website_id, session_id, visit_start, last_seen, pageviews, "
                  "events, exit_path, exit_at, filtered) VALUES ") +
              values(9) +
              QStringLiteral(
                  " ON CONFLICT (website_id, session_id) DO UPDATE SET visit_start = "
                  "excluded.visit_start, last_seen = excluded.last_seen, pageviews = excluded.pageviews, "
                  "events = excluded.events, exit_path = excluded.exit_path, exit_at = excluded.exit_at, "
                  "filtered = excluded.filtered");
        break;
    case FindSessions:
        sql =
            QStringLiteral("SELECT session_id, visit_start, last_seen, pageviews, events, exit_path, exit_at, "
                           "filtered FROM session_state "
                           "WHERE website_id = ? AND session_id IN ") +
            QStringLiteral("(?") + QStringLiteral(", ?").repeated(rows - 1) + QLatin1Char(')');
        break;
    }
    return m_statements.insert(id, m_db.prepareUncached(sql)).value();
}

void EventStore::preloadVisits(const std::vector<Queued> &events)
{
    QHash<QString, QStringList> missing; // website -> session ids
    QSet<QString> seen;
    for (const Queued &q : events) {
        const QString key = q.event.websiteId + QChar(0x1f) + q.event.sessionId;
        if (m_visits.contains(key) || seen.contains(key))
            continue;
        seen.insert(key);
        missing[q.event.websiteId].append(q.event.sessionId);
    }
    for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
        const QStringList &ids = it.value();
        for (qsizetype i = 0; i < ids.size();) {
            const int n = int(chunkRows(ids.size() - i));
            QSqlQuery &q = statement(FindSessions, n);
            q.bindValue(0, it.key());
            for (int j = 0; j < n; ++j)
                q.bindValue(1 + j, ids.at(i + j));
            exec(q);
            while (q.next())
                m_visits.insert(it.key() + QChar(0x1f) + q.value(0).toString(),
                                Visit{VisitState{true, q.value(1).toLongLong(), q.value(2).toLongLong(),
                                                 q.value(3).toLongLong(), q.value(4).toLongLong(),
                                                 q.value(5).toString(), q.value(6).toLongLong()},
                                      filteredFromBytes(q.value(7).toByteArray())});
            q.finish();
            i += n;
        }
    }
}

QByteArray EventStore::filteredToBytes(const FilteredVisits &filtered)
{
    if (filtered.empty())
        return {};
    // Format 1: per visit, int8 filter, text value, int64 start, last seen, pageviews,
    // events, uint8 has-exit, text exit path, int64 exit time; text = uint32 length +
    // UTF-8; integers little-endian.
    QByteArray out(1, char(FilteredFormat));
    const auto integer = [&out](auto v, int bytes) {
        const quint64 u = quint64(v);
        for (int i = 0; i < bytes; ++i)
            out += char((u >> (8 * i)) & 0xff);
    };
    const auto text = [&](const QString &s) {
        const QByteArray utf8 = s.toUtf8();
        integer(quint32(utf8.size()), 4);
        out += utf8;
    };
    for (const FilteredVisit &f : filtered) {
        const VisitState &v = f.state;
        integer(qint8(f.scope.filter), 1);
        text(f.scope.value);
        for (const qint64 n : {v.start, v.lastSeen, v.pageviews, v.events})
            integer(n, 8);
        integer(quint8(v.exitPath.isNull() ? 0 : 1), 1);
        text(v.exitPath);
        integer(v.exitAt, 8);
    }
    return out;
}

EventStore::FilteredVisits EventStore::filteredFromBytes(const QByteArray &bytes)
{
    FilteredVisits out;
    if (bytes.isEmpty() || quint8(bytes.front()) != FilteredFormat)
        return out;
    qsizetype at = 1;
    bool ok = true;
    const auto integer = [&](int size) -> quint64 {
        if (!ok || bytes.size() - at < size) {
            ok = false;
            return 0;
        }
        quint64 u = 0;
        for (int i = 0; i < size; ++i)
            u |= quint64(quint8(bytes[at + i])) << (8 * i);
        at += size;
        return u;
    };
    const auto text = [&]() -> QString {
        const quint64 n = integer(4);
        if (!ok || quint64(bytes.size() - at) < n) {
            ok = false;
            return {};
        }
        const QString s = QString::fromUtf8(bytes.constData() + at, qsizetype(n));
        at += qsizetype(n);
        return s;
    };
    while (ok && at < bytes.size()) {
        Scope scope;
        scope.filter = qint8(quint8(integer(1)));
        scope.value = text();
        VisitState v;
        v.open = true;
        v.start = qint64(integer(8));
        v.lastSeen = qint64(integer(8));
        v.pageviews = qint64(integer(8));
        v.events = qint64(integer(8));
        const bool hasExit = integer(1) != 0;
        const QString exitPath = text();
        v.exitPath = !hasExit ? QString() : exitPath.isNull() ? QStringLiteral("") : exitPath;
        v.exitAt = qint64(integer(8));
        if (ok)
            out.push_back({std::move(scope), std::move(v)});
    }
    // Damaged: the session's filtered visits start afresh rather than from half a state.
    return ok ? out : FilteredVisits{};
}

VisitorSketch &EventStore::sketchFor(const BucketKey &key)
{
    auto it = m_sketches.find(key);
    if (it != m_sketches.end())
        return it.value();
    QSqlQuery &q = key.scope.filter < 0 ? m_findSketch : m_findFilteredSketch;
    q.bindValue(0, key.websiteId);
    q.bindValue(1, key.granularity);
    q.bindValue(2, key.start);
    if (key.scope.filter >= 0) {
        q.bindValue(3, key.scope.filter);
        q.bindValue(4, key.scope.value);
    }
    exec(q);
    VisitorSketch s;
    if (q.next())
        s = VisitorSketch::fromBytes(q.value(0).toByteArray());
    q.finish();
    return m_sketches.insert(key, s).value();
}

void EventStore::applyOne(Batch &batch, const Queued &q)
{
    const TrackedEvent &e = q.event;
    batch.newest = std::max(batch.newest, e.occurredAt);
    Derived d;
    d.values = filterValuesOf(e);
    d.visitorHash = e.visitorId.isEmpty() ? sessionHash(e.sessionId) : VisitorSketch::hashOf(e.visitorId);

    const QString key = e.websiteId + QChar(0x1f) + e.sessionId;
    Visit &visit = m_visits[key];
    if (count(batch, e, d, Scope{}, visit.all)) {
        visit.filtered.clear(); // each filtered visit would restart at its next event too
    } else {
        // So would one idle for a gap (for events in time order): forgetting it bounds the
        // list by the values of the last 30 minutes, however long a session goes on.
        std::erase_if(visit.filtered,
                      [&](const FilteredVisit &f) { return e.occurredAt - f.state.lastSeen >= VisitGapMs; });
    }
    if (m_options.filters) {
        for (const Dimension dimension : FilterDimensions) {
            const QString &value = d.values[dimension];
            if (!value.isEmpty()) {
                Scope scope{int(dimension), value};
                auto it = std::find_if(visit.filtered.begin(), visit.filtered.end(),
                                       [&](const FilteredVisit &f) { return f.scope == scope; });
                if (it == visit.filtered.end()) {
                    visit.filtered.push_back({scope, {}});
                    it = visit.filtered.end() - 1;
                }
                count(batch, e, d, scope, it->state);
            }
        }
    }
    batch.sessions.insert(key);

    const qint64 receivedHour = Time::startOfHour(e.receivedAt);
    batch.accepted[{e.websiteId, QStringLiteral("accepted"), receivedHour}] += 1;
    if (!e.keyId.isEmpty())
        batch.keyAccepted[{e.keyId, receivedHour}] += 1;

    if (m_options.storeEvents)
        batch.rows.push_back(&q);
}

bool EventStore::count(Batch &batch, const TrackedEvent &e, const Derived &d, const Scope &scope, VisitState &visit)
{
    const qint64 t = e.occurredAt;
    const BucketKey hour{e.websiteId, int(Granularity::Hour), Time::startOfHour(t), scope};
    const BucketKey day{e.websiteId, int(Granularity::Day), Time::startOfDay(t), scope};
    const auto dimension = [&](qint64 dayStart, Dimension dim, const QString &value) -> qint64 & {
        return batch.dimensions[DimKey{e.websiteId, dayStart, int(dim), value, scope.filter, scope.value}];
    };

    const bool newVisit = !visit.open || t - visit.lastSeen >= VisitGapMs || visit.start - t >= VisitGapMs;
    // Both buckets exist before references to them are taken (an insert may rehash);
    // the references are not used after the bounce update below inserts again.
    batch.buckets[hour];
    Counters &dayCounters = batch.buckets[day];
    Counters &hourCounters = *batch.buckets.find(hour);
    if (newVisit) {
        visit = VisitState{true, t, t, 0, 0, {}, 0};
        hourCounters.sessions += 1;
        dayCounters.sessions += 1;
        dimension(day.start, Dimension::Browser, e.browser) += 1;
        dimension(day.start, Dimension::Os, e.os) += 1;
        dimension(day.start, Dimension::Device, e.deviceType) += 1;
        if (!e.country.isEmpty())
            dimension(day.start, Dimension::Country, e.country) += 1;
    }
    const bool wasBounce = isBounce(visit.pageviews, visit.events);
    const qint64 visitStartDay = Time::startOfDay(visit.start);
    // How much longer the visit lasts now (counted where it started, below).
    const qint64 longer = std::max<qint64>(0, t - visit.lastSeen);
    visit.lastSeen += longer;
    if (e.type == TrackedEvent::Type::Pageview && (visit.exitPath.isNull() || t >= visit.exitAt)) {
        // The visit's exit page moves to this (its latest) pageview.
        if (!visit.exitPath.isNull())
            dimension(visitStartDay, Dimension::ExitPage, visit.exitPath) -= 1;
        dimension(visitStartDay, Dimension::ExitPage, e.path) += 1;
        visit.exitPath = e.path;
        visit.exitAt = t;
    }
    if (e.type == TrackedEvent::Type::Pageview) {
        if (visit.pageviews == 0)
            dimension(day.start, Dimension::EntryPage, e.path) += 1;
        for (const Dimension utm : {Dimension::UtmSource, Dimension::UtmMedium, Dimension::UtmCampaign}) {
            if (!d.values[utm].isEmpty())
                dimension(day.start, utm, d.values[utm]) += 1;
        }
        visit.pageviews += 1;
        hourCounters.pageviews += 1;
        dayCounters.pageviews += 1;
        dimension(day.start, Dimension::Page, e.path) += 1;
        if (!d.values[Dimension::Referrer].isEmpty())
            dimension(day.start, Dimension::Referrer, d.values[Dimension::Referrer]) += 1;
    } else {
        dimension(day.start, Dimension::Event, e.name) += 1;
        visit.events += 1;
        hourCounters.events += 1;
        dayCounters.events += 1;
    }
    if (sketchFor(hour).add(d.visitorHash))
        hourCounters.sketchDirty = true;
    if (sketchFor(day).add(d.visitorHash))
        dayCounters.sketchDirty = true;
    const int bounceDelta = int(isBounce(visit.pageviews, visit.events)) - int(wasBounce);
    if (bounceDelta != 0 || longer != 0) {
        // The visit counts where it started.
        Counters &startHour = batch.buckets[{e.websiteId, int(Granularity::Hour), Time::startOfHour(visit.start), scope}];
        startHour.bounces += bounceDelta;
        startHour.durationMs += longer;
        Counters &startDay = batch.buckets[{e.websiteId, int(Granularity::Day), visitStartDay, scope}];
        startDay.bounces += bounceDelta;
        startDay.durationMs += longer;
    }
    return newVisit;
}

void EventStore::writeBatch(const Batch &batch, const DropCounts &drops, quint64 lastSeq)
{
    // Raw rows, RowsPerStatement per INSERT (the statement overhead dominates single rows).
    for (size_t i = 0, n = 0; i < batch.rows.size(); i += n) {
        n = size_t(chunkRows(qsizetype(batch.rows.size() - i)));
        const int rows = int(n);
        QSqlQuery &q = statement(InsertEvents, rows);
        int p = 0;
        for (int j = 0; j < rows; ++j) {
            const Queued &row = *batch.rows[i + size_t(j)];
            const TrackedEvent &e = row.event;
            q.bindValue(p++, qint64(row.seq));
            q.bindValue(p++, e.websiteId);
            q.bindValue(p++, e.typeName());
            q.bindValue(p++, textOrNull(e.name));
            q.bindValue(p++, e.url);
            q.bindValue(p++, e.path);
            q.bindValue(p++, textOrNull(e.referrer));
            q.bindValue(p++, e.sessionId);
            q.bindValue(p++, e.userAgent);
            q.bindValue(p++, e.deviceType);
            q.bindValue(p++, e.browser);
            q.bindValue(p++, e.os);
            q.bindValue(p++, textOrNull(QString::fromUtf8(e.props)));
            q.bindValue(p++, e.occurredAt);
            q.bindValue(p++, e.receivedAt);
            q.bindValue(p++, textOrNull(e.keyId));
            q.bindValue(p++, e.visitorId.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                   : QVariant(e.visitorId));
            q.bindValue(p++, textOrNull(e.country));
        }
        exec(q);
    }
    for (auto it = batch.buckets.cbegin(); it != batch.buckets.cend(); ++it) {
        const Counters &c = it.value();
        const bool filtered = it.key().scope.filter >= 0;
        QSqlQuery &q = filtered ? m_upsertFilteredBucket : m_upsertBucket;
        q.bindValue(0, it.key().websiteId);
        q.bindValue(1, it.key().granularity);
        q.bindValue(2, it.key().start);
        q.bindValue(3, c.pageviews);
        q.bindValue(4, c.events);
        q.bindValue(5, c.sessions);
        q.bindValue(6, c.bounces);
        q.bindValue(7, c.durationMs);
        q.bindValue(8, c.sketchDirty ? QVariant(m_sketches.value(it.key()).toBytes())
                                     : QVariant(QMetaType::fromType<QByteArray>()));
        if (filtered) {
            q.bindValue(9, it.key().scope.filter);
            q.bindValue(10, it.key().scope.value);
        }
        exec(q);
    }
    // The day deltas summed per span (several days of a batch fall in one span).
    QHash<SpanKey, qint64> spans;
    for (auto it = batch.dimensions.cbegin(); it != batch.dimensions.cend(); ++it) {
        if (it.value() == 0)
            continue; // an exit page that moved away and back within the batch
        const bool filtered = it.key().filter >= 0;
        if (!filtered) {
            const DimKey &k = it.key();
            for (const int spanDays : DimensionSpanDays)
                spans[SpanKey{k.websiteId, spanDays, dimensionSpanStart(k.day, spanDays), k.dimension, k.value}] +=
                    it.value();
        }
        QSqlQuery &q = filtered ? m_upsertFilteredDimension : m_upsertDimension;
        q.bindValue(0, it.key().websiteId);
        q.bindValue(1, it.key().day);
        q.bindValue(2, it.key().dimension);
        q.bindValue(3, it.key().value);
        q.bindValue(4, it.value());
        if (filtered) {
            q.bindValue(5, it.key().filter);
            q.bindValue(6, it.key().filterValue);
        }
        exec(q);
    }
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        if (it.value() == 0)
            continue;
        m_upsertDimensionSpan.bindValue(0, it.key().websiteId);
        m_upsertDimensionSpan.bindValue(1, it.key().spanDays);
        m_upsertDimensionSpan.bindValue(2, it.key().start);
        m_upsertDimensionSpan.bindValue(3, it.key().dimension);
        m_upsertDimensionSpan.bindValue(4, it.key().value);
        m_upsertDimensionSpan.bindValue(5, it.value());
        exec(m_upsertDimensionSpan);
    }
    const QStringList sessions(batch.sessions.cbegin(), batch.sessions.cend());
    for (qsizetype i = 0, n = 0; i < sessions.size(); i += n) {
        n = chunkRows(sessions.size() - i);
        const int rows = int(n);
        QSqlQuery &q = statement(UpsertSessions, rows);
        int p = 0;
        for (int j = 0; j < rows; ++j) {
            const QString &key = sessions.at(i + j);
            const Visit &visit = m_visits[key];
            const VisitState &v = visit.all;
            const qsizetype sep = key.indexOf(QChar(0x1f));
            q.bindValue(p++, key.left(sep));
            q.bindValue(p++, key.mid(sep + 1));
            q.bindValue(p++, v.start);
            q.bindValue(p++, v.lastSeen);
            q.bindValue(p++, v.pageviews);
            q.bindValue(p++, v.events);
            q.bindValue(p++, v.exitPath);
            q.bindValue(p++, v.exitPath.isNull() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v.exitAt));
            const QByteArray filtered = filteredToBytes(visit.filtered);
            q.bindValue(p++, filtered.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(filtered));
        }
        exec(q);
    }
    const auto writeStats = [this](const DropCounts &counts) {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            m_upsertStats.bindValue(0, it.key().websiteId);
            m_upsertStats.bindValue(1, it.key().hourStart);
            m_upsertStats.bindValue(2, it.key().reason);
            m_upsertStats.bindValue(3, it.value());
            exec(m_upsertStats);
        }
    };
    writeStats(batch.accepted);
    writeStats(drops);
    for (auto it = batch.keyAccepted.cbegin(); it != batch.keyAccepted.cend(); ++it) {
        m_upsertKeyStats.bindValue(0, it.key().first);
        m_upsertKeyStats.bindValue(1, it.key().second);
        m_upsertKeyStats.bindValue(2, it.value());
        exec(m_upsertKeyStats);
    }
    m_setSeq.bindValue(0, qint64(lastSeq));
    exec(m_setSeq);
}

void EventStore::apply(const std::vector<Queued> &events, const DropCounts &drops, quint64 lastSeq)
{
    prepare();
    try {
        // Immediate: the batch reads (visits, sketches) before it writes; an admin write
        // committed meanwhile must wait for it, not fail it.
        Transaction tx(m_db, Transaction::Begin::Immediate);
        Batch batch;
        batch.rows.reserve(events.size());
        preloadVisits(events);
        for (const Queued &q : events)
            applyOne(batch, q);
        writeBatch(batch, drops, lastSeq);
        tx.commit();
        trimCaches(batch.newest);
    } catch (...) {
        // The caches may hold changes that were rolled back: reload from the database.
        m_visits.clear();
        m_sketches.clear();
        throw;
    }
}

void EventStore::trimCaches(qint64 newestMs)
{
    // With their filtered visits a cached session takes about 1 KiB: 25,000 of them at most.
    if (m_visits.size() > MaxCachedVisits) {
        m_visits.removeIf([&](const auto &it) { return it.value().all.lastSeen < newestMs - VisitGapMs; });
        if (m_visits.size() > MaxCachedVisits)
            m_visits.clear();
    }
    // Filtered scopes make many small sketches: a batch touches one per value and bucket.
    if (m_sketches.size() > 8192)
        m_sketches.clear();
}

void EventStore::pruneSessions(qint64 lastSeenBeforeMs)
{
    Core::Statement q = m_db.prepare(QStringLiteral("DELETE FROM session_state WHERE last_seen < ?"));
    q.addBindValue(lastSeenBeforeMs);
    exec(q);
    m_visits.removeIf([&](const auto &it) { return it.value().all.lastSeen < lastSeenBeforeMs; });
}

} // namespace Core
