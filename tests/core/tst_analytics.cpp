// AnalyticsService against a brute-force computation over a generated event set that
// went through the real ingest path (journal, writer, rollups): day and hour buckets,
// bucket edges (23:59:59.999 / 00:00), a visit across midnight, empty days, top lists.
#include "core/analytics/analyticsservice.h"
#include "core/ingest/eventpipeline.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/websiterepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Core;

namespace {
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 86'400'000;
const QDate Day0(2026, 6, 1);
qint64 dayStart(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

struct Visit
{
    QString session;
    qint64 start = 0;
    int pageviews = 0;
    int events = 0;
    QString browser, os, device, country;
    qint64 last = 0;  // its last event
    QString exitPath; // its last pageview's
};

// Some events, in time order, with their visits worked out the obvious way.
struct Reference
{
    QList<TrackedEvent> events;
    QList<Visit> visits;
    QSet<qsizetype> entries; // indices of each visit's first pageview
};

Reference referenceOf(const QList<TrackedEvent> &events)
{
    Reference ref;
    ref.events = events;
    QHash<QString, qsizetype> open; // session -> index in visits
    QHash<QString, qint64> lastSeen;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const TrackedEvent &e = events.at(i);
        const bool fresh =
            !open.contains(e.sessionId) || e.occurredAt - lastSeen.value(e.sessionId) >= 30 * 60'000;
        if (fresh) {
            open.insert(e.sessionId, ref.visits.size());
            ref.visits.append(
                {e.sessionId, e.occurredAt, 0, 0, e.browser, e.os, e.deviceType, e.country, e.occurredAt, {}});
        }
        Visit &v = ref.visits[open.value(e.sessionId)];
        // A visit's entry page: its first pageview.
        if (e.type == TrackedEvent::Type::Pageview && v.pageviews == 0)
            ref.entries.insert(i);
        (e.type == TrackedEvent::Type::Pageview ? v.pageviews : v.events) += 1;
        v.last = e.occurredAt;
        if (e.type == TrackedEvent::Type::Pageview)
            v.exitPath = e.path;
        lastSeen.insert(e.sessionId, e.occurredAt);
    }
    return ref;
}

// utm_* of a URL: form encoding ('+' is a space, "%2B" a plus), trimmed.
QString utmOf(const QString &url, const QString &name)
{
    const QUrlQuery query(QUrl(url).query(QUrl::FullyEncoded));
    return QUrl::fromPercentEncoding(query.queryItemValue(name, QUrl::FullyEncoded).replace(u'+', u' ').toUtf8())
        .trimmed();
}

// The referring host of an event, unless the page's own (QUrl lower-cases hosts).
QString referrerOf(const TrackedEvent &e)
{
    const QString host = QUrl(e.referrer).host();
    return !host.isEmpty() && host != QUrl(e.url).host() ? host : QString();
}

// An event's value for a filter parameter, worked out on its own terms.
QString filterValueOf(const TrackedEvent &e, const QString &filter)
{
    const bool custom = e.type == TrackedEvent::Type::Custom;
    if (filter == u"page")
        return e.path;
    if (filter == u"referrer")
        return referrerOf(e);
    if (filter == u"country")
        return e.country;
    if (filter == u"browser")
        return e.browser;
    if (filter == u"os")
        return e.os;
    if (filter == u"device")
        return e.deviceType;
    if (filter.startsWith(u"utm_"))
        return utmOf(e.url, filter);
    if (filter == u"event")
        return custom ? e.name : QString();
    return QStringLiteral("?");
}
} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{dayStart(Day0.addDays(12))};
    QList<TrackedEvent> m_events; // website "w1", in time order
    Reference m_all;              // m_events and their visits
    const QString m_site = QStringLiteral("w1");

    void generate()
    {
        QRandomGenerator rng(20260613);
        const QStringList browsers{QStringLiteral("Chrome"), QStringLiteral("Firefox"),
                                   QStringLiteral("Safari")};
        const QStringList oses{QStringLiteral("Windows"), QStringLiteral("macOS"), QStringLiteral("Linux"),
                               QStringLiteral("Android")};
        const QStringList devices{QStringLiteral("desktop"), QStringLiteral("mobile"),
                                  QStringLiteral("tablet")};
        const QStringList referrers{
            QString(), QString(), QStringLiteral("https://news.example.org/x"),
            QStringLiteral("https://www.google.com/"), QStringLiteral("https://example.com/internal"),
            // Hosts compare case-insensitively: internal, and news.example.org.
            QStringLiteral("https://EXAMPLE.com/upper"), QStringLiteral("https://News.Example.ORG:8443/y")};
        QList<TrackedEvent> all;
        const auto add = [&](const QString &session, qint64 t, bool pageview, int who) {
            TrackedEvent e;
            e.websiteId = m_site;
            e.type = pageview ? TrackedEvent::Type::Pageview : TrackedEvent::Type::Custom;
            static const QStringList names{QStringLiteral("signup"), QStringLiteral("purchase"),
                                           QStringLiteral("download")};
            // Campaign links: all three utm_* parameters, one of them, encoded values, an
            // empty one (not counted), none.
            static const QStringList queries{
                QString(), QString(), QString(),
                QStringLiteral("?utm_source=newsletter&utm_medium=email&utm_campaign=spring"),
                QStringLiteral("?utm_source=Twitter"), QStringLiteral("?ref=x&utm_campaign=black%20friday"),
                QStringLiteral("?utm_source=&utm_medium=cpc"),
                QStringLiteral("?utm_campaign=black+friday%2Bmore&utm_source=%20spaced%20")};
            e.name = pageview ? QString() : names.at(rng.bounded(names.size()));
            if (!pageview) {
                // Properties of some custom events (their own generator: the rest of the
                // data stays as it was): strings, numbers, booleans, null, absent keys.
                QRandomGenerator p(quint32(t / 1000));
                QJsonObject props;
                static const QStringList plans{QStringLiteral("pro"), QStringLiteral("free"), QStringLiteral("team")};
                if (p.bounded(4) != 0)
                    props.insert(QStringLiteral("plan"), plans.at(p.bounded(plans.size())));
                if (p.bounded(2) == 0)
                    props.insert(QStringLiteral("seats"), int(p.bounded(3)) + 1);
                if (p.bounded(3) == 0)
                    props.insert(QStringLiteral("trial"), p.bounded(2) == 0);
                if (p.bounded(5) == 0)
                    props.insert(QStringLiteral("coupon"), QJsonValue::Null);
                if (!props.isEmpty())
                    e.props = QJsonDocument(props).toJson(QJsonDocument::Compact);
            }
            e.path = QStringLiteral("/p%1").arg(rng.bounded(14));
            e.url = QStringLiteral("https://example.com") + e.path + queries.at(rng.bounded(queries.size()));
            e.referrer = referrers.at(rng.bounded(referrers.size()));
            e.sessionId = session;
            // Three sessions (tabs, visits) per person; a few events journaled before visitor
            // ids existed count their session as the visitor.
            if (who % 11 != 5)
                e.visitorId = QByteArray("person-") + QByteArray::number(who / 3);
            e.userAgent = QStringLiteral("Mozilla/5.0");
            // Countries by person (one of them without a database, one the database did not place).
            static const QStringList countries{QStringLiteral("DE"), QStringLiteral("FR"), QStringLiteral("US"),
                                               QStringLiteral("XX"), QString()};
            e.country = countries.at((who / 3) % countries.size());
            e.browser = browsers.at(who % browsers.size());
            e.os = oses.at(who % oses.size());
            e.deviceType = devices.at(who % devices.size());
            e.occurredAt = t;
            e.receivedAt = t;
            all.append(e);
        };
        for (int s = 0; s < 160; ++s) {
            const QString session = QStringLiteral("session-%1").arg(s, 4, 10, QLatin1Char('0'));
            int day = int(rng.bounded(10));
            if (day == 3 || day == 6)
                day += 1; // days 3 and 6 stay empty
            qint64 t = dayStart(Day0.addDays(day)) + qint64(rng.bounded(24 * 3600)) * 1000;
            const int n = 1 + int(rng.bounded(6));
            for (int i = 0; i < n; ++i) {
                add(session, t, rng.bounded(4) != 0, s);
                // Mostly within the 30-minute visit gap, sometimes a new visit.
                t += rng.bounded(5) == 0 ? 31 * 60'000 + qint64(rng.bounded(3'600'000))
                                         : qint64(rng.bounded(600'000));
                if (t >= dayStart(Day0.addDays(10)))
                    break;
                const int tDay = int(dayStart(Day0) <= t ? (t - dayStart(Day0)) / DayMs : 0);
                if (tDay == 3 || tDay == 6)
                    break;
            }
        }
        // Edges: the last millisecond of day 1 and the first of day 2 (one visit across
        // midnight), exactly 30 minutes apart (a new visit), a lone bounce at an hour edge.
        const qint64 midnight = dayStart(Day0.addDays(2));
        add(QStringLiteral("edge-midnight"), midnight - 1, true, 1);
        add(QStringLiteral("edge-midnight"), midnight, true, 1);
        add(QStringLiteral("edge-gap"), midnight + 5 * HourMs, true, 2);
        add(QStringLiteral("edge-gap"), midnight + 5 * HourMs + 30 * 60'000, true, 2);
        add(QStringLiteral("edge-hour"), midnight + 7 * HourMs - 1, true, 0);
        std::stable_sort(all.begin(), all.end(), [](const TrackedEvent &a, const TrackedEvent &b) {
            return a.occurredAt < b.occurredAt;
        });
        m_events = all;
        m_all = referenceOf(m_events);
    }

    static QByteArray visitorOf(const TrackedEvent &e)
    {
        return e.visitorId.isEmpty() ? 's' + e.sessionId.toUtf8() : 'v' + e.visitorId;
    }

    static QJsonArray top(const QHash<QString, qint64> &counts)
    {
        QList<QPair<QString, qint64>> list;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            list.append({it.key(), it.value()});
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QJsonArray out;
        for (qsizetype i = 0; i < list.size() && i < AnalyticsService::TopN; ++i)
            out.append(QJsonObject{{QStringLiteral("value"), list[i].first},
                                   {QStringLiteral("count"), list[i].second}});
        return out;
    }

    // The same question answered from the raw events, the slow and obvious way.
    QJsonObject bruteForce(const QDate &from, const QDate &to, bool hourly) const
    {
        return bruteForce(m_all, from, to, hourly);
    }
    QJsonObject bruteForce(const Reference &ref, const QDate &from, const QDate &to, bool hourly) const
    {
        const qint64 begin = dayStart(from), end = dayStart(to) + DayMs, step = hourly ? HourMs : DayMs;
        QJsonArray series;
        QSet<QByteArray> allVisitors;
        qint64 pageviews = 0, events = 0;
        QHash<QString, qint64> pages, refs, browsers, oses, devices, utmSources, utmMediums, utmCampaigns, names,
            entries, exits, countries;
        for (qint64 b = begin; b < end; b += step) {
            qint64 pv = 0, ev = 0, sessions = 0;
            QSet<QByteArray> visitors;
            for (qsizetype i = 0; i < ref.events.size(); ++i) {
                const TrackedEvent &e = ref.events.at(i);
                if (e.occurredAt < b || e.occurredAt >= b + step)
                    continue;
                visitors.insert(visitorOf(e));
                if (e.type == TrackedEvent::Type::Pageview) {
                    ++pv;
                    pages[e.path] += 1;
                    for (const auto &[name, counts] :
                         {std::pair{QStringLiteral("utm_source"), &utmSources},
                          std::pair{QStringLiteral("utm_medium"), &utmMediums},
                          std::pair{QStringLiteral("utm_campaign"), &utmCampaigns}}) {
                        const QString v = utmOf(e.url, name);
                        if (!v.isEmpty())
                            (*counts)[v] += 1;
                    }
                    if (ref.entries.contains(i))
                        entries[e.path] += 1;
                    const QString host = referrerOf(e);
                    if (!host.isEmpty())
                        refs[host] += 1;
                } else {
                    ++ev;
                    names[e.name] += 1;
                }
            }
            for (const Visit &v : ref.visits)
                sessions += v.start >= b && v.start < b + step;
            allVisitors.unite(visitors);
            pageviews += pv;
            events += ev;
            series.append(QJsonObject{{QStringLiteral("t"), Time::toIso(b)},
                                      {QStringLiteral("pageviews"), pv},
                                      {QStringLiteral("visitors"), visitors.size()},
                                      {QStringLiteral("sessions"), sessions},
                                      {QStringLiteral("events"), ev}});
        }
        qint64 sessions = 0, bounces = 0, durationMs = 0;
        for (const Visit &v : ref.visits) {
            if (v.start < begin || v.start >= end)
                continue;
            if (!v.country.isEmpty())
                countries[v.country] += 1;
            ++sessions;
            durationMs += v.last - v.start;
            if (!v.exitPath.isEmpty())
                exits[v.exitPath] += 1;
            bounces += v.pageviews == 1 && v.events == 0;
            browsers[v.browser] += 1;
            oses[v.os] += 1;
            devices[v.device] += 1;
        }
        const double rate = sessions ? std::round(10000.0 * double(bounces) / double(sessions)) / 100.0 : 0.0;
        return QJsonObject{
            {QStringLiteral("website_id"), m_site},
            {QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), to.toString(Qt::ISODate)},
            {QStringLiteral("interval"), hourly ? QStringLiteral("hour") : QStringLiteral("day")},
            {QStringLiteral("totals"), QJsonObject{{QStringLiteral("pageviews"), pageviews},
                                                   {QStringLiteral("visitors"), allVisitors.size()},
                                                   {QStringLiteral("sessions"), sessions},
                                                   {QStringLiteral("events"), events},
                                                   {QStringLiteral("bounce_rate"), rate},
                                                   {QStringLiteral("visit_duration"),
                                                    sessions ? qint64(std::llround(double(durationMs) /
                                                                                   double(sessions) / 1000.0))
                                                             : 0}}},
            {QStringLiteral("timeseries"), series},
            {QStringLiteral("pages"), top(pages)},
            {QStringLiteral("referrers"), top(refs)},
            {QStringLiteral("browsers"), top(browsers)},
            {QStringLiteral("os"), top(oses)},
            {QStringLiteral("devices"), top(devices)},
            {QStringLiteral("entry_pages"), top(entries)},
            {QStringLiteral("utm_sources"), top(utmSources)},
            {QStringLiteral("utm_mediums"), top(utmMediums)},
            {QStringLiteral("utm_campaigns"), top(utmCampaigns)},
            {QStringLiteral("events"), top(names)},
            {QStringLiteral("exit_pages"), top(exits)},
            {QStringLiteral("countries"), top(countries)},
        };
    }

    // The report of the events carrying every filter's value, as the brute force over just
    // those events (with visits of their own), against the service's.
    int compareFiltered(const QList<std::pair<QString, QString>> &filters, const QDate &from, const QDate &to,
                        bool hourly, bool comparePrevious, qint64 *matched)
    {
        QList<TrackedEvent> subset;
        for (const TrackedEvent &e : std::as_const(m_events)) {
            if (std::all_of(filters.cbegin(), filters.cend(),
                            [&](const auto &f) { return filterValueOf(e, f.first) == f.second; }))
                subset.append(e);
        }
        const Reference ref = referenceOf(subset);
        QJsonObject want = bruteForce(ref, from, to, hourly);
        QJsonObject filterObject;
        for (const auto &[name, value] : filters)
            filterObject.insert(name, value);
        want.insert(QStringLiteral("filters"), filterObject);
        if (comparePrevious) {
            const qint64 days = from.daysTo(to) + 1;
            want.insert(QStringLiteral("previous_from"), from.addDays(-days).toString(Qt::ISODate));
            want.insert(QStringLiteral("previous_to"), from.addDays(-1).toString(Qt::ISODate));
            want.insert(QStringLiteral("previous_totals"),
                        bruteForce(ref, from.addDays(-days), from.addDays(-1), hourly).value(QStringLiteral("totals")));
        }
        auto query = AnalyticsService::parseQuery(from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                                  hourly ? QStringLiteral("hour") : QString(), m_clock.nowMs());
        query.comparePrevious = comparePrevious;
        query.filters = AnalyticsService::parseFilters(filters);
        const QJsonObject got = AnalyticsService::toJson(AnalyticsService(*m_db).report(m_site, query));
        *matched = want.value(QStringLiteral("totals")).toObject().value(QStringLiteral("pageviews")).toInteger() +
                   want.value(QStringLiteral("totals")).toObject().value(QStringLiteral("events")).toInteger();
        int mismatches = 0;
        const QStringList keys = want.keys() + got.keys();
        for (const QString &key : QSet<QString>(keys.cbegin(), keys.cend())) {
            if (got.value(key) == want.value(key))
                continue;
            ++mismatches;
            QStringList names;
            for (const auto &f : filters)
                names << f.first + u'=' + f.second;
            qWarning("%s %s..%s%s: %s", qPrintable(names.join(u'&')), qPrintable(from.toString(Qt::ISODate)),
                     qPrintable(to.toString(Qt::ISODate)), hourly ? " hourly" : "", qPrintable(key));
            qWarning("  got  %s", QJsonDocument(QJsonObject{{key, got.value(key)}}).toJson(QJsonDocument::Compact).constData());
            qWarning("  want %s", QJsonDocument(QJsonObject{{key, want.value(key)}}).toJson(QJsonDocument::Compact).constData());
        }
        return mismatches;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("z.db")));
        QVERIFY(!m_db->open());
        generate();
        QVERIFY(m_events.size() > 300);
        // Several writer batches, plus another website's events that must not leak in; a
        // restart halfway, so open visits continue from their stored state (exit page,
        // duration, bounce) rather than the writer's memory.
        const qsizetype half = m_events.size() / 2;
        for (const auto &[first, last] : {std::pair{qsizetype(0), half}, std::pair{half, m_events.size()}}) {
            EventPipeline pipeline(*m_db, m_clock, {m_dir.filePath(QStringLiteral("journal"))});
            QVERIFY(!pipeline.start());
            for (qsizetype i = first; i < last; i += 97) {
                QList<TrackedEvent> chunk = m_events.mid(i, std::min<qsizetype>(97, last - i));
                TrackedEvent other = chunk.first();
                other.websiteId = QStringLiteral("w2");
                chunk.append(other);
                pipeline.submit(chunk);
                if (i % 3 == 0)
                    QVERIFY(pipeline.flush());
            }
            QVERIFY(pipeline.flush());
            pipeline.stop();
        }
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<bool>("hourly");
        QTest::newRow("10 days by day") << Day0 << Day0.addDays(9) << false;
        QTest::newRow("empty day inside") << Day0.addDays(2) << Day0.addDays(4) << false;
        QTest::newRow("one empty day") << Day0.addDays(3) << Day0.addDays(3) << false;
        QTest::newRow("before any event") << Day0.addDays(-5) << Day0.addDays(-1) << false;
        QTest::newRow("midnight edge by hour") << Day0.addDays(1) << Day0.addDays(2) << true;
        QTest::newRow("a week by hour") << Day0 << Day0.addDays(6) << true;
        QTest::newRow("31 days by day") << Day0.addDays(-10) << Day0.addDays(20) << false;
    }
    void matchesBruteForce()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(bool, hourly);
        const AnalyticsService service(*m_db);
        auto query =
            AnalyticsService::parseQuery(from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                         hourly ? QStringLiteral("hour") : QString(), m_clock.nowMs());
        query.comparePrevious = true;
        const QJsonObject got = AnalyticsService::toJson(service.report(m_site, query));
        // compare=previous: the totals of the range of equal length just before, as exact.
        const qint64 days = from.daysTo(to) + 1;
        QCOMPARE(got.value(QStringLiteral("previous_from")).toString(), from.addDays(-days).toString(Qt::ISODate));
        QCOMPARE(got.value(QStringLiteral("previous_to")).toString(), from.addDays(-1).toString(Qt::ISODate));
        QCOMPARE(got.value(QStringLiteral("previous_totals")),
                 bruteForce(from.addDays(-days), from.addDays(-1), hourly).value(QStringLiteral("totals")));
        const QJsonObject want = bruteForce(from, to, hourly);
        const QJsonObject wantTotals = want.value(QStringLiteral("totals")).toObject();
        if (wantTotals.value(QStringLiteral("pageviews")).toInt() > 100) {
            QVERIFY(wantTotals.value(QStringLiteral("visit_duration")).toInt() > 0);
            // People with several sessions: visitors are people, not sessions.
            QVERIFY(wantTotals.value(QStringLiteral("visitors")).toInt() <
                    wantTotals.value(QStringLiteral("sessions")).toInt());
            // The data exercises every list (so that agreeing on them means something).
            for (const char *list : {"entry_pages", "utm_sources", "utm_mediums", "utm_campaigns", "events", "exit_pages"})
                QVERIFY2(!want.value(QLatin1String(list)).toArray().isEmpty(), list);
            const auto values = [&](const char *list) {
                QStringList out;
                for (const QJsonValue &v : got.value(QLatin1String(list)).toArray())
                    out << v.toObject().value(QStringLiteral("value")).toString();
                return out;
            };
            QVERIFY2(values("utm_campaigns").contains(QStringLiteral("black friday+more")),
                     qPrintable(values("utm_campaigns").join(QLatin1Char('|'))));
            QVERIFY(values("utm_sources").contains(QStringLiteral("spaced")));
        }
        int mismatches = 0;
        for (auto it = want.begin(); it != want.end(); ++it) {
            if (got.value(it.key()) != it.value()) {
                ++mismatches;
                qWarning("got  %s: %s", qPrintable(it.key()),
                         QJsonDocument(QJsonObject{{it.key(), got.value(it.key())}})
                             .toJson(QJsonDocument::Compact)
                             .constData());
                qWarning("want %s: %s", qPrintable(it.key()),
                         QJsonDocument(QJsonObject{{it.key(), it.value()}})
                             .toJson(QJsonDocument::Compact)
                             .constData());
            }
        }
        QCOMPARE(mismatches, 0);
        QCOMPARE(got.value(QStringLiteral("timeseries")).toArray().size(),
                 (from.daysTo(to) + 1) * (hourly ? 24 : 1));
    }

    // Every filter parameter, with its most frequent values, a rare one and one nobody
    // has, over several ranges (by day and by hour, compare=previous), alone and combined:
    // each report is exactly the brute force over only the matching events.
    void filtersMatchBruteForce()
    {
        const QStringList names{QStringLiteral("page"),       QStringLiteral("referrer"),   QStringLiteral("country"),
                                QStringLiteral("browser"),    QStringLiteral("os"),         QStringLiteral("device"),
                                QStringLiteral("utm_source"), QStringLiteral("utm_medium"), QStringLiteral("utm_campaign"),
                                QStringLiteral("event")};
        QList<QList<std::pair<QString, QString>>> cases;
        for (const QString &name : names) {
            QHash<QString, qint64> counts;
            for (const TrackedEvent &e : std::as_const(m_events)) {
                const QString v = filterValueOf(e, name);
                if (!v.isEmpty())
                    counts[v] += 1;
            }
            QList<QPair<QString, qint64>> byCount;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                byCount.append({it.key(), it.value()});
            std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            QVERIFY2(byCount.size() >= 2, qPrintable(name)); // the data exercises every filter
            for (const qsizetype i : {qsizetype(0), qsizetype(1), byCount.size() - 1})
                cases.append({{name, byCount.at(i).first}});
            cases.append({{name, QStringLiteral("nobody-has-this")}});
        }
        cases.append({{QStringLiteral("country"), QStringLiteral("DE")}, {QStringLiteral("browser"), QStringLiteral("Chrome")}});
        cases.append({{QStringLiteral("page"), QStringLiteral("/p3")}, {QStringLiteral("referrer"), QStringLiteral("www.google.com")}});
        cases.append({{QStringLiteral("utm_source"), QStringLiteral("newsletter")}, {QStringLiteral("device"), QStringLiteral("mobile")}});
        cases.append({{QStringLiteral("event"), QStringLiteral("signup")}, {QStringLiteral("os"), QStringLiteral("Linux")}});
        cases.append({{QStringLiteral("os"), QStringLiteral("Windows")},
                      {QStringLiteral("country"), QStringLiteral("FR")},
                      {QStringLiteral("page"), QStringLiteral("/p1")}});
        int mismatches = 0, withData = 0, combinedWithData = 0;
        for (const auto &filters : std::as_const(cases)) {
            for (const auto &[from, to, hourly, compare] :
                 {std::tuple{Day0, Day0.addDays(9), false, true}, std::tuple{Day0.addDays(1), Day0.addDays(2), true, false},
                  std::tuple{Day0.addDays(4), Day0.addDays(7), false, true}}) {
                qint64 matched = 0;
                mismatches += compareFiltered(filters, from, to, hourly, compare, &matched);
                withData += matched > 0;
                combinedWithData += matched > 0 && filters.size() > 1;
            }
        }
        QCOMPARE(mismatches, 0);
        QVERIFY(withData > 60);
        QVERIFY(combinedWithData >= 8);
    }

    // The CSV export: every day and filterable value, its distinct visitors and pageviews,
    // against the raw events counted the obvious way, in the documented order.
    void exportMatchesBruteForce()
    {
        const QStringList names{QStringLiteral("page"),       QStringLiteral("referrer"),   QStringLiteral("country"),
                                QStringLiteral("browser"),    QStringLiteral("os"),         QStringLiteral("device"),
                                QStringLiteral("utm_source"), QStringLiteral("utm_medium"), QStringLiteral("utm_campaign"),
                                QStringLiteral("event")};
        const QDate from = Day0.addDays(1), to = Day0.addDays(8);
        struct Row
        {
            qint64 day;
            qsizetype order;
            QString value;
            qint64 visitors, pageviews;
        };
        QList<Row> rows;
        for (qint64 day = dayStart(from); day < dayStart(to) + DayMs; day += DayMs) {
            for (qsizetype n = 0; n < names.size(); ++n) {
                QHash<QString, QSet<QByteArray>> visitors;
                QHash<QString, qint64> pageviews;
                for (const TrackedEvent &e : std::as_const(m_events)) {
                    const QString v = filterValueOf(e, names.at(n));
                    if (e.occurredAt < day || e.occurredAt >= day + DayMs || v.isEmpty())
                        continue;
                    visitors[v].insert(visitorOf(e));
                    pageviews[v] += e.type == TrackedEvent::Type::Pageview;
                }
                for (auto it = visitors.cbegin(); it != visitors.cend(); ++it)
                    rows.append({day, n, it.key(), it.value().size(), pageviews.value(it.key())});
            }
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (a.day != b.day)
                return a.day < b.day;
            if (a.order != b.order)
                return a.order < b.order;
            return a.visitors != b.visitors ? a.visitors > b.visitors : a.value < b.value;
        });
        QByteArray want = "date,dimension,value,visitors,pageviews\r\n";
        for (const Row &r : std::as_const(rows)) {
            // The generated values need no quoting: none holds a comma, quote or line break.
            want += QDateTime::fromMSecsSinceEpoch(r.day, Qt::UTC).date().toString(Qt::ISODate).toUtf8() + ',' +
                    names.at(r.order).toUtf8() + ',' + r.value.toUtf8() + ',' + QByteArray::number(r.visitors) + ',' +
                    QByteArray::number(r.pageviews) + "\r\n";
        }
        QVERIFY(rows.size() > 100);
        const QByteArray got = AnalyticsService(*m_db).exportCsv(m_site, from, to);
        if (got != want) {
            const QList<QByteArray> g = got.split('\n'), w = want.split('\n');
            for (qsizetype i = 0; i < std::min(g.size(), w.size()); ++i)
                if (g.at(i) != w.at(i)) {
                    qWarning("line %lld: got %s, want %s", qlonglong(i), g.at(i).constData(), w.at(i).constData());
                    break;
                }
        }
        QCOMPARE(got, want);
    }

    void filterParametersAndErrors()
    {
        using Items = QList<std::pair<QString, QString>>;
        const auto filters = AnalyticsService::parseFilters(
            Items{{QStringLiteral("event"), QStringLiteral("signup")}, {QStringLiteral("from"), QStringLiteral("x")},
                  {QStringLiteral("page"), QStringLiteral("/a b")}});
        QCOMPARE(filters.size(), 2); // others are not filters
        QCOMPARE(int(filters.at(0).dimension), int(Dimension::Page));
        QCOMPARE(filters.at(0).value, QStringLiteral("/a b"));
        QCOMPARE(int(filters.at(1).dimension), int(Dimension::Event));
        for (const auto &[items, parameter] :
             {std::pair{Items{{QStringLiteral("country"), QStringLiteral("DE")}, {QStringLiteral("country"), QStringLiteral("FR")}},
                        QStringLiteral("country")},
              std::pair{Items{{QStringLiteral("page"), QString()}}, QStringLiteral("page")},
              std::pair{Items{{QStringLiteral("utm_source"), QString(AnalyticsService::MaxFilterValueLength + 1, u'x')}},
                        QStringLiteral("utm_source")}}) {
            try {
                AnalyticsService::parseFilters(items);
                QFAIL("no error");
            } catch (const ServiceError &e) {
                QCOMPARE(e.code(), QByteArray("INVALID_PARAMETER"));
                QCOMPARE(e.details().value(QStringLiteral("parameter")), parameter);
            }
        }
        // Combined filters read stored events: at most 92 days (compare=previous's on top).
        AnalyticsService::Query q;
        q.from = Day0;
        q.to = Day0.addDays(99);
        q.comparePrevious = true;
        q.filters = AnalyticsService::parseFilters(
            Items{{QStringLiteral("os"), QStringLiteral("Linux")}, {QStringLiteral("device"), QStringLiteral("mobile")}});
        try {
            AnalyticsService(*m_db).report(m_site, q);
            QFAIL("no error");
        } catch (const ServiceError &e) {
            QCOMPARE(e.details().value(QStringLiteral("parameter")), QStringLiteral("from"));
            QVERIFY2(e.message().contains(QStringLiteral("100 days")), qPrintable(e.message()));
        }
        q.to = Day0.addDays(91);
        QCOMPARE(AnalyticsService(*m_db).report(m_site, q).query.filters.size(), 2);
    }

    // Realtime at instants inside the data (and at the busiest minute's edges), against
    // the raw events counted the obvious way.
    void realtimeMatchesBruteForce()
    {
        const AnalyticsService service(*m_db);
        QList<qint64> instants;
        for (qsizetype i = 0; i < m_events.size(); i += m_events.size() / 7)
            instants << m_events.at(i).occurredAt << m_events.at(i).occurredAt + 4 * 60'000 + 59'999
                     << m_events.at(i).occurredAt + 29 * 60'000;
        // No filter, each kind alone, and two together (the values are the data's own).
        using Filters = QList<AnalyticsService::Filter>;
        const QList<Filters> filterSets{
            Filters{},
            Filters{{Dimension::Browser, QStringLiteral("Firefox")}},
            Filters{{Dimension::Country, QStringLiteral("DE")}},
            Filters{{Dimension::Page, QStringLiteral("/p1")}},
            Filters{{Dimension::Referrer, QStringLiteral("news.example.org")}},
            Filters{{Dimension::UtmSource, QStringLiteral("spaced")}},
            Filters{{Dimension::Event, QStringLiteral("signup")}},
            Filters{{Dimension::Browser, QStringLiteral("Chrome")}, {Dimension::Os, QStringLiteral("Linux")}},
        };
        int nonEmpty = 0, filteredNonEmpty = 0;
        for (const Filters &filters : filterSets) {
        for (qint64 now : std::as_const(instants)) {
            const auto r = service.realtime(m_site, now, filters);
            const qint64 begin = now / 60'000 * 60'000 - 29 * 60'000;
            QList<qint64> perMinute(30, 0);
            QSet<QByteArray> visitors;
            QHash<QString, qint64> pages;
            for (const TrackedEvent &e : m_events) {
                if (e.occurredAt > now)
                    continue;
                const FilterValues values = filterValuesOf(e);
                if (!std::all_of(filters.cbegin(), filters.cend(),
                                 [&](const AnalyticsService::Filter &f) { return values[f.dimension] == f.value; }))
                    continue;
                const bool pageview = e.type == TrackedEvent::Type::Pageview;
                if (pageview && e.occurredAt >= begin)
                    perMinute[(e.occurredAt - begin) / 60'000] += 1;
                if (e.occurredAt >= now - 5 * 60'000) {
                    visitors.insert(visitorOf(e));
                    if (pageview)
                        pages[e.path] += 1;
                }
            }
            QCOMPARE(r.pageviewsPerMinute, perMinute);
            QCOMPARE(r.visitors, qint64(visitors.size()));
            QCOMPARE(AnalyticsService::toJson(r).value(QStringLiteral("pages")).toArray(), top(pages));
            QCOMPARE(AnalyticsService::toJson(r).value(QStringLiteral("filters")).toObject().size(), filters.size());
            (filters.isEmpty() ? nonEmpty : filteredNonEmpty) += r.visitors > 0;
        }
        }
        QVERIFY(nonEmpty >= 5);
        QVERIFY(filteredNonEmpty >= 15);
        // Another website's events never show.
        QCOMPARE(service.realtime(QStringLiteral("nobody"), instants.first()).visitors, 0);
    }

    // One event's properties, against the raw events counted the obvious way.
    void eventPropertiesMatchBruteForce()
    {
        const AnalyticsService service(*m_db);
        int withProperties = 0;
        for (const QString &name : {QStringLiteral("signup"), QStringLiteral("purchase"), QStringLiteral("nothing")}) {
            for (const auto &[from, to] : {std::pair{Day0, Day0.addDays(9)}, std::pair{Day0.addDays(2), Day0.addDays(4)}}) {
                const qint64 begin = dayStart(from), end = dayStart(to) + DayMs;
                qint64 events = 0;
                QHash<QString, QHash<QString, qint64>> values;
                QHash<QString, qint64> carrying;
                for (const TrackedEvent &e : std::as_const(m_events)) {
                    if (e.type != TrackedEvent::Type::Custom || e.name != name || e.occurredAt < begin ||
                        e.occurredAt >= end)
                        continue;
                    ++events;
                    const QJsonObject props = QJsonDocument::fromJson(e.props).object();
                    for (auto it = props.begin(); it != props.end(); ++it) {
                        const QJsonValue v = it.value();
                        const QString text = v.isString() ? v.toString()
                                             : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                             : v.isNull() ? QStringLiteral("null")
                                                          : QString::number(v.toInt());
                        values[it.key()][text] += 1;
                        carrying[it.key()] += 1;
                    }
                }
                QList<QPair<QString, qint64>> keys;
                for (auto it = carrying.cbegin(); it != carrying.cend(); ++it)
                    keys.append({it.key(), it.value()});
                std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) {
                    return a.second != b.second ? a.second > b.second : a.first < b.first;
                });
                QJsonArray properties;
                for (const auto &[key, n] : keys)
                    properties.append(QJsonObject{{QStringLiteral("key"), key},
                                                  {QStringLiteral("events"), n},
                                                  {QStringLiteral("values"), top(values.value(key))}});
                const QJsonObject want{{QStringLiteral("website_id"), m_site},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("from"), from.toString(Qt::ISODate)},
                                       {QStringLiteral("to"), to.toString(Qt::ISODate)},
                                       {QStringLiteral("events"), events},
                                       {QStringLiteral("properties"), properties}};
                AnalyticsService::Query query;
                query.from = from;
                query.to = to;
                QCOMPARE(AnalyticsService::toJson(service.eventProperties(m_site, name, query)), want);
                withProperties += properties.size() >= 3;
            }
        }
        QVERIFY(withProperties >= 2); // the data exercises it
        AnalyticsService::Query tooLong;
        tooLong.from = Day0;
        tooLong.to = Day0.addDays(AnalyticsService::MaxPropertyRangeDays);
        for (const auto &[name, query, parameter] :
             {std::tuple{QStringLiteral("signup"), tooLong, QStringLiteral("from")},
              std::tuple{QStringLiteral(" "), AnalyticsService::Query{Day0, Day0, Granularity::Day, false, {}},
                         QStringLiteral("name")}}) {
            try {
                service.eventProperties(m_site, name, query);
                QFAIL("no error");
            } catch (const ServiceError &e) {
                QCOMPARE(e.details().value(QStringLiteral("parameter")), parameter);
            }
        }
    }

    void edgesLandInTheRightBuckets()
    {
        const AnalyticsService service(*m_db);
        const auto r = service.report(
            m_site, AnalyticsService::parseQuery(QStringLiteral("2026-06-02"), QStringLiteral("2026-06-03"),
                                                 QStringLiteral("hour"), m_clock.nowMs()));
        // The visit across midnight started on day 1 and is a visitor on both days.
        QVERIFY(r.timeseries.at(23).pageviews >= 1);
        QVERIFY(r.timeseries.at(24).pageviews >= 1);
    }

    void queryDefaultsAndErrors()
    {
        const qint64 now = dayStart(QDate(2026, 6, 13)) + 5 * HourMs;
        const auto q = AnalyticsService::parseQuery({}, {}, {}, now);
        QCOMPARE(q.to, QDate(2026, 6, 13));
        QCOMPARE(q.from, QDate(2026, 5, 15)); // 30 days, both ends included
        QCOMPARE(int(q.interval), int(Granularity::Day));
        const auto expectInvalid = [&](const QString &from, const QString &to, const QString &interval,
                                       const QString &parameter) {
            try {
                AnalyticsService::parseQuery(from, to, interval, now);
                QFAIL("no error");
            } catch (const ServiceError &e) {
                QCOMPARE(e.kind(), ServiceError::Kind::InvalidArgument);
                QCOMPARE(e.code(), QByteArray("INVALID_PARAMETER"));
                QCOMPARE(e.details().value(QStringLiteral("parameter")), parameter);
            }
        };
        expectInvalid(QStringLiteral("yesterday"), {}, {}, QStringLiteral("from"));
        expectInvalid(QStringLiteral("2026-02-30"), {}, {}, QStringLiteral("from"));
        expectInvalid(QStringLiteral("2026-06-14"), QStringLiteral("2026-06-13"), {}, QStringLiteral("from"));
        expectInvalid({}, QStringLiteral("13/06/2026"), {}, QStringLiteral("to"));
        expectInvalid({}, {}, QStringLiteral("minute"), QStringLiteral("interval"));
        QVERIFY(!AnalyticsService::parseCompare({}));
        QVERIFY(AnalyticsService::parseCompare(QStringLiteral("previous")));
        for (const QString &bad : {QStringLiteral("prev"), QStringLiteral("Previous"), QStringLiteral("year")}) {
            try {
                AnalyticsService::parseCompare(bad);
                QFAIL("no error");
            } catch (const ServiceError &e) {
                QCOMPARE(e.details().value(QStringLiteral("parameter")), QStringLiteral("compare"));
            }
        }
        expectInvalid(QStringLiteral("2026-01-01"), QStringLiteral("2026-06-13"), QStringLiteral("hour"),
                      QStringLiteral("from"));
    }

    // The top lists of a range are read from spans and single days (dimensionPieces): over
    // every range of the data's days and a few long ones (spans of up to 128 days holding
    // the data), each list is exactly the brute force's.
    void everyRangeMatchesBruteForce()
    {
        const AnalyticsService service(*m_db);
        QList<std::pair<QDate, QDate>> ranges;
        for (QDate from = Day0.addDays(-2); from <= Day0.addDays(11); from = from.addDays(1))
            for (QDate to = from; to <= Day0.addDays(11); to = to.addDays(1))
                ranges.append({from, to});
        ranges.append({Day0.addDays(-130), Day0.addDays(130)});
        ranges.append({Day0.addDays(-3), Day0.addDays(200)});
        ranges.append({Day0.addDays(-250), Day0.addDays(5)});
        const char *lists[] = {"pages",       "referrers",     "browsers", "os",         "devices",   "entry_pages",
                               "utm_sources", "utm_mediums",   "utm_campaigns", "events", "exit_pages", "countries"};
        int nonEmpty = 0;
        for (const auto &[from, to] : std::as_const(ranges)) {
            const auto query = AnalyticsService::parseQuery(from.toString(Qt::ISODate), to.toString(Qt::ISODate), {},
                                                            m_clock.nowMs());
            const QJsonObject got = AnalyticsService::toJson(service.report(m_site, query));
            const QJsonObject want = bruteForce(from, to, false);
            for (const char *list : lists) {
                QVERIFY2(got.value(QLatin1String(list)) == want.value(QLatin1String(list)),
                         qPrintable(QStringLiteral("%1 .. %2, %3: got %4, want %5")
                                        .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                                             QLatin1String(list),
                                             QString::fromUtf8(QJsonDocument(got.value(QLatin1String(list)).toArray())
                                                                   .toJson(QJsonDocument::Compact)),
                                             QString::fromUtf8(QJsonDocument(want.value(QLatin1String(list)).toArray())
                                                                   .toJson(QJsonDocument::Compact)))));
                nonEmpty += !want.value(QLatin1String(list)).toArray().isEmpty();
            }
        }
        QVERIFY(nonEmpty > 1000); // the ranges hold data, so agreeing means something
    }

    // What the writer keeps in rollup_dimension_spans is, row for row, the sums of the day
    // rows over each span (a batch's deltas, a restart and exit pages that move included).
    void spansAreTheSumsOfTheirDays()
    {
        int checked = 0;
        for (const int span : DimensionSpanDays) {
            const qint64 length = span * DayMs;
            const QString start = QStringLiteral("day - ((day % %1) + %1) % %1").arg(length);
            const QString sums = QStringLiteral(
                                     "SELECT website_id, %1 AS start, dimension, value, SUM(count) AS c "
                                     "FROM rollup_dimensions GROUP BY website_id, %1, dimension, value "
                                     "HAVING SUM(count) <> 0")
                                     .arg(start);
            const QString kept = QStringLiteral("SELECT website_id, start, dimension, value, count FROM "
                                                "rollup_dimension_spans WHERE span_days = %1 AND count <> 0")
                                     .arg(span);
            for (const auto &[a, b] : {std::pair{sums, kept}, std::pair{kept, sums}}) {
                Statement q = m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM (%1 EXCEPT %2)").arg(a, b));
                exec(q);
                QVERIFY(q.next());
                QVERIFY2(q.value(0).toInt() == 0, qPrintable(QStringLiteral("span %1: %2 rows differ")
                                                                 .arg(span)
                                                                 .arg(q.value(0).toInt())));
            }
            Statement n = m_db->prepare(
                QStringLiteral("SELECT COUNT(*) FROM rollup_dimension_spans WHERE span_days = %1").arg(span));
            exec(n);
            QVERIFY(n.next());
            QVERIFY2(n.value(0).toInt() > 0, qPrintable(QString::number(span)));
            checked += n.value(0).toInt();
        }
        QVERIFY(checked > 100);
    }

    // An installation upgraded to migration 14 gets the spans of the days it already had,
    // the same rows the writer would have kept.
    void migrationBackfillsTheSpans()
    {
        const QString name = QStringLiteral("backfill-test");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_dir.filePath(QStringLiteral("old.db")));
            QVERIFY(db.open());
            QCOMPARE(Migrations::run(db, 13), std::nullopt);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("ATTACH DATABASE '%1' AS current").arg(m_db->filePath())));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO rollup_dimensions SELECT * FROM current.rollup_dimensions")));
            QVERIFY(q.numRowsAffected() > 100);
            QVERIFY(q.exec(QStringLiteral("DETACH DATABASE current")));
            QCOMPARE(Migrations::run(db), std::nullopt);
            QCOMPARE(Migrations::currentVersion(db), Migrations::latestVersion());
            QVERIFY(q.exec(QStringLiteral("ATTACH DATABASE '%1' AS current").arg(m_db->filePath())));
            const QString mine = QStringLiteral("SELECT website_id, span_days, start, dimension, value, count FROM "
                                                "main.rollup_dimension_spans");
            const QString writers = QStringLiteral("SELECT website_id, span_days, start, dimension, value, count "
                                                   "FROM current.rollup_dimension_spans WHERE count <> 0");
            for (const auto &[a, b] : {std::pair{mine, writers}, std::pair{writers, mine}}) {
                QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM (%1 EXCEPT %2)").arg(a, b)));
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toInt(), 0);
            }
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM main.rollup_dimension_spans")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toInt() > 100);
            q.finish();
            QVERIFY(q.exec(QStringLiteral("DETACH DATABASE current")));
        }
        QSqlDatabase::removeDatabase(name);
    }

    // Days before 1970 (a clock that starts there until NTP has run): spans round down,
    // so every range across the epoch still reads exactly its days.
    void spansAcrossTheEpoch()
    {
        Database db(m_dir.filePath(QStringLiteral("epoch.db")));
        QVERIFY(!db.open());
        std::vector<EventStore::Queued> events;
        QHash<int, QHash<QString, qint64>> byDay; // day number -> path -> pageviews
        quint64 seq = 0;
        for (int day = -9; day <= 6; ++day) {
            for (int i = 0; i <= (day + 20) % 4; ++i) {
                TrackedEvent e;
                e.websiteId = QStringLiteral("epoch");
                e.type = TrackedEvent::Type::Pageview;
                e.path = QStringLiteral("/d%1").arg((day + 30) % 3);
                e.url = QStringLiteral("https://e.example") + e.path;
                e.sessionId = QStringLiteral("s%1-%2").arg(day).arg(i);
                e.userAgent = QStringLiteral("Mozilla/5.0");
                e.deviceType = QStringLiteral("desktop");
                e.browser = QStringLiteral("Firefox");
                e.os = QStringLiteral("Linux");
                e.occurredAt = qint64(day) * DayMs + 3'600'000 + i;
                e.receivedAt = e.occurredAt;
                byDay[day][e.path] += 1;
                events.push_back({++seq, e});
            }
        }
        try {
            EventStore(db).apply(events, {}, seq);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        const QDate epoch(1970, 1, 1);
        int compared = 0;
        for (int first = -10; first <= 7; ++first) {
            for (int last = first; last <= 7; ++last) {
                AnalyticsService::Query q;
                q.from = epoch.addDays(first);
                q.to = epoch.addDays(last);
                QHash<QString, qint64> want;
                for (int day = first; day <= last; ++day)
                    for (auto it = byDay.value(day).cbegin(); it != byDay.value(day).cend(); ++it)
                        want[it.key()] += it.value();
                QJsonObject got;
                try {
                    got = AnalyticsService::toJson(AnalyticsService(db).report(QStringLiteral("epoch"), q));
                } catch (const std::exception &e) {
                    QFAIL(e.what());
                }
                QVERIFY2(got.value(QStringLiteral("pages")).toArray() == top(want),
                         qPrintable(QStringLiteral("days %1 .. %2").arg(first).arg(last)));
                ++compared;
            }
        }
        QCOMPARE(compared, 171);
        QCOMPARE(dimensionSpanStart(-DayMs, 2), -2 * DayMs);
        QCOMPARE(dimensionSpanStart(-3 * DayMs, 4), -4 * DayMs);
        QCOMPARE(dimensionSpanStart(5 * DayMs, 4), 4 * DayMs);
    }

    void dimensionPiecesCoverTheRange()
    {
        using Piece = AnalyticsService::DimensionPiece;
        const auto day = [](int n) { return qint64(n) * DayMs; };
        // 2026-11-02 .. 2026-12-01 (days 20759 .. 20788 since 1970-01-01).
        QCOMPARE(AnalyticsService::dimensionPieces(day(20759), day(20789)),
                 (QList<Piece>{{1, day(20759)}, {8, day(20760)}, {16, day(20768)}, {4, day(20784)}, {1, day(20788)}}));
        QCOMPARE(AnalyticsService::dimensionPieces(day(20760), day(20761)), (QList<Piece>{{1, day(20760)}}));
        QCOMPARE(AnalyticsService::dimensionPieces(day(20608), day(20608 + 256)),
                 (QList<Piece>{{128, day(20608)}, {128, day(20608 + 128)}}));
        for (int first = 20480; first < 20736; ++first) { // every alignment up to 128 days, and beyond
            for (int days = 1; days <= 366; days += (days < 40 ? 1 : 13)) {
                const QList<Piece> pieces = AnalyticsService::dimensionPieces(day(first), day(first + days));
                qint64 at = day(first);
                for (const Piece &p : pieces) {
                    QCOMPARE(p.start, at);
                    QVERIFY(p.spanDays == 1 || std::find(std::begin(DimensionSpanDays), std::end(DimensionSpanDays),
                                                         p.spanDays) != std::end(DimensionSpanDays));
                    QCOMPARE(p.start % (p.spanDays * DayMs), 0);
                    at += p.spanDays * DayMs;
                }
                QCOMPARE(at, day(first + days));
                QVERIFY2(pieces.size() <= 14, qPrintable(QStringLiteral("%1 days from %2: %3 pieces")
                                                             .arg(days)
                                                             .arg(first)
                                                             .arg(pieces.size())));
                if (days <= 31)
                    QVERIFY(pieces.size() <= 8);
            }
        }
    }

    // Last (it deletes the data): deleting a website deletes everything derived from its
    // events, the filtered rollups (paths, referrers, campaigns) included; another
    // website's rows stay.
    void deletingTheWebsiteDeletesItsRollups()
    {
        const auto rows = [&](const char *table, const QString &website) {
            Statement q = m_db->prepare(
                QStringLiteral("SELECT COUNT(*) FROM %1 WHERE website_id = ?").arg(QLatin1String(table)));
            q.addBindValue(website);
            exec(q);
            return q.next() ? q.value(0).toLongLong() : -1;
        };
        const char *tables[] = {"events",           "rollup_buckets",      "rollup_dimensions",
                                "rollup_dimension_spans", "filtered_buckets", "filtered_dimensions",
                                "session_state",    "ingest_stats"};
        for (const char *table : tables) {
            QVERIFY2(rows(table, m_site) > 0, table);
            QVERIFY2(rows(table, QStringLiteral("w2")) > 0, table);
        }
        WebsiteRepository(*m_db).remove(m_site);
        for (const char *table : tables) {
            QVERIFY2(rows(table, m_site) == 0, table);
            QVERIFY2(rows(table, QStringLiteral("w2")) > 0, table);
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
