#include "analyticsservice.h"

#include "core/ingest/eventstore.h"
#include "core/model/csv.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/storageerror.h"
#include "visitorsketch.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Core {

namespace {
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 86'400'000;

ServiceError invalid(const QString &parameter, const QString &problem)
{
    return {ServiceError::Kind::InvalidArgument,
            "INVALID_PARAMETER",
            QStringLiteral("Invalid parameter '%1': %2").arg(parameter, problem),
            {{QStringLiteral("parameter"), parameter}}};
}

qint64 dayStartMs(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// A top list: by count, then value; the first TopN.
void keepTop(QList<AnalyticsService::Count> *list)
{
    std::sort(list->begin(), list->end(), [](const AnalyticsService::Count &a, const AnalyticsService::Count &b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (list->size() > AnalyticsService::TopN)
        list->resize(AnalyticsService::TopN);
}

QJsonObject totalsJson(const AnalyticsService::Totals &t)
{
    return QJsonObject{{QStringLiteral("pageviews"), t.pageviews},     {QStringLiteral("visitors"), t.visitors},
                       {QStringLiteral("sessions"), t.sessions},       {QStringLiteral("events"), t.events},
                       {QStringLiteral("bounce_rate"), t.bounceRate},  {QStringLiteral("visit_duration"), t.visitDuration}};
}

int filterOrder(Dimension d)
{
    for (qsizetype i = 0; i < qsizetype(std::size(FilterDimensions)); ++i)
        if (FilterDimensions[i] == d)
            return int(i);
    return -1;
}

// Whether the event carries every filter's value.
bool carriesAll(const TrackedEvent &e, const QList<AnalyticsService::Filter> &filters)
{
    const FilterValues values = filterValuesOf(e);
    return std::all_of(filters.cbegin(), filters.cend(),
                       [&](const AnalyticsService::Filter &f) { return values[f.dimension] == f.value; });
}

QJsonObject filtersJson(const QList<AnalyticsService::Filter> &filters)
{
    QJsonObject out;
    for (const AnalyticsService::Filter &f : filters)
        out.insert(filterName(f.dimension), f.value);
    return out;
}

QJsonArray countsJson(const QList<AnalyticsService::Count> &counts)
{
    QJsonArray out;
    for (const auto &c : counts)
        out.append(QJsonObject{{QStringLiteral("value"), c.value}, {QStringLiteral("count"), c.count}});
    return out;
}
} // namespace

AnalyticsService::Query AnalyticsService::parseQuery(const QString &from, const QString &to,
                                                     const QString &interval, qint64 nowMs)
{
    Query q;
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
    if (to.isEmpty()) {
        q.to = today;
    } else if (auto d = Time::parseDate(to)) {
        q.to = *d;
    } else {
        throw invalid(
            QStringLiteral("to"),
            QStringLiteral("must be a date YYYY-MM-DD, for example %1").arg(today.toString(Qt::ISODate)));
    }
    if (from.isEmpty()) {
        q.from = q.to.addDays(-29);
    } else if (auto d = Time::parseDate(from)) {
        q.from = *d;
    } else {
        throw invalid(QStringLiteral("from"), QStringLiteral("must be a date YYYY-MM-DD, for example %1")
                                                  .arg(today.addDays(-29).toString(Qt::ISODate)));
    }
    if (interval.isEmpty() || interval == QLatin1String("day"))
        q.interval = Granularity::Day;
    else if (interval == QLatin1String("hour"))
        q.interval = Granularity::Hour;
    else
        throw invalid(QStringLiteral("interval"), QStringLiteral("must be 'day' or 'hour'"));
    if (q.from > q.to)
        throw invalid(QStringLiteral("from"),
                      QStringLiteral("must not be after 'to' (%1 > %2)")
                          .arg(q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate)));
    const qint64 days = q.from.daysTo(q.to) + 1;
    const qint64 maxDays = q.interval == Granularity::Hour ? MaxHourRangeDays : MaxDayRangeDays;
    if (days > maxDays)
        throw invalid(
            QStringLiteral("from"),
            QStringLiteral("the range covers %1 days; at most %2 days with interval=%3")
                .arg(days)
                .arg(maxDays)
                .arg(q.interval == Granularity::Hour ? QStringLiteral("hour") : QStringLiteral("day")));
    return q;
}

bool AnalyticsService::parseCompare(const QString &compare)
{
    if (compare.isEmpty())
        return false;
    if (compare == QLatin1String("previous"))
        return true;
    throw invalid(QStringLiteral("compare"), QStringLiteral("must be 'previous' (or absent)"));
}

QList<AnalyticsService::Filter> AnalyticsService::parseFilters(const QList<std::pair<QString, QString>> &items)
{
    QList<Filter> out;
    for (const auto &[name, value] : items) {
        for (const Dimension d : FilterDimensions) {
            if (name != filterName(d))
                continue;
            if (std::any_of(out.cbegin(), out.cend(), [d](const Filter &f) { return f.dimension == d; }))
                throw invalid(name, QStringLiteral("given twice; an event has one %1, so give one value").arg(name));
            if (value.isEmpty())
                throw invalid(name, QStringLiteral("must not be empty (leave the parameter out for no filter)"));
            if (value.size() > MaxFilterValueLength)
                throw invalid(name, QStringLiteral("longer than %1 characters").arg(MaxFilterValueLength));
            out.append({d, value});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Filter &a, const Filter &b) { return filterOrder(a.dimension) < filterOrder(b.dimension); });
    return out;
}

AnalyticsService::Totals AnalyticsService::totals(const QString &websiteId, const Filter *filter, qint64 begin,
                                                  qint64 end, Granularity granularity, QList<Bucket> *series) const
{
    const qint64 step = granularity == Granularity::Hour ? HourMs : DayMs;
    Statement q = m_db.prepare(
        filter ? QStringLiteral("SELECT bucket_start, pageviews, events, sessions, bounces, visitors, duration_ms "
                                "FROM filtered_buckets WHERE website_id = ? AND filter = ? AND filter_value = ? "
                                "AND granularity = ? AND bucket_start >= ? AND bucket_start < ?")
               : QStringLiteral("SELECT bucket_start, pageviews, events, sessions, bounces, visitors, duration_ms "
                                "FROM rollup_buckets "
                                "WHERE website_id = ? AND granularity = ? AND bucket_start >= ? AND bucket_start < ?"));
    q.addBindValue(websiteId);
    if (filter) {
        q.addBindValue(int(filter->dimension));
        q.addBindValue(filter->value);
    }
    q.addBindValue(int(granularity));
    q.addBindValue(begin);
    q.addBindValue(end);
    exec(q);
    Totals t;
    VisitorSketch all;
    while (q.next()) {
        const VisitorSketch sketch = VisitorSketch::fromBytes(q.value(5).toByteArray());
        const qint64 pageviews = q.value(1).toLongLong(), events = q.value(2).toLongLong(),
                     sessions = q.value(3).toLongLong();
        if (series) {
            Bucket &b = (*series)[qsizetype((q.value(0).toLongLong() - begin) / step)];
            b.pageviews = pageviews;
            b.events = events;
            b.sessions = sessions;
            b.visitors = sketch.estimate();
        }
        all.merge(sketch);
        t.pageviews += pageviews;
        t.events += events;
        t.sessions += sessions;
        t.bounces += q.value(4).toLongLong();
        t.durationMs += q.value(6).toLongLong();
    }
    t.visitors = all.estimate();
    t.bounceRate = t.sessions > 0 ? std::round(10000.0 * double(t.bounces) / double(t.sessions)) / 100.0 : 0.0;
    t.visitDuration = t.sessions > 0 ? std::llround(double(t.durationMs) / double(t.sessions) / 1000.0) : 0;
    return t;
}

AnalyticsService::Report AnalyticsService::report(const QString &websiteId, const Query &query) const
{
    const qint64 begin = dayStartMs(query.from);
    const qint64 end = dayStartMs(query.to) + DayMs;
    const qint64 step = query.interval == Granularity::Hour ? HourMs : DayMs;
    Report r = query.filters.size() > 1 ? combinedReport(websiteId, query) : Report{};
    // Several filters replay stored events, from before the upgrade too: no notice.
    if (query.filters.size() == 1) {
        Statement since = m_db.prepare(QStringLiteral("SELECT since FROM filters_state WHERE id = 1"));
        exec(since);
        const qint64 first = query.comparePrevious ? begin - (end - begin) : begin;
        if (since.next() && since.value(0).toLongLong() > first)
            r.filtersSince = since.value(0).toLongLong();
    }
    if (query.filters.size() > 1)
        return r;
    const Filter *filter = query.filters.isEmpty() ? nullptr : &query.filters.first();
    r.websiteId = websiteId;
    r.query = query;

    for (qint64 t = begin; t < end; t += step)
        r.timeseries.append(Bucket{t, 0, 0, 0, 0});
    r.totals = totals(websiteId, filter, begin, end, query.interval, &r.timeseries);
    if (query.comparePrevious) {
        const qint64 days = query.from.daysTo(query.to) + 1;
        r.previousFrom = query.from.addDays(-days);
        r.previousTo = query.from.addDays(-1);
        r.previous = totals(websiteId, filter, dayStartMs(r.previousFrom), begin, query.interval, nullptr);
    }

    // The top lists. Unfiltered: the range's spans and single days (its days first, so the
    // statement's text depends only on how many of each); filtered: the value's day rows.
    QList<DimensionPiece> days, spans;
    if (!filter) {
        for (const DimensionPiece &p : dimensionPieces(begin, end))
            (p.spanDays == 1 ? days : spans).append(p);
    }
    QStringList parts;
    for (qsizetype i = 0; i < days.size(); ++i)
        parts << QStringLiteral("SELECT dimension, value, count FROM rollup_dimensions WHERE website_id = ? AND "
                                "day = ?");
    for (qsizetype i = 0; i < spans.size(); ++i)
        parts << QStringLiteral("SELECT dimension, value, count FROM rollup_dimension_spans WHERE website_id = ? "
                                "AND span_days = ? AND start = ?");
    Statement d = m_db.prepare(
        filter ? QStringLiteral("SELECT dimension, value, SUM(count) FROM filtered_dimensions "
                                "WHERE website_id = ? AND filter = ? AND filter_value = ? AND day >= ? AND day < ? "
                                "GROUP BY dimension, value HAVING SUM(count) > 0")
               : QStringLiteral("SELECT dimension, value, SUM(count) FROM (%1) AS pieces GROUP BY dimension, "
                                "value HAVING SUM(count) > 0")
                     .arg(parts.join(QLatin1String(" UNION ALL "))));
    if (filter) {
        d.addBindValue(websiteId);
        d.addBindValue(int(filter->dimension));
        d.addBindValue(filter->value);
        d.addBindValue(begin);
        d.addBindValue(end);
    }
    for (const DimensionPiece &p : std::as_const(days)) {
        d.addBindValue(websiteId);
        d.addBindValue(p.start);
    }
    for (const DimensionPiece &p : std::as_const(spans)) {
        d.addBindValue(websiteId);
        d.addBindValue(p.spanDays);
        d.addBindValue(p.start);
    }
    exec(d);
    // In Dimension's order.
    QList<Count> *lists[] = {&r.pages,      &r.referrers,  &r.browsers,   &r.os,
                             &r.devices,    &r.entryPages, &r.utmSources, &r.utmMediums,
                             &r.utmCampaigns, &r.eventNames, &r.exitPages, &r.countries};
    static_assert(std::size(lists) == DimensionCount);
    while (d.next()) {
        const int dim = d.value(0).toInt();
        if (dim >= 0 && dim < DimensionCount)
            lists[dim]->append({d.value(1).toString(), d.value(2).toLongLong()});
    }
    for (QList<Count> *list : lists) {
        keepTop(list);
    }
    return r;
}

QList<AnalyticsService::DimensionPiece> AnalyticsService::dimensionPieces(qint64 beginMs, qint64 endMs)
{
    QList<DimensionPiece> out;
    for (qint64 at = beginMs; at < endMs;) {
        // The longest span that starts here and ends within the range; else one day.
        DimensionPiece piece{1, at};
        for (const int spanDays : DimensionSpanDays) {
            if (dimensionSpanStart(at, spanDays) == at && at + spanDays * DayMs <= endMs)
                piece.spanDays = spanDays;
        }
        out.append(piece);
        at += piece.spanDays * DayMs;
    }
    return out;
}

AnalyticsService::Report AnalyticsService::combinedReport(const QString &websiteId, const Query &query) const
{
    const qint64 days = query.from.daysTo(query.to) + 1;
    if (days > MaxCombinedRangeDays)
        throw invalid(QStringLiteral("from"),
                      QStringLiteral("the range covers %1 days; at most %2 days with more than one filter")
                          .arg(days)
                          .arg(MaxCombinedRangeDays));
    const QDate first = query.comparePrevious ? query.from.addDays(-days) : query.from;

    // The matching events of the range and a day either side (a visit that begins before
    // the range or runs past it), in the order the writer applied them.
    QString sql = QStringLiteral(
        "SELECT id, event_type, name, url, path, referrer, session_id, browser, os, device_type, country, "
        "visitor_id, occurred_at, received_at FROM events WHERE website_id = ? AND occurred_at >= ? "
        "AND occurred_at < ?");
    QVariantList binds{websiteId, dayStartMs(first) - DayMs, dayStartMs(query.to) + 2 * DayMs};
    for (const Filter &f : query.filters) {
        // Narrowed in SQL where the value is a column as stored; all are checked below.
        const char *column = nullptr;
        switch (f.dimension) {
        case Dimension::Page:
            column = "path";
            break;
        case Dimension::Browser:
            column = "browser";
            break;
        case Dimension::Os:
            column = "os";
            break;
        case Dimension::Device:
            column = "device_type";
            break;
        case Dimension::Country:
            column = "country";
            break;
        case Dimension::Event:
            sql += QStringLiteral(" AND event_type = 'event'");
            column = "name";
            break;
        case Dimension::Referrer:
            sql += QStringLiteral(" AND referrer IS NOT NULL AND referrer <> ''");
            break;
        case Dimension::UtmSource:
        case Dimension::UtmMedium:
        case Dimension::UtmCampaign:
            sql += QStringLiteral(" AND url LIKE '%utm_%'");
            break;
        default:
            break;
        }
        if (column) {
            sql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(column));
            binds.append(f.value);
        }
    }
    sql += QStringLiteral(" ORDER BY id");
    Statement q = m_db.prepare(sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    exec(q);

    Database replay(QStringLiteral(":memory:"));
    if (const auto error = replay.open())
        throw StorageError(QStringLiteral("cannot open the in-memory database for combined filters: %1").arg(*error));
    EventStore store(replay, EventStore::Options{false, false});
    std::vector<EventStore::Queued> chunk;
    const auto flush = [&] {
        if (!chunk.empty())
            store.apply(chunk, {}, chunk.back().seq);
        chunk.clear();
    };
    while (q.next()) {
        EventStore::Queued row;
        row.seq = q.value(0).toULongLong();
        TrackedEvent &e = row.event;
        e.websiteId = websiteId;
        e.type = q.value(1).toString() == QLatin1String("pageview") ? TrackedEvent::Type::Pageview
                                                                     : TrackedEvent::Type::Custom;
        e.name = q.value(2).toString();
        e.url = q.value(3).toString();
        e.path = q.value(4).toString();
        e.referrer = q.value(5).toString();
        e.sessionId = q.value(6).toString();
        e.browser = q.value(7).toString();
        e.os = q.value(8).toString();
        e.deviceType = q.value(9).toString();
        e.country = q.value(10).toString();
        e.visitorId = q.value(11).toByteArray();
        e.occurredAt = q.value(12).toLongLong();
        e.receivedAt = q.value(13).toLongLong();
        if (!carriesAll(e, query.filters))
            continue;
        chunk.push_back(std::move(row));
        if (chunk.size() >= 4096)
            flush();
    }
    flush();
    Query unfiltered = query;
    unfiltered.filters.clear();
    Report r = AnalyticsService(replay).report(websiteId, unfiltered);
    r.query = query;
    return r;
}

QByteArray AnalyticsService::exportCsv(const QString &websiteId, const QDate &from, const QDate &to) const
{
    struct Row
    {
        qint64 day;
        int order;
        QString value;
        qint64 visitors, pageviews;
    };
    Statement q = m_db.prepare(
        QStringLiteral("SELECT bucket_start, filter, filter_value, pageviews, visitors FROM filtered_buckets "
                       "WHERE website_id = ? AND granularity = ? AND bucket_start >= ? AND bucket_start < ?"));
    q.addBindValue(websiteId);
    q.addBindValue(int(Granularity::Day));
    q.addBindValue(dayStartMs(from));
    q.addBindValue(dayStartMs(to) + DayMs);
    exec(q);
    std::vector<Row> rows;
    while (q.next()) {
        const int order = filterOrder(Dimension(q.value(1).toInt()));
        if (order < 0)
            continue;
        rows.push_back({q.value(0).toLongLong(), order, q.value(2).toString(),
                        VisitorSketch::fromBytes(q.value(4).toByteArray()).estimate(), q.value(3).toLongLong()});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.day != b.day)
            return a.day < b.day;
        if (a.order != b.order)
            return a.order < b.order;
        return a.visitors != b.visitors ? a.visitors > b.visitors : a.value < b.value;
    });
    QByteArray out = "date,dimension,value,visitors,pageviews\r\n";
    for (const Row &row : rows) {
        out += QDateTime::fromMSecsSinceEpoch(row.day, Qt::UTC).date().toString(Qt::ISODate).toLatin1();
        out += ',';
        out += filterName(FilterDimensions[row.order]).latin1();
        out += ',';
        out += Csv::cell(row.value).toUtf8();
        out += ',';
        out += QByteArray::number(row.visitors);
        out += ',';
        out += QByteArray::number(row.pageviews);
        out += "\r\n";
    }
    return out;
}

