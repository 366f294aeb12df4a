// GET /metrics over real HTTP (api-contract section 8, issue 14): the Prometheus text
// format (checked line by line here, and by `promtool check metrics` where Debian's
// prometheus package is installed), the spec's metric names, counts that follow the
// requests made, and access only from [metrics] allow as the client address is found
// behind trusted proxies.
#include "httpclient.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include "server/serverinstance.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace TestSupport;

namespace {
// Every sample line, "name{labels}" -> value; empty with *error set when the text does
// not follow format 0.0.4 (HELP and TYPE before the family's samples, one TYPE per
// family, valid names, quoted label values, numbers).
QMap<QString, double> parseExposition(const QByteArray &text, QString *error)
{
    static const QRegularExpression comment(
        QStringLiteral("^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$"));
    static const QRegularExpression sample(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\"(,[a-zA-"
                       "Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*)?\\})? (\\S+)$"));
    QMap<QString, double> out;
    QSet<QString> typed;
    QString family;
    if (!text.endsWith('\n')) {
        *error = QStringLiteral("does not end with a line feed");
        return {};
    }
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const auto m = comment.match(line);
            if (!m.hasMatch()) {
                *error = QStringLiteral("bad comment: ") + line;
                return {};
            }
            if (m.captured(1) == QLatin1String("TYPE")) {
                if (typed.contains(m.captured(2))) {
                    *error = QStringLiteral("second TYPE for ") + m.captured(2);
                    return {};
                }
                static const QStringList types = {QStringLiteral("counter"), QStringLiteral("gauge"),
                                                  QStringLiteral("histogram"), QStringLiteral("summary"),
                                                  QStringLiteral("untyped")};
                if (!types.contains(m.captured(3))) {
                    *error = QStringLiteral("bad type: ") + line;
                    return {};
                }
                typed.insert(m.captured(2));
                family = m.captured(2);
            }
            continue;
        }
        const auto m = sample.match(line);
        if (!m.hasMatch()) {
            *error = QStringLiteral("bad sample: ") + line;
            return {};
        }
        const QString name = m.captured(1);
        const bool ofFamily =
            name == family ||
            (name.startsWith(family + QLatin1Char('_')) &&
             QStringList{QStringLiteral("bucket"), QStringLiteral("sum"), QStringLiteral("count")}.contains(
                 name.mid(family.size() + 1)));
        if (!ofFamily) {
            *error = QStringLiteral("sample outside its family's TYPE: ") + line;
            return {};
        }
        bool ok = false;
        const QString value = m.captured(7);
        const double v = value == QLatin1String("+Inf") ? qInf() : value.toDouble(&ok);
        if (!ok && value != QLatin1String("+Inf")) {
            *error = QStringLiteral("bad value: ") + line;
            return {};
        }
        out.insert(name + m.captured(2), v);
    }
    return out;
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    QString m_code;

    QMap<QString, double> scrape(QByteArray *body = nullptr)
    {
        const HttpResult r = httpRequest(m_server->port(), "GET", "/metrics");
        if (r.status != 200) {
            qWarning("GET /metrics: %d %s", r.status, r.body.constData());
            return {};
        }
        if (body)
            *body = r.body;
        QString error;
        const auto samples = parseExposition(r.body, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return samples;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) {
            c.ingest.burstLimit = 1'000'000;
            c.ingest.hourlyLimit = 1'000'000;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        m_server->runOnServerThread(
            [this](Server::ServerInstance &s) { m_code = createWebsite(s.database()).trackingCode; });
    }
    void cleanupTestCase() { m_server.reset(); }

    void formatAndNames()
    {
        const HttpResult r = httpRequest(m_server->port(), "GET", "/metrics");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QString error;
        const auto samples = parseExposition(r.body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *name :
             {"# TYPE zenovay_http_requests_total counter",
              "# TYPE zenovay_http_request_duration_seconds histogram",
              "# TYPE zenovay_ingest_events_total counter", "# TYPE zenovay_ingest_queue_depth gauge",
              "# TYPE zenovay_api_requests_total counter", "# TYPE zenovay_db_size_bytes gauge",
              "# TYPE process_resident_memory_bytes gauge", "# TYPE process_cpu_seconds_total counter",
              "# TYPE process_open_fds gauge", "# TYPE process_start_time_seconds gauge"})
            QVERIFY2(r.body.contains(name), name);
        QVERIFY(samples.value(QStringLiteral("zenovay_db_size_bytes")) > 4096);
        QVERIFY(samples.value(QStringLiteral("process_resident_memory_bytes")) > 1e6);
        QVERIFY(samples.value(QStringLiteral("process_open_fds")) >= 3);
        const double start = samples.value(QStringLiteral("process_start_time_seconds"));
        const double now = double(QDateTime::currentSecsSinceEpoch());
        QVERIFY2(start > now - 3600 && start <= now + 1, qPrintable(QString::number(start, 'f')));
        QVERIFY(samples.contains(QStringLiteral("zenovay_ingest_events_total{result=\"accepted\"}")));
        QVERIFY(samples.contains(QStringLiteral("zenovay_ingest_events_total{result=\"bot\"}")));
    }

    // What is counted follows what was asked: responses by route, method and status (a
    // path no route has is "unmatched", whatever it is), latency, external API outcomes
    // by code, ingest results.
    void countsFollowTheRequests()
    {
        const auto before = scrape();
        QVERIFY(!before.isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(httpRequest(m_server->port(), "GET", "/healthz").status, 200);
        QCOMPARE(httpRequest(m_server->port(), "GET", "/no/such/path/12345").status, 404);
        QCOMPARE(
            httpRequest(m_server->port(), "GET", "/api/external/v1/websites", {{"X-API-Key", "zv_nonsense"}})
                .status,
            401);
        QCOMPARE(
            httpRequest(m_server->port(), "POST", "/e/" + m_code.toLatin1(), {}, toJsonBytes(sampleEvent()))
                .status,
            202);
        QJsonObject bot = sampleEvent(QStringLiteral("/bot"), QStringLiteral("metrics-bot-session"));
        bot.insert(QStringLiteral("user_agent"),
                   QStringLiteral("Googlebot/2.1 (+http://www.google.com/bot.html)"));
        QCOMPARE(
            httpRequest(m_server->port(), "POST", "/e/" + m_code.toLatin1(), {}, toJsonBytes(bot)).status,
            202);

        QByteArray body;
        const auto after = scrape(&body);
        const auto delta = [&](const QString &key) { return after.value(key) - before.value(key); };
        QCOMPARE(delta(QStringLiteral(
                     "zenovay_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}")),
                 3.0);
        QCOMPARE(delta(QStringLiteral(
                     "zenovay_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}")),
                 1.0);
        QVERIFY(!body.contains("12345")); // the path itself is never a label
        QCOMPARE(delta(QStringLiteral("zenovay_api_requests_total{code=\"INVALID_API_KEY\"}")), 1.0);
        QCOMPARE(delta(QStringLiteral("zenovay_ingest_events_total{result=\"accepted\"}")), 1.0);
        QCOMPARE(delta(QStringLiteral("zenovay_ingest_events_total{result=\"bot\"}")), 1.0);
        // The histogram: cumulative buckets, +Inf equal to the count, three more for /healthz.
        const QString route = QStringLiteral("route=\"/healthz\"");
        QCOMPARE(
            delta(QStringLiteral("zenovay_http_request_duration_seconds_count{") + route + QLatin1Char('}')),
            3.0);
        // Cumulative in the order of the bounds (le), not of the sample names: "+Inf" and
        // "10" sort before "2.5" as text.
        const QString bucket = QStringLiteral("zenovay_http_request_duration_seconds_bucket{") + route +
                               QStringLiteral(",le=\"");
        QMap<double, double> byBound;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!it.key().startsWith(bucket))
                continue;
            const QString le = it.key().mid(bucket.size()).chopped(2); // without '"}'
            byBound.insert(le == QLatin1String("+Inf") ? qInf() : le.toDouble(), it.value());
        }
        QCOMPARE(byBound.size(), 14); // 13 bounds and +Inf
        double previous = 0;
        for (auto it = byBound.cbegin(); it != byBound.cend(); ++it) {
            QVERIFY2(it.value() >= previous, qPrintable(QStringLiteral("le=%1").arg(it.key())));
            previous = it.value();
        }
        QCOMPARE(after.value(QStringLiteral("zenovay_http_request_duration_seconds_bucket{") + route +
                             QStringLiteral(",le=\"+Inf\"}")),
                 after.value(QStringLiteral("zenovay_http_request_duration_seconds_count{") + route +
                             QLatin1Char('}')));
    }

    // Debian's promtool, where installed (package prometheus), finds nothing to object to.
    void promtoolFindsNothing()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus)");
        QByteArray body;
        QVERIFY(!scrape(&body).isEmpty());
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        p.write(body);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30'000));
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    // Only [metrics] allow may read them, judged by the client address as section 7
    // finds it: a scrape relayed by a trusted proxy for an outside client is refused.
    void onlyAllowedAddresses()
    {
        // A forwarding header that names no client leaves the proxy as the client: refused.
        for (const QByteArray &header : {QByteArray("203.0.113.7, unix:"), QByteArray("203.0.113.7,"),
                                         QByteArray("1.2.3.4, unknown"), QByteArray("garbage")}) {
            QCOMPARE(httpRequest(m_server->port(), "GET", "/metrics", {{"X-Forwarded-For", header}}).status,
                     403);
        }
        QCOMPARE(httpRequest(m_server->port(), "GET", "/metrics", {{"Forwarded", "for=garbage"}}).status,
                 403);
        QCOMPARE(httpRequest(m_server->port(), "GET", "/metrics", {{"X-Forwarded-For", "127.0.0.9"}}).status,
                 200);
        const HttpResult relayed =
            httpRequest(m_server->port(), "GET", "/metrics", {{"X-Forwarded-For", "203.0.113.7"}});
        QCOMPARE(relayed.status, 403);
        QCOMPARE(relayed.json().value(QStringLiteral("code")).toString(), QStringLiteral("FORBIDDEN"));
        QVERIFY(
            relayed.json().value(QStringLiteral("error")).toString().contains(QLatin1String("203.0.113.7")));
        QVERIFY(!relayed.body.contains("zenovay_"));

        TestServer closed([](Server::ServerConfig &c) {
            c.metricsAllow = *Server::AddressRanges::parse(QStringLiteral("10.0.0.0/8"));
        });
        QVERIFY(closed.isRunning());
        QCOMPARE(httpRequest(closed.port(), "GET", "/metrics").status, 403);
        TestServer nobody(
            [](Server::ServerConfig &c) { c.metricsAllow = *Server::AddressRanges::parse(QString()); });
        QVERIFY(nobody.isRunning());
        QCOMPARE(httpRequest(nobody.port(), "GET", "/metrics").status, 403);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
