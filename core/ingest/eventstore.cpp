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
    friend bool operator==(const DimKey &, const DimKey &) = default;
    friend size_t qHash(const DimKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.websiteId, k.day, k.dimension, k.value);
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
} // namespace

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

EventStore::EventStore(const Database &db) : m_db(db) {}
EventStore::~EventStore() = default;

void EventStore::prepare()
{
    if (m_prepared)
        return;
    // The writer's commits are the durability point once the journal is released, so
    // they are synced (WAL + FULL: one fsync per batch, not per event).
    Core::Statement pragma = m_db.prepare(QStringLiteral("PRAGMA synchronous=FULL"));
    exec(pragma);
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
                  "events, exit_path, exit_at) VALUES ") +
              values(8) +
              QStringLiteral(
                  " ON CONFLICT (website_id, session_id) DO UPDATE SET visit_start = "
                  "excluded.visit_start, last_seen = excluded.last_seen, pageviews = excluded.pageviews, "
                  "events = excluded.events, exit_path = excluded.exit_path, exit_at = excluded.exit_at");
        break;
    case FindSessions:
        sql =
            QStringLiteral("SELECT session_id, visit_start, last_seen, pageviews, events, exit_path, exit_at "
                           "FROM session_state "
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
                                Visit{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                                      q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toLongLong()});
            q.finish();
            i += n;
        }
    }
}

EventStore::Visit *EventStore::visitFor(const QString &websiteId, const QString &sessionId, QString *key)
{
    *key = websiteId + QChar(0x1f) + sessionId;
    auto it = m_visits.find(*key);
    return it != m_visits.end() ? &it.value() : nullptr;
}

VisitorSketch &EventStore::sketchFor(const BucketKey &key)
{
    auto it = m_sketches.find(key);
    if (it != m_sketches.end())
        return it.value();
    m_findSketch.bindValue(0, key.websiteId);
    m_findSketch.bindValue(1, key.granularity);
    m_findSketch.bindValue(2, key.start);
    exec(m_findSketch);
    VisitorSketch s;
    if (m_findSketch.next())
        s = VisitorSketch::fromBytes(m_findSketch.value(0).toByteArray());
    m_findSketch.finish();
    return m_sketches.insert(key, s).value();
}

