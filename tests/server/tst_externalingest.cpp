// The key-authenticated ingest and analytics routes of the external API:
// POST /api/external/v1/events (write; one event or a batch with per-item results) and
// GET /api/external/v1/analytics/{websiteId} (read; parameter validation, the shape).
#include "fixtures.h"
#include "httpclient.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include "core/ingest/eventpipeline.h"
#include "core/ingest/ingestservice.h"
#include "core/websites/websiteservice.h"
#include "server/serverinstance.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace TestSupport;

class TestExternalIngest : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    SeededKey m_writer, m_reader;
    Core::Website m_site, m_foreign;

    HttpResult call(const QByteArray &method, const QByteArray &target, const SeededKey &key,
                    const QJsonObject &body = {})
    {
        return httpRequest(m_server->port(), method, target, {{"X-API-Key", key.key.toLatin1()}},
                           body.isEmpty() ? QByteArray() : toJsonBytes(body));
    }
    QJsonObject withSite(QJsonObject o) const
    {
        o.insert(QStringLiteral("website_id"), m_site.id);
        return o;
    }
    void flush()
    {
        m_server->runOnServerThread([](Server::ServerInstance &s) { QVERIFY(s.eventPipeline().flush()); });
    }
    QByteArray analyticsTarget(const QString &query) const
    {
        return "/api/external/v1/analytics/" + m_site.id.toLatin1() + "?" + query.toLatin1();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        const Core::User user = Fixtures::createUser(*m_server, QStringLiteral("ingest@example.com"));
        const Core::Team team =
            Fixtures::createTeam(*m_server, QStringLiteral("Shop"), Core::Plan::Pro, user.id);
        const Core::User other = Fixtures::createUser(*m_server, QStringLiteral("other@example.com"));
        const Core::Team otherTeam =
            Fixtures::createTeam(*m_server, QStringLiteral("Other"), Core::Plan::Pro, other.id);
        Fixtures::setPlanLimits(*m_server, Core::Plan::Pro, 1000, 100000);
        m_site = Fixtures::createWebsite(*m_server, team.id, QStringLiteral("Shop site"));
        m_foreign = Fixtures::createWebsite(*m_server, otherTeam.id, QStringLiteral("Not mine"));
        m_writer = Fixtures::createKey(*m_server, user.id, team.id,
                                       {QStringLiteral("read"), QStringLiteral("write")});
        m_reader = Fixtures::createKey(*m_server, user.id, team.id, {QStringLiteral("read")});
    }
    void cleanupTestCase() { m_server.reset(); }

    void singleEventIsAcceptedAndCountedForTheKey()
    {
        const HttpResult r = call("POST", "/api/external/v1/events", m_writer, withSite(sampleEvent()));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        flush();
        qint64 forKey = -1;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            forKey = s.context().ingest.acceptedForKey(m_writer.id,
                                                       QDateTime::currentMSecsSinceEpoch() - 3'600'000);
        });
        QCOMPARE(forKey, 1);
    }

    void batchHasPerItemResults()
    {
        QJsonObject invalid = sampleEvent(QStringLiteral("/b"));
        invalid.insert(QStringLiteral("url"), QStringLiteral("not-a-url"));
        QJsonObject bot = sampleEvent(QStringLiteral("/c"));
        bot.insert(QStringLiteral("user_agent"), QStringLiteral("Mozilla/5.0 (compatible; bingbot/2.0)"));
        const QJsonArray events{sampleEvent(QStringLiteral("/a")), invalid, bot, 7};
        const HttpResult r =
            call("POST", "/api/external/v1/events", m_writer, withSite({{QStringLiteral("events"), events}}));
        QCOMPARE(r.status, 202);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(body.value(QStringLiteral("dropped")).toInt(), 1);
        QCOMPARE(body.value(QStringLiteral("rejected")).toInt(), 2);
        const QJsonArray results = body.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        QCOMPARE(results[1].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(results[1]
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QStringLiteral("Invalid URL format"));
        QCOMPARE(results[2].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("bot"));
        QCOMPARE(results[3].toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("INVALID_PARAMETER"));
    }

    void batchErrors()
    {
        QJsonObject invalid = sampleEvent();
        invalid.remove(QStringLiteral("session_id"));
        HttpResult r = call("POST", "/api/external/v1/events", m_writer,
                            withSite({{QStringLiteral("events"), QJsonArray{invalid}}}));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("events[0].session_id"))
                     .toString(),
                 QStringLiteral("Required"));

        QJsonArray tooMany;
        for (int i = 0; i < 501; ++i)
            tooMany.append(sampleEvent());
        r = call("POST", "/api/external/v1/events", m_writer,
                 withSite({{QStringLiteral("events"), tooMany}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PARAMETER"));

        r = call("POST", "/api/external/v1/events", m_writer, sampleEvent());
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("details")).toObject().contains(QStringLiteral("website_id")));

        r = call("POST", "/api/external/v1/events", m_reader, withSite(sampleEvent()));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("INSUFFICIENT_PERMISSION"));

        QJsonObject foreign = sampleEvent();
        foreign.insert(QStringLiteral("website_id"), m_foreign.id);
        r = call("POST", "/api/external/v1/events", m_writer, foreign);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("WEBSITE_ACCESS_DENIED"));
    }

    void analyticsParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("from=yesterday") << "from=yesterday"
                                        << "from";
        QTest::newRow("bad to") << "from=2026-06-01&to=2026-13-01"
                                << "to";
        QTest::newRow("from after to") << "from=2026-06-13&to=2026-06-01"
                                       << "from";
        QTest::newRow("unknown interval") << "from=2026-06-01&to=2026-06-13&interval=week"
                                          << "interval";
        QTest::newRow("hourly too long") << "from=2026-01-01&to=2026-06-13&interval=hour"
                                         << "from";
        QTest::newRow("daily too long") << "from=2024-01-01&to=2026-06-13"
                                        << "from";
        QTest::newRow("unknown compare") << "compare=last_year"
                                         << "compare";
    }
    void analyticsParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const HttpResult r = call("GET", analyticsTarget(query), m_reader);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY2(r.json()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QLatin1Char('\'') + parameter + QLatin1Char('\'')),
                 r.body.constData());
    }

    void analyticsShapeAndAccess()
    {
        flush();
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        HttpResult r =
            call("GET", analyticsTarget(QStringLiteral("from=%1&to=%1&interval=hour").arg(today)), m_reader);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("website_id")).toString(), m_site.id);
        QCOMPARE(body.value(QStringLiteral("interval")).toString(), QStringLiteral("hour"));
        const QJsonObject totals = body.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("pageviews")).toInt(), 2); // one single + one from the batch
        QCOMPARE(totals.value(QStringLiteral("visitors")).toInt(), 1);
        QCOMPARE(totals.value(QStringLiteral("sessions")).toInt(), 1);
        QCOMPARE(body.value(QStringLiteral("timeseries")).toArray().size(), 24);
        for (const char *list : {"pages", "referrers", "browsers", "os", "devices", "entry_pages", "utm_sources",
                                 "utm_mediums", "utm_campaigns", "events", "exit_pages", "countries"})
            QVERIFY2(body.value(QLatin1String(list)).isArray(), list);
        QCOMPARE(body.value(QStringLiteral("devices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("desktop"));

        QVERIFY(!body.contains(QStringLiteral("previous_totals")));

        // compare=previous: today's events are not in yesterday's totals; tomorrow's
        // previous period is today.
        const QString tomorrow = QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);
        r = call("GET", analyticsTarget(QStringLiteral("from=%1&to=%1&compare=previous").arg(today)), m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("previous_totals")).toObject().value(QStringLiteral("pageviews")),
                 QJsonValue(0));
        r = call("GET", analyticsTarget(QStringLiteral("from=%1&to=%1&compare=previous").arg(tomorrow)), m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("previous_from")).toString(), today);
        QCOMPARE(r.json().value(QStringLiteral("previous_totals")).toObject(), totals);

        // Realtime: the events just sent (timestamped now) are in the last 5 minutes.
        r = call("GET", "/api/external/v1/analytics/" + m_site.id.toLatin1() + "/realtime", m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("visitors")).toInt(), 1);
        const QJsonArray perMinute = r.json().value(QStringLiteral("pageviews_per_minute")).toArray();
        QCOMPARE(perMinute.size(), 30);
        int recentPageviews = 0;
        for (const QJsonValue &n : perMinute)
            recentPageviews += n.toInt();
        QCOMPARE(recentPageviews, 2);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        r = call("GET", "/api/external/v1/analytics/" + m_foreign.id.toLatin1() + "/realtime", m_reader);
        QCOMPARE(r.status, 403);

        r = call("GET", "/api/external/v1/analytics/" + m_foreign.id.toLatin1(), m_reader);
        QCOMPARE(r.status, 403);
        r = call("GET", "/api/external/v1/analytics/no-such-site", m_reader);
        QCOMPARE(r.status, 404);
        r = httpRequest(m_server->port(), "GET", analyticsTarget(QString()));
        QCOMPARE(r.status, 401);
    }

    // A backend may name each event's visitor address (client_ip): it makes the visitor
    // (with the user agent), as the tracker's request address does.
    void clientIpNamesTheVisitor()
    {
        const QDate day = QDateTime::currentDateTimeUtc().date().addDays(-2);
        const qint64 noon = QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        QJsonArray events;
        const auto event = [&](const QString &session, const QJsonValue &ip) {
            QJsonObject e = sampleEvent(QStringLiteral("/backend"), session);
            e.insert(QStringLiteral("timestamp"), noon + events.size() * 1000);
            if (!ip.isUndefined())
                e.insert(QStringLiteral("client_ip"), ip);
            events.append(e);
        };
        event(QStringLiteral("backend-tab-1"), QStringLiteral("198.51.100.20"));
        event(QStringLiteral("backend-tab-2"), QStringLiteral(" ::ffff:198.51.100.20 ")); // the same address
        event(QStringLiteral("backend-tab-3"), QStringLiteral("2001:db8::20"));
        event(QStringLiteral("backend-tab-4"), QStringLiteral("2001:DB8:0::20")); // the same, written otherwise
        event(QStringLiteral("backend-solo-1"), QJsonValue::Undefined);           // no address: its session
        event(QStringLiteral("backend-bad-1"), QStringLiteral("999.1.1.1"));
        event(QStringLiteral("backend-bad-2"), 42);
        event(QStringLiteral("backend-bad-3"), QStringLiteral("fe80::1%eth0"));
        HttpResult r = call("POST", "/api/external/v1/events", m_writer, withSite({{QStringLiteral("events"), events}}));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("accepted")).toInt(), 5);
        const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
        for (int i : {5, 6, 7})
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("client_ip")),
                     QJsonValue(QStringLiteral("Must be the visitor's IPv4 or IPv6 address")));
        // One event alone, with a malformed address: 422 naming the field.
        QJsonObject single = withSite(sampleEvent(QStringLiteral("/backend"), QStringLiteral("backend-single")));
        single.insert(QStringLiteral("client_ip"), QStringLiteral("not an address"));
        r = call("POST", "/api/external/v1/events", m_writer, single);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("details")).toObject().contains(QStringLiteral("client_ip")));
        // Every failing field at once, client_ip among them.
        single.insert(QStringLiteral("url"), QStringLiteral("nope"));
        r = call("POST", "/api/external/v1/events", m_writer, single);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("details")).toObject().keys(),
                 (QStringList{QStringLiteral("client_ip"), QStringLiteral("url")}));
        flush();
        r = call("GET", analyticsTarget(QStringLiteral("from=%1&to=%1").arg(day.toString(Qt::ISODate))), m_reader);
        QCOMPARE(r.status, 200);
        const QJsonObject totals = r.json().value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("sessions")).toInt(), 5);
        QCOMPARE(totals.value(QStringLiteral("visitors")).toInt(), 3);

        // The website's excluded addresses drop a backend's events by their client_ip.
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            Core::WebsiteService(s.database(), s.context().clock)
                .update(m_site.id, {{}, {}, {}, QStringList{QStringLiteral("198.51.100.0/24")}});
        });
        QJsonObject office = sampleEvent(QStringLiteral("/backend"), QStringLiteral("backend-office-1"));
        office.insert(QStringLiteral("client_ip"), QStringLiteral("::ffff:198.51.100.99"));
        QJsonObject outside = office;
        outside.insert(QStringLiteral("client_ip"), QStringLiteral("198.51.101.1"));
        r = call("POST", "/api/external/v1/events", m_writer,
                 withSite({{QStringLiteral("events"), QJsonArray{office, outside}}}));
        QCOMPARE(r.status, 202);
        const QJsonArray dropped = r.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(dropped.at(0).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("excluded"));
        QCOMPARE(dropped.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        r = call("POST", "/api/external/v1/events", m_writer, withSite(office)); // one event alone
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("excluded"));
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            Core::WebsiteService(s.database(), s.context().clock).update(m_site.id, {{}, {}, {}, QStringList()});
        });
    }

    // Filters and the CSV export through real HTTP: one filter (rollups), two (stored
    // events), a value with a space, bad parameters; the export's rows and headers.
    void filtersAndExport()
    {
        QJsonArray events;
        const auto event = [&](const QString &path, const QString &browser, bool custom = false) {
            QJsonObject e = sampleEvent(path, QStringLiteral("filter-session-1"));
            e.insert(QStringLiteral("browser"), browser);
            if (custom) {
                e.insert(QStringLiteral("event_type"), QStringLiteral("event"));
                e.insert(QStringLiteral("name"), QStringLiteral("filter-signup"));
            }
            events.append(e);
        };
        event(QStringLiteral("/filter-page?utm_campaign=spring%20sale"), QStringLiteral("FilterBrowser"));
        event(QStringLiteral("/filter-page"), QStringLiteral("FilterBrowser"));
        event(QStringLiteral("/filter-other?utm_campaign=spring%20sale"), QStringLiteral("FilterBrowser"));
        event(QStringLiteral("/filter-page"), QStringLiteral("FilterBrowser"), true);
        event(QStringLiteral("/filter-page"), QStringLiteral("OtherBrowser"));
        { // a name a spreadsheet would run as a formula
            QJsonObject e = sampleEvent(QStringLiteral("/filter-other"), QStringLiteral("filter-session-2"));
            e.insert(QStringLiteral("event_type"), QStringLiteral("event"));
            e.insert(QStringLiteral("name"), QStringLiteral("=HYPERLINK(\"x\",\"y\")"));
            events.append(e);
        }
        QCOMPARE(call("POST", "/api/external/v1/events", m_writer, withSite({{QStringLiteral("events"), events}}))
                     .status,
                 202);
        // The events' UTC day (they carry no timestamp: received now), for the export's rows.
        const QByteArray today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate).toLatin1();
        flush();
        const auto totals = [&](const QByteArray &query) {
            const HttpResult r = call("GET", analyticsTarget(QString::fromLatin1(query)), m_reader);
            return r.status == 200 ? r.json() : QJsonObject{{QStringLiteral("status"), r.status}};
        };
        QJsonObject r = totals("page=/filter-page");
        QCOMPARE(r.value(QStringLiteral("filters")).toObject(),
                 (QJsonObject{{QStringLiteral("page"), QStringLiteral("/filter-page")}}));
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("pageviews")).toInt(), 3);
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("events")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("pages")).toArray().size(), 1);
        // One visit (the session's matching events), counted by the browser it began with.
        QCOMPARE(r.value(QStringLiteral("browsers")).toArray().size(), 1);
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("sessions")).toInt(), 1);
        r = totals("browser=FilterBrowser");
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("pageviews")).toInt(), 3);
        r = totals("browser=FilterBrowser&utm_campaign=spring%20sale&compare=previous");
        QCOMPARE(r.value(QStringLiteral("filters")).toObject().size(), 2);
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("pageviews")).toInt(), 2);
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("sessions")).toInt(), 1);
        QVERIFY(r.contains(QStringLiteral("previous_totals")));
        r = totals("browser=FilterBrowser&page=/filter-page&event=filter-signup");
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("events")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("totals")).toObject().value(QStringLiteral("pageviews")).toInt(), 0);
        for (const char *bad : {"country=DE&country=FR", "page=", "os=Linux&device=desktop&from=2026-01-01&to=2026-06-01"}) {
            const HttpResult e = call("GET", analyticsTarget(QString::fromLatin1(bad)), m_reader);
            QCOMPARE(e.status, 400);
            QCOMPARE(e.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PARAMETER"));
        }
        // Realtime narrowed by the same parameters (the events were received just now).
        const QByteArray realtimeBase = "/api/external/v1/analytics/" + m_site.id.toLatin1() + "/realtime";
        const auto realtimePageviews = [&](const QByteArray &query) {
            const HttpResult rt = call("GET", realtimeBase + query, m_reader);
            if (rt.status != 200)
                return -rt.status;
            int sum = 0;
            for (const QJsonValue &n : rt.json().value(QStringLiteral("pageviews_per_minute")).toArray())
                sum += n.toInt();
            return sum;
        };
        QCOMPARE(realtimePageviews("?page=/filter-page"), 3);
        QCOMPARE(realtimePageviews("?page=/filter-page&browser=FilterBrowser"), 2);
        QCOMPARE(realtimePageviews("?utm_campaign=spring%20sale"), 2);
        QCOMPARE(realtimePageviews("?browser=NobodysBrowser"), 0);
        const HttpResult filteredRealtime = call("GET", realtimeBase + "?browser=FilterBrowser", m_reader);
        QCOMPARE(filteredRealtime.json().value(QStringLiteral("filters")).toObject(),
                 (QJsonObject{{QStringLiteral("browser"), QStringLiteral("FilterBrowser")}}));
        QCOMPARE(realtimePageviews("?page=&browser=x"), -400);

        const QByteArray exportBase = "/api/external/v1/analytics/" + m_site.id.toLatin1() + "/export";
        HttpResult e = call("GET", exportBase, m_reader);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
        QVERIFY(e.header("Content-Disposition").startsWith("attachment; filename=\"zenovay-"));
        const QList<QByteArray> lines = e.body.split('\n');
        QCOMPARE(lines.first(), QByteArray("date,dimension,value,visitors,pageviews\r"));

        QVERIFY2(lines.contains(today + ",page,/filter-page,1,3\r"), e.body.constData());
        QVERIFY2(lines.contains(today + ",utm_campaign,spring sale,1,2\r"), e.body.constData());
        QVERIFY2(lines.contains(today + ",event,filter-signup,1,0\r"), e.body.constData());
        QVERIFY2(lines.contains(today + ",browser,FilterBrowser,1,3\r"), e.body.constData());
        // Quoted, and defused with a leading apostrophe.
        QVERIFY2(lines.contains(today + ",event,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",1,0\r"), e.body.constData());
        QCOMPARE(call("GET", exportBase + "?from=2026-13-01", m_reader).status, 400);
        QCOMPARE(call("GET", "/api/external/v1/analytics/" + m_foreign.id.toLatin1() + "/export", m_reader).status, 403);
    }

    // One custom event's properties through real HTTP.
    void eventPropertiesOfOneEvent()
    {
        QJsonArray events;
        for (const char *plan : {"pro", "pro", "free"}) {
            QJsonObject e = sampleEvent(QStringLiteral("/signup"), QStringLiteral("props-session-1"));
            e.insert(QStringLiteral("event_type"), QStringLiteral("event"));
            e.insert(QStringLiteral("name"), QStringLiteral("plan chosen"));
            e.insert(QStringLiteral("props"), QJsonObject{{QStringLiteral("plan"), QLatin1String(plan)},
                                                          {QStringLiteral("seats"), 3}});
            events.append(e);
        }
        QCOMPARE(call("POST", "/api/external/v1/events", m_writer, withSite({{QStringLiteral("events"), events}}))
                     .status,
                 202);
        flush();
        const QByteArray base = "/api/external/v1/analytics/" + m_site.id.toLatin1() + "/event-properties";
        HttpResult r = call("GET", base + "?name=plan%20chosen", m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("events")).toInt(), 3);
        const QJsonArray properties = body.value(QStringLiteral("properties")).toArray();
        QCOMPARE(properties.size(), 2);
        const QJsonObject plan = properties.at(0).toObject().value(QStringLiteral("key")) == QStringLiteral("plan")
                                     ? properties.at(0).toObject()
                                     : properties.at(1).toObject();
        QCOMPARE(plan.value(QStringLiteral("values")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("pro")}, {QStringLiteral("count"), 2}},
                             QJsonObject{{QStringLiteral("value"), QStringLiteral("free")}, {QStringLiteral("count"), 1}}}));
        r = call("GET", base, m_reader); // no name
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("'name'")), r.body.constData());
        r = call("GET", base + "?name=x&from=2026-01-01&to=2026-06-01", m_reader);
        QCOMPARE(r.status, 400);
        r = call("GET", "/api/external/v1/analytics/" + m_foreign.id.toLatin1() + "/event-properties?name=x", m_reader);
        QCOMPARE(r.status, 403);
    }
};

QTEST_GUILESS_MAIN(TestExternalIngest)
#include "tst_externalingest.moc"