AnalyticsService::Realtime AnalyticsService::realtime(const QString &websiteId, qint64 nowMs,
                                                     const QList<Filter> &filters) const
{
    constexpr qint64 MinuteMs = 60'000;
    Realtime r;
    r.websiteId = websiteId;
    r.at = nowMs;
    r.filters = filters;
    // RealtimeMinutes buckets: the current minute last, whole minutes before it.
    const qint64 currentMinute = nowMs / MinuteMs * MinuteMs;
    const qint64 begin = currentMinute - (RealtimeMinutes - 1) * MinuteMs;
    const qint64 recent = nowMs - RealtimeVisitorMinutes * MinuteMs;
    r.pageviewsPerMinute.fill(0, RealtimeMinutes);
    // With filters, the columns their values are worked out from (filterValuesOf).
    Statement q = m_db.prepare(
        filters.isEmpty()
            ? QStringLiteral("SELECT occurred_at, event_type, path, session_id, visitor_id FROM events "
                             "WHERE website_id = ? AND occurred_at >= ? AND occurred_at <= ?")
            : QStringLiteral("SELECT occurred_at, event_type, path, session_id, visitor_id, name, url, referrer, "
                             "browser, os, device_type, country FROM events "
                             "WHERE website_id = ? AND occurred_at >= ? AND occurred_at <= ?"));
    q.addBindValue(websiteId);
    q.addBindValue(qMin(begin, recent));
    q.addBindValue(nowMs);
    exec(q);
    QSet<QByteArray> visitors; // visitor ids; "s" + session id for events without one
    QHash<QString, qint64> pages;
    while (q.next()) {
        const qint64 t = q.value(0).toLongLong();
        const bool pageview = q.value(1).toString() == QLatin1String("pageview");
        if (!filters.isEmpty()) {
            TrackedEvent e;
            e.type = pageview ? TrackedEvent::Type::Pageview : TrackedEvent::Type::Custom;
            e.path = q.value(2).toString();
            e.name = q.value(5).toString();
            e.url = q.value(6).toString();
            e.referrer = q.value(7).toString();
            e.browser = q.value(8).toString();
            e.os = q.value(9).toString();
            e.deviceType = q.value(10).toString();
            e.country = q.value(11).toString();
            if (!carriesAll(e, filters))
                continue;
        }
        if (pageview && t >= begin)
            r.pageviewsPerMinute[qsizetype((t - begin) / MinuteMs)] += 1;
        if (t >= recent) {
            const QByteArray id = q.value(4).toByteArray();
            visitors.insert(id.isEmpty() ? 's' + q.value(3).toString().toUtf8() : 'v' + id);
            if (pageview)
                pages[q.value(2).toString()] += 1;
        }
    }
    r.visitors = visitors.size();
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        r.pages.append({it.key(), it.value()});
    keepTop(&r.pages);
    return r;
}

