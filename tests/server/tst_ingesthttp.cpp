// POST /e/{code} and GET /z.js over real HTTP: status codes, CORS, sendBeacon bodies,
// bots, exact per-IP limits with a manual clock, the tracker's cache headers.
#include "countrydb.h"
#include "httpclient.h"
#include "ingestfixtures.h"
#include "keepaliveclient.h"
#include "testserver.h"

#include "core/analytics/analyticsservice.h"
#include "core/websites/websiteservice.h"
#include "core/ingest/eventpipeline.h"
#include "core/ingest/ingestservice.h"
#include "core/model/timeutil.h"
#include "server/serverinstance.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
// 2026-06-13T12:00:00Z, the start of an hour (and of a 10 s window).
constexpr qint64 Start = 1'781'352'000'000;
constexpr qint64 HourMs = 3'600'000;
} // namespace

class TestIngestHttp : public QObject
{
    Q_OBJECT
    std::shared_ptr<Core::ManualClock> m_clock = std::make_shared<Core::ManualClock>(Start);
    std::unique_ptr<TestServer> m_server;
    Core::Website m_site;
    qint64 m_hour = Start; // each test that counts against the limits starts in a fresh hour

    QByteArray target() const { return "/e/" + m_site.trackingCode.toLatin1(); }
    void freshHour()
    {
        m_hour += HourMs;
        m_clock->setMs(m_hour);
    }
    void flush()
    {
        m_server->runOnServerThread([](Server::ServerInstance &s) { QVERIFY(s.eventPipeline().flush()); });
    }
    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        qint64 n = -1;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            Core::Statement q = s.database().prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                n = q.value(0).toLongLong();
        });
        return n;
    }
    QJsonObject stats()
    {
        QJsonObject out;
        m_server->runOnServerThread(
            [&](Server::ServerInstance &s) { out = s.context().ingest.statsJson(m_site.id); });
        return out;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([this](Server::ServerConfig &c) { c.clock = m_clock; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        m_server->runOnServerThread(
            [this](Server::ServerInstance &s) { m_site = createWebsite(s.database()); });
    }
    void cleanupTestCase() { m_server.reset(); }

    void acceptedEventIsStoredWithItsFields()
    {
        freshHour();
        QJsonObject e = sampleEvent(QStringLiteral("/pricing?plan=pro"));
        e.insert(QStringLiteral("referrer"), QStringLiteral("https://news.example.org/item"));
        e.insert(QStringLiteral("props"), QJsonObject{{QStringLiteral("ab"), QStringLiteral("b")}});
        const HttpResult r = httpRequest(m_server->port(), "POST", target(),
                                         {{"Origin", "https://example.com"}}, toJsonBytes(e));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QVERIFY(!r.header("X-Request-Id").isEmpty());
        flush();
        QCOMPARE(count(QStringLiteral(
                           "SELECT COUNT(*) FROM events WHERE website_id = ? AND path = '/pricing' AND "
                           "referrer = 'https://news.example.org/item' AND props = '{\"ab\":\"b\"}' AND "
                           "session_id = 'srv-session-abcdef' AND device_type = 'desktop' AND "
                           "occurred_at = ? AND key_id IS NULL"),
                       {m_site.id, m_hour}),
                 1);
        QVERIFY(
            stats().value(QStringLiteral("last_24h")).toObject().value(QStringLiteral("accepted")).toInt() >=
            1);
    }

    // Visitors are people (client address + user agent), not tabs; the address is not kept.
    void visitorsArePeopleNotTabs()
    {
        freshHour();
        const QByteArray firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        const QByteArray chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
        const auto send = [&](const QByteArray &address, const QByteArray &agent, const QString &session) {
            QJsonObject e = sampleEvent(QStringLiteral("/people"), session);
            e.insert(QStringLiteral("user_agent"), QString::fromLatin1(agent));
            // The test client is on loopback, a trusted proxy by default: it names the client.
            const HttpResult r = httpRequest(m_server->port(), "POST", target(), {{"X-Forwarded-For", address}},
                                             toJsonBytes(e));
            QCOMPARE(r.status, 202);
        };
        // One person, three tabs (three sessions): one visitor.
        for (const char *tab : {"tab-one-1", "tab-two-2", "tab-three-3"})
            send("198.51.100.71", firefox, QString::fromLatin1(tab));
        send("198.51.100.71", chrome, QStringLiteral("other-browser-1")); // same address, other browser
        send("198.51.100.72", firefox, QStringLiteral("other-address-1")); // same browser, other address
        flush();
        const QString day = Core::Time::toIso(m_hour).left(10);
        Core::AnalyticsService::Report report;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            const Core::AnalyticsService analytics(s.database());
            report = analytics.report(m_site.id, Core::AnalyticsService::parseQuery(day, day, QStringLiteral("hour"),
                                                                                    m_clock->nowMs()));
        });
        const Core::AnalyticsService::Bucket &hour = report.timeseries.at(int((m_hour % 86'400'000) / HourMs));
        QCOMPARE(hour.pageviews, 5);
        QCOMPARE(hour.sessions, 5);
        QCOMPARE(hour.visitors, 3);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT visitor_id) FROM events WHERE website_id = ? AND "
                                      "path = '/people' AND length(visitor_id) = 16"),
                       {m_site.id}),
                 3);
        // The addresses are nowhere in the database (its WAL included) or the journal.
        QDirIterator files(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            const QString file = files.next();
            if (!file.contains(QLatin1String(".db")) && !file.contains(QLatin1String("journal")))
                continue;
            ++scanned;
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains("198.51.100.7"), qPrintable(file));
            QVERIFY2(!bytes.contains(QByteArray::fromRawData(reinterpret_cast<const char *>(u"198.51.100.7"), 24)),
                     qPrintable(file));
        }
        QVERIFY(scanned >= 2);
    }

    // [geoip] database: each visit's country, by the forwarded client address; the
    // address is looked up, not kept.
    void countriesFromTheConfiguredDatabase()
    {
        QTemporaryDir dir;
        QString error;
        const QString database = TestSupport::writeCountryDatabase(dir.path(), &error);
        QVERIFY2(!database.isEmpty(), qPrintable(error));
        TestServer server([&](Server::ServerConfig &c) { c.geoipDatabase = database; });
        QVERIFY2(server.isRunning(), qPrintable(server.startError()));
        Core::Website site;
        server.runOnServerThread([&](Server::ServerInstance &s) { site = createWebsite(s.database()); });
        const QByteArray code = "/e/" + site.trackingCode.toLatin1();
        int n = 0;
        const auto visit = [&](const QByteArray &address) {
            const HttpResult r = httpRequest(server.port(), "POST", code, {{"X-Forwarded-For", address}},
                                             toJsonBytes(sampleEvent(QStringLiteral("/"),
                                                                     QStringLiteral("country-visit-%1").arg(++n))));
            QCOMPARE(r.status, 202);
        };
        visit("198.51.100.7");
        visit("198.51.100.8");
        visit("2001:db8::5");
        visit("10.1.2.3"); // a private address: unknown
        server.runOnServerThread([](Server::ServerInstance &s) { QVERIFY(s.eventPipeline().flush()); });
        QJsonObject report;
        server.runOnServerThread([&](Server::ServerInstance &s) {
            const Core::AnalyticsService analytics(s.database());
            report = Core::AnalyticsService::toJson(
                analytics.report(site.id, Core::AnalyticsService::parseQuery({}, {}, {}, s.context().clock.nowMs())));
        });
        const QJsonArray want{QJsonObject{{QStringLiteral("value"), QStringLiteral("DE")}, {QStringLiteral("count"), 2}},
                              QJsonObject{{QStringLiteral("value"), QStringLiteral("FR")}, {QStringLiteral("count"), 1}},
                              QJsonObject{{QStringLiteral("value"), QStringLiteral("XX")}, {QStringLiteral("count"), 1}}};
        QCOMPARE(report.value(QStringLiteral("countries")).toArray(), want);

        // A server without a database counts no countries.
        flush();
        QJsonObject without;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            const Core::AnalyticsService analytics(s.database());
            without = Core::AnalyticsService::toJson(
                analytics.report(m_site.id, Core::AnalyticsService::parseQuery({}, {}, {}, m_clock->nowMs())));
        });
        QCOMPARE(without.value(QStringLiteral("countries")).toArray(), QJsonArray());

        // A file that is no country database refuses the start, saying so.
        const QString bogus = dir.filePath(QStringLiteral("bogus.mmdb"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<html>404</html>");
        f.close();
        TestServer refused([&](Server::ServerConfig &c) { c.geoipDatabase = bogus; });
        QVERIFY(!refused.isRunning());
        QVERIFY2(refused.startError().contains(QLatin1String("[geoip] database")) &&
                     refused.startError().contains(QLatin1String("is not a MaxMind DB file")),
                 qPrintable(refused.startError()));
        // Said before anything was made or changed in the data directory.
        QVERIFY(!QFile::exists(refused.dataDir() + QStringLiteral("/zenovay.db")));
    }

    // A website's excluded addresses: their events are dropped ("excluded") and counted;
    // everyone else's are not.
    void excludedAddressesAreDropped()
    {
        freshHour();
        Core::Website site;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            site = createWebsite(s.database());
            Core::WebsiteService(s.database(), s.context().clock)
                .update(site.id, {{}, {}, {}, QStringList{QStringLiteral("198.51.100.0/24"), QStringLiteral("2001:db8::1")}});
        });
        const QByteArray code = "/e/" + site.trackingCode.toLatin1();
        const auto send = [&](const QByteArray &address) {
            return httpRequest(m_server->port(), "POST", code, {{"X-Forwarded-For", address}},
                               toJsonBytes(sampleEvent(QStringLiteral("/office"), QStringLiteral("office-visit-1"))));
        };
        for (const QByteArray &office : {QByteArray("198.51.100.9"), QByteArray("2001:db8::1"),
                                         QByteArray("::ffff:198.51.100.10")}) {
            const HttpResult r = send(office);
            QCOMPARE(r.status, 202);
            QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("dropped"));
            QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("excluded"));
        }
        QCOMPARE(send("198.51.101.9").json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(send("2001:db8::2").json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        flush();
        QJsonObject stats;
        m_server->runOnServerThread([&](Server::ServerInstance &s) { stats = s.context().ingest.statsJson(site.id); });
        const QJsonObject day = stats.value(QStringLiteral("last_24h")).toObject();
        QCOMPARE(day.value(QStringLiteral("accepted")).toInt(), 2);
        QCOMPARE(day.value(QStringLiteral("dropped_by_reason")).toObject().value(QStringLiteral("excluded")).toInt(), 3);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE website_id = ?"), {site.id}), 2);
    }

    void unknownCodeInvalidJsonAndFieldErrors()
    {
        freshHour();
        HttpResult r =
            httpRequest(m_server->port(), "POST", "/e/ZV-NOSUCHCODE", {}, toJsonBytes(sampleEvent()));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));

        r = httpRequest(m_server->port(), "POST", target(), {}, "{ \"name\": \"Test\", }");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_JSON"));

        QJsonObject bad = sampleEvent();
        bad.insert(QStringLiteral("url"), QStringLiteral("example.com/home"));
        bad.insert(QStringLiteral("session_id"), QStringLiteral("short"));
        bad.insert(QStringLiteral("device_type"), QStringLiteral("phone"));
        r = httpRequest(m_server->port(), "POST", target(), {}, toJsonBytes(bad));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        const QJsonObject details = r.json().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("url")).toString(), QStringLiteral("Invalid URL format"));
        QVERIFY(details.contains(QStringLiteral("session_id")));
        QVERIFY(details.contains(QStringLiteral("device_type")));
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));

        QJsonObject wrongType = sampleEvent();
        wrongType.insert(QStringLiteral("url"), 42);
        r = httpRequest(m_server->port(), "POST", target(), {}, toJsonBytes(wrongType));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PARAMETER"));
        QVERIFY(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("url")));

        r = httpRequest(m_server->port(), "GET", target());
        QCOMPARE(r.status, 405);

        flush();
        const QJsonObject day = stats().value(QStringLiteral("last_24h")).toObject();
        const QJsonObject reasons = day.value(QStringLiteral("dropped_by_reason")).toObject();
        QVERIFY(reasons.value(QStringLiteral("invalid_json")).toInt() >= 1);
        QVERIFY(reasons.value(QStringLiteral("invalid")).toInt() >= 2);
    }

    void corsPreflight()
    {
        const HttpResult r = httpRequest(m_server->port(), "OPTIONS", target(),
                                         {{"Origin", "https://shop.example.com"},
                                          {"Access-Control-Request-Method", "POST"},
                                          {"Access-Control-Request-Headers", "content-type"}});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QVERIFY(r.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(r.header("Access-Control-Allow-Headers").toLower().contains("content-type"));
        QVERIFY(r.header("Access-Control-Max-Age").toInt() > 0);
    }

    void sendBeaconTextPlainBody()
    {
        freshHour();
        const QByteArray body =
            toJsonBytes(sampleEvent(QStringLiteral("/beacon"), QStringLiteral("beacon-session-1")));
        const HttpResult r = httpRequest(
            m_server->port(), "POST", target(),
            {{"Content-Type", "text/plain;charset=UTF-8"}, {"Origin", "https://example.com"}}, body);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        flush();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE session_id = 'beacon-session-1'")),
                 1);
    }

    // Content-Type: exact application/json, any case, parameters, +json and text/plain are
    // accepted; anything else is 400 INVALID_JSON naming the (lower-cased) media type.
    void contentTypes()
    {
        freshHour();
        const QByteArray body =
            toJsonBytes(sampleEvent(QStringLiteral("/ct"), QStringLiteral("ct-session-1")));
        for (const QByteArray &type :
             {QByteArray("application/json"), QByteArray("Application/JSON; charset=utf-8"),
              QByteArray(" application/json ;charset=UTF-8"), QByteArray("application/vnd.api+json"),
              QByteArray("text/plain")}) {
            const HttpResult r =
                httpRequest(m_server->port(), "POST", target(), {{"Content-Type", type}}, body);
            QVERIFY2(r.status == 202, type.constData());
        }
        for (const QByteArray &type : {QByteArray("text/html"), QByteArray("TEXT/HTML; charset=utf-8"),
                                       QByteArray("application/jsonx"), QByteArray("application/json-seq")}) {
            const HttpResult r =
                httpRequest(m_server->port(), "POST", target(), {{"Content-Type", type}}, body);
            QVERIFY2(r.status == 400, type.constData());
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_JSON"));
            QVERIFY2(r.json()
                         .value(QStringLiteral("error"))
                         .toString()
                         .contains(QString::fromLatin1(type.toLower().split(';').first().trimmed())),
                     type.constData());
        }
        const HttpResult blank = httpRequest(m_server->port(), "POST", target(),
                                             {{"Content-Type", "application/json"}}, " \r\n\t ");
        QCOMPARE(blank.status, 400);
        QVERIFY(blank.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("empty")));
        flush();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE session_id = 'ct-session-1'")), 5);
    }

    void botsAreDroppedAndCounted()
    {
        freshHour();
        const QJsonObject before = stats().value(QStringLiteral("all_time")).toObject();
        QJsonObject bot = sampleEvent(QStringLiteral("/bot"), QStringLiteral("bot-session-1"));
        bot.insert(
            QStringLiteral("user_agent"),
            QStringLiteral("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        const HttpResult r = httpRequest(m_server->port(), "POST", target(), {}, toJsonBytes(bot));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("dropped"));
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("bot"));
        flush();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE session_id = 'bot-session-1'")), 0);
        const QJsonObject after = stats().value(QStringLiteral("all_time")).toObject();
        const auto bots = [](const QJsonObject &o) {
            return o.value(QStringLiteral("dropped_by_reason"))
                .toObject()
                .value(QStringLiteral("bot"))
                .toInt();
        };
        QCOMPARE(bots(after), bots(before) + 1);
    }

    void burstLimitIsExactWithRetryAfter()
    {
        freshHour();
        m_clock->advanceMs(2'500); // 2.5 s into a 10 s window
        KeepAliveClient client(m_server->port());
        const QByteArray body = toJsonBytes(sampleEvent(QStringLiteral("/burst")));
        for (int i = 0; i < 60; ++i)
            QCOMPARE(client.request("POST", target(), {}, body).status, 202);
        const HttpResult refused = client.request("POST", target(), {}, body);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("8")); // 7.5 s left, rounded up
        QCOMPARE(refused.header("Access-Control-Allow-Origin"), QByteArray("*"));
        m_clock->advanceMs(7'499);
        QCOMPARE(client.request("POST", target(), {}, body).status, 429);
        m_clock->advanceMs(1); // the next window
        QCOMPARE(client.request("POST", target(), {}, body).status, 202);
        flush();
        QVERIFY(stats()
                    .value(QStringLiteral("last_24h"))
                    .toObject()
                    .value(QStringLiteral("dropped_by_reason"))
                    .toObject()
                    .value(QStringLiteral("rate_limited"))
                    .toInt() >= 2);
    }

    void hourlyLimitIsExact()
    {
        freshHour();
        KeepAliveClient client(m_server->port());
        const QByteArray body = toJsonBytes(sampleEvent(QStringLiteral("/hourly")));
        int accepted = 0;
        for (int i = 0; i < 5000; ++i) {
            if (i > 0 && i % 60 == 0)
                m_clock->advanceMs(10'000); // stay within the burst limit
            accepted += client.request("POST", target(), {}, body).status == 202;
        }
        QCOMPARE(accepted, 5000);
        m_clock->advanceMs(10'000); // a fresh burst window: only the hourly limit can refuse
        const HttpResult refused = client.request("POST", target(), {}, body);
        QCOMPARE(refused.status, 429);
        const qint64 left = (m_hour + HourMs - m_clock->nowMs() + 999) / 1000;
        QCOMPARE(refused.header("Retry-After"), QByteArray::number(left));
        // A refusal by the hourly limit does not use up the burst allowance.
        m_clock->setMs(m_hour + HourMs);
        m_hour += HourMs;
        for (int i = 0; i < 60; ++i)
            QCOMPARE(client.request("POST", target(), {}, body).status, 202);
        QCOMPARE(client.request("POST", target(), {}, body).status, 429);
    }

    void ingestSectionOfTheConfigFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("z.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[ingest]\nburst_limit=100\nburst_window_ms=5000\nhourly_limit=9000\npublic_per_minute=7\n"
                "flush_interval_ms=50\nmax_queued_events=5000\nfsync_before_ack=1\n");
        f.close();
        Server::ServerConfig c;
        QVERIFY(!c.loadFile(path));
        QCOMPARE(c.ingest.burstLimit, 100);
        QCOMPARE(c.ingest.burstWindowMs, 5000);
        QCOMPARE(c.ingest.hourlyLimit, 9000);
        QCOMPARE(c.ingest.publicPerMinute, 7);
        QCOMPARE(c.ingest.flushIntervalMs, 50);
        QCOMPARE(c.ingest.maxQueuedEvents, 5000);
        QVERIFY(c.ingest.fsyncBeforeAck);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[ingest]\nflush_interval_ms=10000\n");
        f.close();
        const auto error = Server::ServerConfig().loadFile(path);
        QVERIFY(error);
        QVERIFY2(
            error->contains(QStringLiteral(":2: [ingest] flush_interval_ms=10000: must be a whole number")),
            qPrintable(*error));
    }

    void trackerScriptCachingAndLimit()
    {
        freshHour();
        KeepAliveClient client(m_server->port());
        const HttpResult r = client.request("GET", "/z.js");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/javascript"));
        QVERIFY(r.body.contains("data-tracking-code"));
        QVERIFY(r.body.contains("window.zenovay"));
        const QByteArray etag = r.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 10);
        QVERIFY(r.header("Cache-Control").contains("max-age="));

        const HttpResult cached = client.request("GET", "/z.js", {{"If-None-Match", "\"other\", " + etag}});
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
        QCOMPARE(cached.header("ETag"), etag);
        QCOMPARE(client.request("GET", "/z.js", {{"If-None-Match", "W/" + etag}}).status, 304);
        QCOMPARE(client.request("GET", "/z.js", {{"If-None-Match", "\"stale\""}}).status, 200);

        for (int i = 4; i < 30; ++i)
            QCOMPARE(client.request("HEAD", "/z.js").status, 200);
        const HttpResult limited = client.request("GET", "/z.js");
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QVERIFY(limited.header("Retry-After").toInt() <= 60);
        // /healthz stays unlimited (the benchmarks' framework ceiling).
        for (int i = 0; i < 40; ++i)
            QCOMPARE(client.request("GET", "/healthz").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestIngestHttp)
#include "tst_ingesthttp.moc"
