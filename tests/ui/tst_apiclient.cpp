// The admin API client against a scripted HTTP stub: parsing of every report shape,
// error bodies (status, code, message, request id, 422 details), network failures,
// pagination, the busy signal, and callbacks that must not run for a destroyed context.
#include "stubhttpserver.h"

#include "ui/client/apiclient.h"
#include "ui/pages/analyticspage.h"
#include "ui/widgets/errorbanner.h"
#include "ui/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {
template <typename T>
struct Outcome
{
    std::optional<T> value;
    std::optional<Gui::ApiFailure> failure;
    bool done() const { return value || failure; }
};
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    // A report with several filters can be refused while the server's worker is busy (503
    // SERVICE_UNAVAILABLE, Retry-After: 1); the Analytics page asks again a second later,
    // up to MaxBusyRetries times, and only then shows the failure.
    void analyticsPageAsksAgainWhileTheServerIsBusy()
    {
        int analyticsAsked = 0;
        int refuse = 2;
        StubHttpServer stub([&](const StubHttpServer::Request &r) {
            if (r.target.startsWith("/api/admin/v1/websites?"))
                return StubHttpServer::json(
                    200, R"J({"data":[{"id":"w1","team_id":"t1","name":"Site","domain":"example.com",
                                       "tracking_code":"ZV-1","created_at":"2026-01-01T00:00:00.000Z"}],
                              "page":1,"per_page":100,"total":1})J");
            if (r.target.startsWith("/api/admin/v1/websites/w1/analytics?")) {
                if (++analyticsAsked <= refuse) {
                    StubHttpServer::Response busy = StubHttpServer::json(
                        503, R"J({"error":"Too many reports","code":"SERVICE_UNAVAILABLE","message":"busy"})J");
                    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
                    return busy;
                }
                return StubHttpServer::json(200, R"J({"website_id":"w1","from":"2026-11-02","to":"2026-12-01",
                    "interval":"day","totals":{"pageviews":7,"visitors":3,"sessions":4,"events":0,
                    "bounce_rate":25.0,"visit_duration":60},"timeseries":[],"pages":[{"value":"/","count":7}]})J");
            }
            if (r.target.startsWith("/api/admin/v1/websites/w1/analytics/realtime"))
                return StubHttpServer::json(200, R"J({"website_id":"w1","visitors":0,"pageviews_per_minute":[],"pages":[]})J");
            return StubHttpServer::json(404, R"J({"error":"no","code":"NOT_FOUND"})J");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        client.setToken(u"tok"_s);
        Gui::Workspace workspace(&client);
        Gui::AnalyticsPage page(&workspace);
        page.refresh();
        // Refused twice, answered the third time: the report shows, no failure.
        QTRY_VERIFY_WITH_TIMEOUT(page.report().has_value(), 10000);
        QCOMPARE(analyticsAsked, 3);
        QCOMPARE(page.report()->totals.pageviews, 7);
        QVERIFY(page.errorBanner()->isHidden());

        // Refused every time: MaxBusyRetries more tries, then the failure.
        analyticsAsked = 0;
        refuse = 1000;
        QSignalSpy loaded(&page, &Gui::AnalyticsPage::loaded);
        page.setPreset(Gui::AnalyticsPage::Preset::Last7Days);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
        QCOMPARE(analyticsAsked, 1 + Gui::AnalyticsPage::MaxBusyRetries);
        QVERIFY(!page.report().has_value());
        QVERIFY(!page.errorBanner()->isHidden());

        // Three filters clicked in a row: one report is out at a time, so the server is
        // asked twice (the first, then what is wanted once it answers), not three times.
        analyticsAsked = 0;
        refuse = 0;
        loaded.clear();
        page.setFilter(u"page"_s, u"/"_s);
        page.setFilter(u"browser"_s, u"Firefox"_s);
        page.setFilter(u"os"_s, u"Linux"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page.report().has_value(), 10000);
        QTest::qWait(200); // nothing more goes out
        QCOMPARE(analyticsAsked, 2);
        QByteArray last;
        for (const StubHttpServer::Request &r : stub.requests())
            if (r.target.startsWith("/api/admin/v1/websites/w1/analytics?"))
                last = r.target;
        QVERIFY2(last.contains("page=%2F") && last.contains("browser=Firefox") && last.contains("os=Linux"),
                 last.constData());
    }

    void keyActivityIsParsed()
    {
        StubHttpServer stub([](const StubHttpServer::Request &r) {
            if (r.target != "/api/admin/v1/keys/k1/activity?hours=48")
                return StubHttpServer::json(404, R"J({"error":"no","code":"NOT_FOUND"})J");
            return StubHttpServer::json(200, R"J({"key_id":"k1","last_used_at":"2026-06-13T12:01:00.000Z",
                "accepted":{"last_24h":5,"last_7d":12,"all_time":40},
                "rejected":{"last_24h":2,"last_7d":3,"all_time":9},
                "rejected_by_code":[{"code":"RATE_LIMIT_EXCEEDED","last_24h":2,"last_7d":3,"all_time":7},
                                    {"code":"INSUFFICIENT_PERMISSION","last_24h":0,"last_7d":0,"all_time":2}],
                "hourly":[{"t":"2026-06-13T11:00:00.000Z","accepted":3,"rejected":1},
                          {"t":"2026-06-13T12:00:00.000Z","accepted":2,"rejected":1}]})J");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        client.setToken(u"tok"_s);
        Outcome<Gui::KeyActivity> out;
        client.keyActivity(
            u"k1"_s, 48, this, [&](const Gui::KeyActivity &a) { out.value = a; },
            [&](const Gui::ApiFailure &f) { out.failure = f; });
        QTRY_VERIFY(out.done());
        QVERIFY2(out.value, qPrintable(out.failure ? out.failure->summary() : QString()));
        const Gui::KeyActivity &a = *out.value;
        QCOMPARE(a.keyId, u"k1"_s);
        QCOMPARE(a.accepted.last24h, 5);
        QCOMPARE(a.accepted.last7d, 12);
        QCOMPARE(a.accepted.allTime, 40);
        QCOMPARE(a.rejected.allTime, 9);
        QCOMPARE(a.rejectedByCode.size(), 2);
        QCOMPARE(a.rejectedByCode.at(0).code, u"RATE_LIMIT_EXCEEDED"_s);
        QCOMPARE(a.rejectedByCode.at(1).counts.allTime, 2);
        QCOMPARE(a.hourly.size(), 2);
        QCOMPARE(a.hourly.at(1).t - a.hourly.at(0).t, 3600'000);
        QCOMPARE(a.lastUsedAt.value_or(0) % 1000, 0);
        // The session token goes in the Authorization header.
        QCOMPARE(stub.requests().first().headers.value("authorization"), QByteArray("Bearer tok"));
    }

    void keyUsageAndRequestsAreParsed()
    {
        StubHttpServer stub([](const StubHttpServer::Request &r) {
            if (r.target.startsWith("/api/admin/v1/keys/k1/usage?minutes=120"))
                return StubHttpServer::json(200, R"J({"key_id":"k1","plan":"pro",
                    "limits":{"per_minute":30,"per_month":10000},
                    "current_month":{"month":"2026-06","used":4231,"limit":10000,"resets_at":"2026-07-01T00:00:00.000Z"},
                    "months":[{"month":"2026-06","used":4231,"limit":10000},{"month":"2026-05","used":9000,"limit":10000}],
                    "minutes":[{"t":"2026-06-13T12:00:00.000Z","accepted":30,"rate_limited":4,"limit":30}]})J");
            if (r.target == "/api/admin/v1/keys/k1/requests?limit=50")
                return StubHttpServer::json(200, R"J({"data":[{"at":"2026-06-13T12:00:01.500Z","method":"GET",
                    "path":"/api/external/v1/usage","status":429,"code":"RATE_LIMIT_EXCEEDED","latency_ms":1.25,
                    "request_id":"abc"},{"at":"2026-06-13T12:00:00.000Z","method":"GET","path":"/api/external/v1/websites",
                    "status":200,"code":null,"latency_ms":3,"request_id":"def"}],"page":1,"per_page":50,"total":2})J");
            return StubHttpServer::json(404, "{}");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        Outcome<Gui::KeyUsage> usage;
        Outcome<QList<Gui::RequestLogEntry>> log;
        client.keyUsage(
            u"k1"_s, 120, this, [&](const Gui::KeyUsage &u) { usage.value = u; },
            [&](const Gui::ApiFailure &f) { usage.failure = f; });
        client.keyRequests(
            u"k1"_s, 50, this, [&](const QList<Gui::RequestLogEntry> &l) { log.value = l; },
            [&](const Gui::ApiFailure &f) { log.failure = f; });
        QTRY_VERIFY(usage.done() && log.done());
        QVERIFY(usage.value && log.value);
        QCOMPARE(usage.value->plan, u"pro"_s);
        QCOMPARE(usage.value->perMinute, 30);
        QCOMPARE(usage.value->currentMonth.used, 4231);
        QCOMPARE(usage.value->months.size(), 2);
        QCOMPARE(usage.value->months.at(1).month, u"2026-05"_s);
        QCOMPARE(usage.value->minutes.first().rateLimited, 4);
        QVERIFY(usage.value->resetsAt.has_value());
        QCOMPARE(log.value->size(), 2);
        QCOMPARE(log.value->at(0).status, 429);
        QCOMPARE(log.value->at(0).code, u"RATE_LIMIT_EXCEEDED"_s);
        QCOMPARE(log.value->at(0).latencyMs, 1.25);
        QCOMPARE(log.value->at(1).code, QString());
        QCOMPARE(log.value->at(1).requestId, u"def"_s);
    }

    void validationErrorCarriesDetailsAndRequestId()
    {
        StubHttpServer stub([](const StubHttpServer::Request &) {
            return StubHttpServer::json(
                422,
                R"J({"error":"validation_error","code":"VALIDATION_ERROR","details":{"url":"Invalid URL format",
                    "name":"Name too long (max 100 characters)"},"request_id":"body-id"})J",
                "header-id");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        Outcome<Core::Website> out;
        client.createWebsite(
            u"t1"_s, u"x"_s, u"nope"_s, {}, this, [&](const Core::Website &w) { out.value = w; },
            [&](const Gui::ApiFailure &f) { out.failure = f; });
        QTRY_VERIFY(out.done());
        QVERIFY(out.failure);
        QCOMPARE(out.failure->status, 422);
        QCOMPARE(out.failure->code, u"VALIDATION_ERROR"_s);
        QCOMPARE(out.failure->details.value(u"url"_s), u"Invalid URL format"_s);
        QCOMPARE(out.failure->details.size(), 2);
        QCOMPARE(out.failure->requestId, u"header-id"_s); // the header wins
        QVERIFY(out.failure->summary().contains(u"HTTP 422"_s));
        // The body sent is the JSON the contract names.
        const QJsonObject sent = QJsonDocument::fromJson(stub.requests().first().body).object();
        QCOMPARE(sent.value(u"team_id"_s).toString(), u"t1"_s);
        QCOMPARE(sent.value(u"url"_s).toString(), u"nope"_s);
        QCOMPARE(stub.requests().first().headers.value("content-type"), QByteArray("application/json"));
    }

    void unauthorizedSignalsSessionEnd()
    {
        StubHttpServer stub([](const StubHttpServer::Request &) {
            return StubHttpServer::json(401, R"J({"error":"Session expired","code":"UNAUTHORIZED"})J", "rid");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        client.setToken(u"old"_s);
        QSignalSpy rejected(&client, &Gui::ApiClient::sessionRejected);
        bool failed = false;
        client.me(
            this, [](const Gui::MeInfo &) {}, [&](const Gui::ApiFailure &f) { failed = f.status == 401; });
        QTRY_VERIFY(failed);
        QCOMPARE(rejected.count(), 1);
        // Sign-in failures (no token) are not "session ended".
        client.setToken({});
        failed = false;
        client.login(
            u"a@b.c"_s, u"x"_s, this, [](const Gui::LoginResult &) {},
            [&](const Gui::ApiFailure &f) { failed = f.status == 401; });
        QTRY_VERIFY(failed);
        QCOMPARE(rejected.count(), 1);
    }

    void networkFailureIsStatusZero()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Gui::ApiClient client;
        client.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        QSignalSpy reach(&client, &Gui::ApiClient::reachabilityChanged);
        Outcome<QString> out;
        client.health(
            this, [&](const QString &v) { out.value = v; },
            [&](const Gui::ApiFailure &f) { out.failure = f; });
        QTRY_VERIFY(out.done());
        QVERIFY(out.failure);
        QVERIFY(out.failure->isNetworkError());
        QCOMPARE(out.failure->code, u"NETWORK_ERROR"_s);
        QVERIFY(!out.failure->message.isEmpty());
        QCOMPARE(reach.count(), 1);
        QCOMPARE(reach.first().first().toBool(), false);
    }

    void listsFollowPages()
    {
        StubHttpServer stub([](const StubHttpServer::Request &r) {
            const QUrlQuery q(QUrl(QString::fromLatin1(r.target)).query());
            const int page = q.queryItemValue(u"page"_s).toInt();
            QJsonArray data;
            const int first = (page - 1) * 100;
            for (int i = first; i < qMin(first + 100, 230); ++i)
                data.append(QJsonObject{{u"id"_s, u"k%1"_s.arg(i)},
                                        {u"name"_s, u"Key %1"_s.arg(i)},
                                        {u"prefix"_s, u"zv_abcdefgh"_s},
                                        {u"permissions"_s, QJsonArray{u"read"_s}},
                                        {u"team_access"_s, u"all"_s}});
            return StubHttpServer::json(200, QJsonDocument(QJsonObject{{u"data"_s, data},
                                                                       {u"page"_s, page},
                                                                       {u"per_page"_s, 100},
                                                                       {u"total"_s, 230}})
                                                 .toJson());
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        Outcome<QList<Core::ApiKey>> out;
        client.keys(
            this, [&](const QList<Core::ApiKey> &k) { out.value = k; },
            [&](const Gui::ApiFailure &f) { out.failure = f; });
        QTRY_VERIFY(out.done());
        QVERIFY(out.value);
        QCOMPARE(out.value->size(), 230);
        QCOMPARE(out.value->last().id, u"k229"_s);
        QVERIFY(out.value->first().teamAccess.all);
        QCOMPARE(out.value->first().permissions.bits, quint8(Core::Permissions::Read));
        QCOMPARE(stub.requests().size(), 3);
    }

    void busySignalAndDestroyedContext()
    {
        StubHttpServer stub([](const StubHttpServer::Request &) {
            return StubHttpServer::json(200, R"J({"status":"ok","version":"9"})J");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        QSignalSpy busy(&client, &Gui::ApiClient::busyChanged);
        auto *context = new QObject;
        bool called = false;
        client.health(
            context, [&](const QString &) { called = true; },
            [&](const Gui::ApiFailure &) { called = true; });
        QVERIFY(client.isBusy());
        delete context; // e.g. the dialog that asked was closed
        QTRY_COMPARE(busy.count(), 2);
        QCOMPARE(busy.at(0).first().toBool(), true);
        QCOMPARE(busy.at(1).first().toBool(), false);
        QVERIFY(!called);
        QVERIFY(!client.isBusy());
    }

    // Asked with GET /setup (never a POST that fails and is logged at every launch).
    void setupProbe()
    {
        QByteArray answer = "{\"setup_required\":false}";
        StubHttpServer stub(
            [&answer](const StubHttpServer::Request &) { return StubHttpServer::json(200, answer); });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        std::optional<bool> needs;
        std::optional<int> failedWith;
        const auto ask = [&] {
            needs.reset();
            failedWith.reset();
            client.needsSetup(
                this, [&](bool n) { needs = n; }, [&](const Gui::ApiFailure &f) { failedWith = f.status; });
            QTRY_VERIFY(needs.has_value() || failedWith.has_value());
        };
        ask();
        QCOMPARE(needs, std::optional<bool>(false));
        answer = "{\"setup_required\":true}";
        ask();
        QCOMPARE(needs, std::optional<bool>(true));
        for (const StubHttpServer::Request &r : stub.requests()) {
            QCOMPARE(r.method, QByteArray("GET"));
            QCOMPARE(r.target, QByteArray("/api/admin/v1/setup"));
        }
        answer = "{\"setup\":1}"; // not an answer: an error, not a guess
        ask();
        QVERIFY(!needs.has_value());
        QCOMPARE(failedWith, std::optional<int>(200));
    }

    void keyRequestBody()
    {
        StubHttpServer stub([](const StubHttpServer::Request &) {
            return StubHttpServer::json(
                201, R"J({"id":"k9","name":"CI","prefix":"zv_12345678","permissions":["read","write"],
                "team_access":["t1","t2"],"billing_team_id":"t1","created_at":"2026-06-13T12:00:00.000Z",
                "expires_at":null,"revoked_at":null,"last_used_at":null,"key":"zv_secret"})J");
        });
        Gui::ApiClient client;
        client.setBaseUrl(stub.baseUrl());
        Gui::KeyRequest request;
        request.name = u"CI"_s;
        request.permissions.bits = Core::Permissions::Read | Core::Permissions::Write;
        request.teamAccess.all = false;
        request.teamAccess.teamIds = {u"t1"_s, u"t2"_s};
        request.billingTeamId = u"t1"_s;
        request.expiresAt = 1781352000000; // 2026-06-13T12:00:00Z
        Outcome<Gui::CreatedKey> out;
        client.createKey(
            request, this, [&](const Gui::CreatedKey &k) { out.value = k; },
            [&](const Gui::ApiFailure &f) { out.failure = f; });
        QTRY_VERIFY(out.done());
        QVERIFY(out.value);
        QCOMPARE(out.value->secret, u"zv_secret"_s);
        QCOMPARE(out.value->key.teamAccess.teamIds, (QStringList{u"t1"_s, u"t2"_s}));
        QVERIFY(!out.value->key.expiresAt);
        const QJsonObject sent = QJsonDocument::fromJson(stub.requests().first().body).object();
        QCOMPARE(sent.value(u"permissions"_s).toArray(), (QJsonArray{u"read"_s, u"write"_s}));
        QCOMPARE(sent.value(u"team_access"_s).toArray(), (QJsonArray{u"t1"_s, u"t2"_s}));
        QCOMPARE(sent.value(u"expires_at"_s).toString(), u"2026-06-13T12:00:00.000Z"_s);
        QCOMPARE(sent.value(u"billing_team_id"_s).toString(), u"t1"_s);
    }
};

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