AnalyticsService::EventProperties AnalyticsService::eventProperties(const QString &websiteId, const QString &name,
                                                                   const Query &query) const
{
    if (name.trimmed().isEmpty() || name.size() > 100)
        throw invalid(QStringLiteral("name"), QStringLiteral("must name a custom event (1 to 100 characters)"));
    const qint64 days = query.from.daysTo(query.to) + 1;
    if (days > MaxPropertyRangeDays)
        throw invalid(QStringLiteral("from"), QStringLiteral("the range covers %1 days; at most %2 days for event "
                                                             "properties")
                                                  .arg(days)
                                                  .arg(MaxPropertyRangeDays));
    EventProperties out;
    out.websiteId = websiteId;
    out.name = name.trimmed();
    out.from = query.from;
    out.to = query.to;
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT props FROM events WHERE website_id = ? AND occurred_at >= ? AND occurred_at < ? "
        "AND event_type = 'event' AND name = ?"));
    q.addBindValue(websiteId);
    q.addBindValue(dayStartMs(query.from));
    q.addBindValue(dayStartMs(query.to) + DayMs);
    q.addBindValue(out.name);
    exec(q);
    QHash<QString, QHash<QString, qint64>> counts; // key -> value -> events
    QHash<QString, qint64> carrying;              // key -> events
    while (q.next()) {
        ++out.events;
        const QByteArray props = q.value(0).toByteArray();
        if (props.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(props).object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (v.isNull())
                text = QStringLiteral("null");
            else
                text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
            counts[it.key()][text] += 1;
            carrying[it.key()] += 1;
        }
    }
    for (auto it = carrying.cbegin(); it != carrying.cend(); ++it) {
        PropertyValues p{it.key(), it.value(), {}};
        const QHash<QString, qint64> &values = counts.value(it.key());
        for (auto v = values.cbegin(); v != values.cend(); ++v)
            p.values.append({v.key(), v.value()});
        keepTop(&p.values);
        out.properties.append(std::move(p));
    }
    std::sort(out.properties.begin(), out.properties.end(), [](const PropertyValues &a, const PropertyValues &b) {
        return a.events != b.events ? a.events > b.events : a.key < b.key;
    });
    if (out.properties.size() > MaxPropertyKeys)
        out.properties.resize(MaxPropertyKeys);
    return out;
}