void EventStore::applyOne(Batch &batch, const Queued &q)
{
    const TrackedEvent &e = q.event;
    const qint64 t = e.occurredAt;
    const BucketKey hour{e.websiteId, int(Granularity::Hour), Time::startOfHour(t)};
    const BucketKey day{e.websiteId, int(Granularity::Day), Time::startOfDay(t)};
    batch.newest = std::max(batch.newest, t);

    QString key;
    Visit *visit = visitFor(e.websiteId, e.sessionId, &key);
    const bool newVisit = !visit || t - visit->lastSeen >= VisitGapMs || visit->start - t >= VisitGapMs;
    // Both buckets exist before references to them are taken (an insert may rehash);
    // the references are not used after the bounce update below inserts again.
    batch.buckets[hour];
    Counters &dayCounters = batch.buckets[day];
    Counters &hourCounters = *batch.buckets.find(hour);
    if (newVisit) {
        visit = &m_visits.insert(key, Visit{t, t, 0, 0, {}, 0}).value();
        hourCounters.sessions += 1;
        dayCounters.sessions += 1;
        batch.dimensions[{e.websiteId, day.start, int(Dimension::Browser), e.browser}] += 1;
        batch.dimensions[{e.websiteId, day.start, int(Dimension::Os), e.os}] += 1;
        batch.dimensions[{e.websiteId, day.start, int(Dimension::Device), e.deviceType}] += 1;
        if (!e.country.isEmpty())
            batch.dimensions[{e.websiteId, day.start, int(Dimension::Country), e.country}] += 1;
    }
    const bool wasBounce = isBounce(visit->pageviews, visit->events);
    const qint64 visitStartDay = Time::startOfDay(visit->start);
    // How much longer the visit lasts now (counted where it started, below).
    const qint64 longer = std::max<qint64>(0, t - visit->lastSeen);
    visit->lastSeen += longer;
    if (e.type == TrackedEvent::Type::Pageview && (visit->exitPath.isNull() || t >= visit->exitAt)) {
        // The visit's exit page moves to this (its latest) pageview.
        if (!visit->exitPath.isNull())
            batch.dimensions[{e.websiteId, visitStartDay, int(Dimension::ExitPage), visit->exitPath}] -= 1;
        batch.dimensions[{e.websiteId, visitStartDay, int(Dimension::ExitPage), e.path}] += 1;
        visit->exitPath = e.path;
        visit->exitAt = t;
    }
    if (e.type == TrackedEvent::Type::Pageview) {
        if (visit->pageviews == 0)
            batch.dimensions[{e.websiteId, day.start, int(Dimension::EntryPage), e.path}] += 1;
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
                if (!value.isEmpty())
                    batch.dimensions[{e.websiteId, day.start, int(dimension), value}] += 1;
            }
        }
        visit->pageviews += 1;
        hourCounters.pageviews += 1;
        dayCounters.pageviews += 1;
        batch.dimensions[{e.websiteId, day.start, int(Dimension::Page), e.path}] += 1;
        if (!e.referrer.isEmpty()) {
            const QStringView refHost = hostIn(e.referrer);
            if (!refHost.isEmpty() && !equalLowerCased(refHost, hostIn(e.url)))
                batch.dimensions[{e.websiteId, day.start, int(Dimension::Referrer),
                                  refHost.toString().toLower()}] += 1;
        }
    } else {
        batch.dimensions[{e.websiteId, day.start, int(Dimension::Event), e.name}] += 1;
        visit->events += 1;
        hourCounters.events += 1;
        dayCounters.events += 1;
    }
    const quint64 h = e.visitorId.isEmpty() ? sessionHash(e.sessionId) : VisitorSketch::hashOf(e.visitorId);
    if (sketchFor(hour).add(h))
        hourCounters.sketchDirty = true;
    if (sketchFor(day).add(h))
        dayCounters.sketchDirty = true;
    const int bounceDelta = int(isBounce(visit->pageviews, visit->events)) - int(wasBounce);
    if (bounceDelta != 0 || longer != 0) {
        // The visit counts where it started.
        Counters &startHour = batch.buckets[{e.websiteId, int(Granularity::Hour), Time::startOfHour(visit->start)}];
        startHour.bounces += bounceDelta;
        startHour.durationMs += longer;
        Counters &startDay = batch.buckets[{e.websiteId, int(Granularity::Day), visitStartDay}];
        startDay.bounces += bounceDelta;
        startDay.durationMs += longer;
    }
    batch.sessions.insert(key);

    const qint64 receivedHour = Time::startOfHour(e.receivedAt);
    batch.accepted[{e.websiteId, QStringLiteral("accepted"), receivedHour}] += 1;
    if (!e.keyId.isEmpty())
        batch.keyAccepted[{e.keyId, receivedHour}] += 1;

    batch.rows.push_back(&q);
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
        m_upsertBucket.bindValue(0, it.key().websiteId);
        m_upsertBucket.bindValue(1, it.key().granularity);
        m_upsertBucket.bindValue(2, it.key().start);
        m_upsertBucket.bindValue(3, c.pageviews);
        m_upsertBucket.bindValue(4, c.events);
        m_upsertBucket.bindValue(5, c.sessions);
        m_upsertBucket.bindValue(6, c.bounces);
        m_upsertBucket.bindValue(7, c.durationMs);
        m_upsertBucket.bindValue(8, c.sketchDirty ? QVariant(m_sketches.value(it.key()).toBytes())
                                                  : QVariant(QMetaType::fromType<QByteArray>()));
        exec(m_upsertBucket);
    }
    for (auto it = batch.dimensions.cbegin(); it != batch.dimensions.cend(); ++it) {
        if (it.value() == 0)
            continue; // an exit page that moved away and back within the batch
        m_upsertDimension.bindValue(0, it.key().websiteId);
        m_upsertDimension.bindValue(1, it.key().day);
        m_upsertDimension.bindValue(2, it.key().dimension);
        m_upsertDimension.bindValue(3, it.key().value);
        m_upsertDimension.bindValue(4, it.value());
        exec(m_upsertDimension);
    }
    const QStringList sessions(batch.sessions.cbegin(), batch.sessions.cend());
    for (qsizetype i = 0, n = 0; i < sessions.size(); i += n) {
        n = chunkRows(sessions.size() - i);
        const int rows = int(n);
        QSqlQuery &q = statement(UpsertSessions, rows);
        int p = 0;
        for (int j = 0; j < rows; ++j) {
            const QString &key = sessions.at(i + j);
            const Visit v = m_visits.value(key);
            const qsizetype sep = key.indexOf(QChar(0x1f));
            q.bindValue(p++, key.left(sep));
            q.bindValue(p++, key.mid(sep + 1));
            q.bindValue(p++, v.start);
            q.bindValue(p++, v.lastSeen);
            q.bindValue(p++, v.pageviews);
            q.bindValue(p++, v.events);
            q.bindValue(p++, v.exitPath);
            q.bindValue(p++, v.exitPath.isNull() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v.exitAt));
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
        Transaction tx(m_db);
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
    if (m_visits.size() > 100'000) {
        m_visits.removeIf([&](const auto &it) { return it.value().lastSeen < newestMs - VisitGapMs; });
        if (m_visits.size() > 100'000)
            m_visits.clear();
    }
    if (m_sketches.size() > 512)
        m_sketches.clear();
}

void EventStore::pruneSessions(qint64 lastSeenBeforeMs)
{
    Core::Statement q = m_db.prepare(QStringLiteral("DELETE FROM session_state WHERE last_seen < ?"));
    q.addBindValue(lastSeenBeforeMs);
    exec(q);
    m_visits.removeIf([&](const auto &it) { return it.value().lastSeen < lastSeenBeforeMs; });
}

} // namespace Core
