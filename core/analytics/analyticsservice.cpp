#include "analyticsservice.h"

#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
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

AnalyticsService::Totals AnalyticsService::totals(const QString &websiteId, qint64 begin, qint64 end,
                                                  Granularity granularity, QList<Bucket> *series) const
{
    const qint64 step = granularity == Granularity::Hour ? HourMs : DayMs;
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT bucket_start, pageviews, events, sessions, bounces, visitors, duration_ms FROM rollup_buckets "
        "WHERE website_id = ? AND granularity = ? AND bucket_start >= ? AND bucket_start < ?"));
    q.addBindValue(websiteId);
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
    Report r;
    r.websiteId = websiteId;
    r.query = query;
    const qint64 begin = dayStartMs(query.from);
    const qint64 end = dayStartMs(query.to) + DayMs;
    const qint64 step = query.interval == Granularity::Hour ? HourMs : DayMs;

    for (qint64 t = begin; t < end; t += step)
        r.timeseries.append(Bucket{t, 0, 0, 0, 0});
    r.totals = totals(websiteId, begin, end, query.interval, &r.timeseries);
    if (query.comparePrevious) {
        const qint64 days = query.from.daysTo(query.to) + 1;
        r.previousFrom = query.from.addDays(-days);
        r.previousTo = query.from.addDays(-1);
        r.previous = totals(websiteId, dayStartMs(r.previousFrom), begin, query.interval, nullptr);
    }

    Statement d = m_db.prepare(QStringLiteral("SELECT dimension, value, SUM(count) FROM rollup_dimensions "
                                              "WHERE website_id = ? AND day >= ? AND day < ? "
                                              "GROUP BY dimension, value HAVING SUM(count) > 0"));
    d.addBindValue(websiteId);
    d.addBindValue(begin);
    d.addBindValue(end);
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

AnalyticsService::Realtime AnalyticsService::realtime(const QString &websiteId, qint64 nowMs) const
{
    constexpr qint64 MinuteMs = 60'000;
    Realtime r;
    r.websiteId = websiteId;
    r.at = nowMs;
    // RealtimeMinutes buckets: the current minute last, whole minutes before it.
    const qint64 currentMinute = nowMs / MinuteMs * MinuteMs;
    const qint64 begin = currentMinute - (RealtimeMinutes - 1) * MinuteMs;
    const qint64 recent = nowMs - RealtimeVisitorMinutes * MinuteMs;
    r.pageviewsPerMinute.fill(0, RealtimeMinutes);
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT occurred_at, event_type, path, session_id, visitor_id FROM events "
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
    return QJsonObject{{QStringLiteral("website_id"), r.websiteId},
                       {QStringLiteral("at"), Time::toIso(r.at)},
                       {QStringLiteral("visitors"), r.visitors},
                       {QStringLiteral("pageviews_per_minute"), perMinute},
                       {QStringLiteral("pages"), countsJson(r.pages)}};
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
    if (r.previous) {
        out.insert(QStringLiteral("previous_from"), r.previousFrom.toString(Qt::ISODate));
        out.insert(QStringLiteral("previous_to"), r.previousTo.toString(Qt::ISODate));
        out.insert(QStringLiteral("previous_totals"), totalsJson(*r.previous));
    }
    return out;
}

} // namespace Core