QJsonObject AnalyticsService::toJson(const EventProperties &e)
{
    QJsonArray properties;
    for (const PropertyValues &p : e.properties)
        properties.append(QJsonObject{{QStringLiteral("key"), p.key},
                                      {QStringLiteral("events"), p.events},
                                      {QStringLiteral("values"), countsJson(p.values)}});
    return QJsonObject{{QStringLiteral("website_id"), e.websiteId},
                       {QStringLiteral("name"), e.name},
                       {QStringLiteral("from"), e.from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), e.to.toString(Qt::ISODate)},
                       {QStringLiteral("events"), e.events},
                       {QStringLiteral("properties"), properties}};
}

QJsonObject AnalyticsService::toJson(const Realtime &r)
{
    QJsonArray perMinute;
    for (qint64 n : r.pageviewsPerMinute)
        perMinute.append(n);
    QJsonObject out{{QStringLiteral("website_id"), r.websiteId},
                    {QStringLiteral("at"), Time::toIso(r.at)},
                    {QStringLiteral("visitors"), r.visitors},
                    {QStringLiteral("pageviews_per_minute"), perMinute},
                    {QStringLiteral("pages"), countsJson(r.pages)}};
    if (!r.filters.isEmpty())
        out.insert(QStringLiteral("filters"), filtersJson(r.filters));
    return out;
}

