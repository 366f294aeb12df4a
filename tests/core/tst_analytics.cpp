// AnalyticsService against a brute-force computation over a generated event set that
// went through the real ingest path (journal, writer, rollups): day and hour buckets,
// bucket edges (23:59:59.999 / 00:00), a visit across midnight, empty days, top lists.
#include "core/analytics/analyticsservice.h"
#include "core/ingest/eventpipeline.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"

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
    QString browser, os, device;
    qint64 last = 0;  // its last event
    QString exitPath; // its last pageview's
};
} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{dayStart(Day0.addDays(12))};
    QList<TrackedEvent> m_events; // website "w1", in time order
    QList<Visit> m_visits;
    QSet<const TrackedEvent *> m_entries; // the first pageview of each visit
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

        QHash<QString, qsizetype> open; // session -> index in m_visits
        QHash<QString, qint64> lastSeen;
        for (const TrackedEvent &e : std::as_const(m_events)) {
            const bool fresh =
                !open.contains(e.sessionId) || e.occurredAt - lastSeen.value(e.sessionId) >= 30 * 60'000;
            if (fresh) {
                open.insert(e.sessionId, m_visits.size());
                m_visits.append({e.sessionId, e.occurredAt, 0, 0, e.browser, e.os, e.deviceType, e.occurredAt, {}});
            }
            Visit &v = m_visits[open.value(e.sessionId)];
            // A visit's entry page: its first pageview.
            if (e.type == TrackedEvent::Type::Pageview && v.pageviews == 0)
                m_entries.insert(&e);
            (e.type == TrackedEvent::Type::Pageview ? v.pageviews : v.events) += 1;
            v.last = e.occurredAt;
            if (e.type == TrackedEvent::Type::Pageview)
                v.exitPath = e.path;
            lastSeen.insert(e.sessionId, e.occurredAt);
        }
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
        const qint64 begin = dayStart(from), end = dayStart(to) + DayMs, step = hourly ? HourMs : DayMs;
        QJsonArray series;
        QSet<QByteArray> allVisitors;
        qint64 pageviews = 0, events = 0;
        QHash<QString, qint64> pages, refs, browsers, oses, devices, utmSources, utmMediums, utmCampaigns, names,
            entries, exits;
        for (qint64 b = begin; b < end; b += step) {
            qint64 pv = 0, ev = 0, sessions = 0;
            QSet<QByteArray> visitors;
            for (const TrackedEvent &e : m_events) {
                if (e.occurredAt < b || e.occurredAt >= b + step)
                    continue;
                visitors.insert(visitorOf(e));
                if (e.type == TrackedEvent::Type::Pageview) {
                    ++pv;
                    pages[e.path] += 1;
                    const QUrlQuery query(QUrl(e.url).query(QUrl::FullyEncoded));
                    for (const auto &[name, counts] :
                         {std::pair{QStringLiteral("utm_source"), &utmSources},
                          std::pair{QStringLiteral("utm_medium"), &utmMediums},
                          std::pair{QStringLiteral("utm_campaign"), &utmCampaigns}}) {
                        // Form encoding: '+' is a space, "%2B" a plus; values are trimmed.
                        const QString v =
                            QUrl::fromPercentEncoding(
                                query.queryItemValue(name, QUrl::FullyEncoded).replace(u'+', u' ').toUtf8())
                                .trimmed();
                        if (!v.isEmpty())
                            (*counts)[v] += 1;
                    }
                    if (m_entries.contains(&e))
                        entries[e.path] += 1;
                    const QString host = QUrl(e.referrer).host();
                    if (!host.isEmpty() && host != QUrl(e.url).host())
                        refs[host] += 1;
                } else {
                    ++ev;
                    names[e.name] += 1;
                }
            }
            for (const Visit &v : m_visits)
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
        for (const Visit &v : m_visits) {
            if (v.start < begin || v.start >= end)
                continue;
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
        };
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

    // Realtime at instants inside the data (and at the busiest minute's edges), against
    // the raw events counted the obvious way.
    void realtimeMatchesBruteForce()
    {
        const AnalyticsService service(*m_db);
        QList<qint64> instants;
        for (qsizetype i = 0; i < m_events.size(); i += m_events.size() / 7)
            instants << m_events.at(i).occurredAt << m_events.at(i).occurredAt + 4 * 60'000 + 59'999
                     << m_events.at(i).occurredAt + 29 * 60'000;
        int nonEmpty = 0;
        for (qint64 now : std::as_const(instants)) {
            const auto r = service.realtime(m_site, now);
            const qint64 begin = now / 60'000 * 60'000 - 29 * 60'000;
            QList<qint64> perMinute(30, 0);
            QSet<QByteArray> visitors;
            QHash<QString, qint64> pages;
            for (const TrackedEvent &e : m_events) {
                if (e.occurredAt > now)
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
            nonEmpty += r.visitors > 0;
        }
        QVERIFY(nonEmpty >= 5);
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
              std::tuple{QStringLiteral(" "), AnalyticsService::Query{Day0, Day0, Granularity::Day, false},
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
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