QJsonObject AnalyticsService::toJson(const Report &r)
{
    QJsonArray series;
    for (const Bucket &b : r.timeseries)
        series.append(QJsonObject{{QStringLiteral("t"), Time::toIso(b.start)},
                                  {QStringLiteral("pageviews"), b.pageviews},
                                  {QStringLiteral("visitors"), b.visitors},
                                  {QStringLiteral("sessions"), b.sessions},
                                  {QStringLiteral("events"), b.events}});
    QJsonObject out{
        {QStringLiteral("website_id"), r.websiteId},
        {QStringLiteral("from"), r.query.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), r.query.to.toString(Qt::ISODate)},
        {QStringLiteral("interval"),
         r.query.interval == Granularity::Hour ? QStringLiteral("hour") : QStringLiteral("day")},
        {QStringLiteral("totals"), totalsJson(r.totals)},
        {QStringLiteral("timeseries"), series},
        {QStringLiteral("pages"), countsJson(r.pages)},
        {QStringLiteral("referrers"), countsJson(r.referrers)},
        {QStringLiteral("browsers"), countsJson(r.browsers)},
        {QStringLiteral("os"), countsJson(r.os)},
        {QStringLiteral("devices"), countsJson(r.devices)},
        {QStringLiteral("entry_pages"), countsJson(r.entryPages)},
        {QStringLiteral("utm_sources"), countsJson(r.utmSources)},
        {QStringLiteral("utm_mediums"), countsJson(r.utmMediums)},
        {QStringLiteral("utm_campaigns"), countsJson(r.utmCampaigns)},
        {QStringLiteral("events"), countsJson(r.eventNames)},
        {QStringLiteral("exit_pages"), countsJson(r.exitPages)},
        {QStringLiteral("countries"), countsJson(r.countries)},
    };
    if (!r.query.filters.isEmpty())
        out.insert(QStringLiteral("filters"), filtersJson(r.query.filters));
    if (r.filtersSince > 0)
        out.insert(QStringLiteral("filters_since"), Time::toIso(r.filtersSince));
    if (r.previous) {
        out.insert(QStringLiteral("previous_from"), r.previousFrom.toString(Qt::ISODate));
        out.insert(QStringLiteral("previous_to"), r.previousTo.toString(Qt::ISODate));
        out.insert(QStringLiteral("previous_totals"), totalsJson(*r.previous));
    }
    return out;
}

} // namespace Core
