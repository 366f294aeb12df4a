// The hardened listener and the engine, over real HTTP against an in-process server.
#include "httpclient.h"
#include "testserver.h"

#include "server/http/httpengine.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace TestSupport;

namespace {
bool looksLikeRequestId(const QByteArray &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{32}$"));
    return re.match(QString::fromLatin1(id)).hasMatch();
}

// Reads from a socket until it closes or the timeout passes; returns what arrived.
QByteArray readUntilClosed(QTcpSocket &socket, int timeoutMs, qint64 *closedAfterMs = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray data;
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(50))
            data += socket.readAll();
    }
    data += socket.readAll();
    if (closedAfterMs)
        *closedAfterMs = socket.state() == QAbstractSocket::ConnectedState ? -1 : timer.elapsed();
    return data;
}
} // namespace

class TestHttpListener : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) {
            c.limits.headerTimeoutMs = 400;
            c.limits.bodyIdleTimeoutMs = 400;
            c.limits.keepAliveIdleTimeoutMs = 600;
            c.limits.maxHeaderBytes = 8 * 1024;
            c.limits.maxUrlBytes = 2 * 1024;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void healthz()
    {
        const HttpResult r = httpRequest(m_server->port(), "GET", "/healthz");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json().value(QStringLiteral("version")).toString(), QStringLiteral(ZENOVAY_VERSION));
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
        const HttpResult again = httpRequest(m_server->port(), "GET", "/healthz");
        QVERIFY(again.header("X-Request-Id") != r.header("X-Request-Id"));
    }

    void headHasNoBody()
    {
        const HttpResult r = httpRequest(m_server->port(), "HEAD", "/healthz");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.header("Content-Length").toInt() > 0);
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    void unknownPathIsJson404()
    {
        const HttpResult r = httpRequest(m_server->port(), "GET", "/no/such/thing?x=1");
        QCOMPARE(r.status, 404);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("NOT_FOUND"));
        QVERIFY(!body.value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
        QCOMPARE(body.value(QStringLiteral("request_id")).toString().toLatin1(), r.header("X-Request-Id"));
    }

    void wrongMethodIs405WithAllow()
    {
        const HttpResult r = httpRequest(m_server->port(), "DELETE", "/healthz");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD, OPTIONS"));
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("METHOD_NOT_ALLOWED"));
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
        const HttpResult options = httpRequest(m_server->port(), "OPTIONS", "/healthz");
        QCOMPARE(options.status, 204);
        QVERIFY(options.header("Allow").contains("GET"));
    }

    void clientRequestIdIsKeptWhenPlain()
    {
        HttpResult r = httpRequest(m_server->port(), "GET", "/healthz", {{"X-Request-Id", "my-trace-42"}});
        QCOMPARE(r.header("X-Request-Id"), QByteArray("my-trace-42"));
        r = httpRequest(m_server->port(), "GET", "/nope", {{"X-Request-Id", "bad id with spaces"}});
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    void keepAliveServesSeveralRequests()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        for (int i = 0; i < 3; ++i) {
            s.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (!got.contains("\"ok\"") && t.elapsed() < 3000)
                if (s.waitForReadyRead(100))
                    got += s.readAll();
            QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
            QVERIFY(!got.contains("Connection: close"));
        }
    }

    void oversizedHeadersGet431()
    {
        const QByteArray big(10 * 1024, 'a');
        const HttpResult r = httpRequest(m_server->port(), "GET", "/healthz", {{"X-Filler", big}});
        QCOMPARE(r.status, 431);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("HEADERS_TOO_LARGE"));
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    void longUrlGets414()
    {
        const QByteArray target = "/healthz?q=" + QByteArray(4 * 1024, 'x');
        const HttpResult r = httpRequest(m_server->port(), "GET", target);
        QCOMPARE(r.status, 414);
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    void oversizedBodyGets413BeforeTheBodyIsSent()
    {
        // Only the head is sent: the answer must not wait for 50 MB that never comes.
        QElapsedTimer t;
        t.start();
        const HttpResult r =
            rawExchange(m_server->port(),
                        "POST /e/ZV-ABC HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Content-Length: 52428800\r\n\r\n",
                        3000);
        QCOMPARE(r.status, 413);
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    // Each route's declared body class is its limit, known from the head alone: a
    // Content-Length at the limit is invited to continue (100), one byte more is 413.
    // Paths are matched like routes (query ignored, percent-encoding decoded); a path no
    // route serves gets the smallest class.
    void bodyLimitIsTheDeclaredClassOfTheRoute_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("tracking event") << QByteArray("POST") << QByteArray("/e/ZV-ABC") << qint64(16 * 1024);
        QTest::newRow("event batch") << QByteArray("POST") << QByteArray("/api/external/v1/events")
                                     << qint64(1024 * 1024);
        QTest::newRow("batch, query")
            << QByteArray("POST") << QByteArray("/api/external/v1/events?x=1") << qint64(1024 * 1024);
        QTest::newRow("batch, encoded")
            << QByteArray("POST") << QByteArray("/api/external/v1/%65vents") << qint64(1024 * 1024);
        QTest::newRow("batch, absolute-form")
            << QByteArray("POST") << QByteArray("http://x/api/external/v1/events") << qint64(1024 * 1024);
        QTest::newRow("external api")
            << QByteArray("POST") << QByteArray("/api/external/v1/websites") << qint64(256 * 1024);
        QTest::newRow("admin api") << QByteArray("PATCH") << QByteArray("/api/admin/v1/teams/t1")
                                   << qint64(256 * 1024);
        QTest::newRow("sign-in") << QByteArray("POST") << QByteArray("/api/admin/v1/login")
                                 << qint64(256 * 1024);
        QTest::newRow("no such route under /api")
            << QByteArray("POST") << QByteArray("/api/admin/v1/nothing") << qint64(64 * 1024);
        QTest::newRow("wrong method") << QByteArray("POST") << QByteArray("/healthz") << qint64(64 * 1024);
        QTest::newRow("events, wrong method")
            << QByteArray("PUT") << QByteArray("/api/external/v1/events") << qint64(64 * 1024);
        QTest::newRow("unknown path") << QByteArray("POST") << QByteArray("/nothing") << qint64(64 * 1024);
        QTest::newRow("tracking preflight")
            << QByteArray("OPTIONS") << QByteArray("/e/ZV-ABC") << qint64(16 * 1024);
        QTest::newRow("absolute-form, query")
            << QByteArray("POST") << QByteArray("http://x?/api/external/v1/events") << qint64(64 * 1024);
    }

    // Targets the router and QHttpServer could read differently are refused outright:
    // a fragment (never part of a request target) and "//" (read as a host by Qt).
    void ambiguousTargetsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("fragment with a slash") << QByteArray("/e/ZV-ABC#/../x");
        QTest::newRow("fragment") << QByteArray("/healthz#x");
        QTest::newRow("double slash") << QByteArray("//h/e/ZV-ABC");
    }
    void ambiguousTargetsAreRefused()
    {
        QFETCH(QByteArray, target);
        const HttpResult r =
            rawExchange(m_server->port(),
                        "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 40960\r\n\r\n", 3000);
        QCOMPARE(r.status, 400);
    }
    void bodyLimitIsTheDeclaredClassOfTheRoute()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(qint64, limit);
        for (const qint64 length : {limit, limit + 1}) {
            QTcpSocket s;
            s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
            QVERIFY(s.waitForConnected(2000));
            s.write(method + ' ' + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                    "Content-Length: " + QByteArray::number(length) + "\r\nExpect: 100-continue\r\n\r\n");
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (!got.contains("\r\n") && t.elapsed() < 2000)
                if (s.waitForReadyRead(50))
                    got += s.readAll();
            const QByteArray expected = length > limit ? "HTTP/1.1 413" : "HTTP/1.1 100 Continue";
            QVERIFY2(got.startsWith(expected), qPrintable(QStringLiteral("Content-Length %1: %2")
                                                              .arg(length)
                                                              .arg(QString::fromLatin1(got.left(40)))));
        }
    }

    void expectContinueWithinLimitGets100()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        s.write("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (!got.contains("\r\n\r\n") && t.elapsed() < 2000)
            if (s.waitForReadyRead(50))
                got += s.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 100 Continue"), got.constData());
        s.write("{}");
        while (!got.contains("405") && t.elapsed() < 3000)
            if (s.waitForReadyRead(50))
                got += s.readAll();
        QVERIFY(got.contains("HTTP/1.1 405"));
    }

    void malformedRequestsGet400()
    {
        HttpResult r = rawExchange(m_server->port(), "GARBAGE\r\n\r\n", 3000);
        QCOMPARE(r.status, 400);
        r = rawExchange(m_server->port(), "GET /healthz HTTP/2.0\r\n\r\n", 3000);
        QCOMPARE(r.status, 505);
        r = rawExchange(m_server->port(), "GET /healthz HTTP/1.1\r\nNoColonHere\r\n\r\n", 3000);
        QCOMPARE(r.status, 400);
        r = rawExchange(m_server->port(), "POST /healthz HTTP/1.1\r\nContent-Length: 12x\r\n\r\n", 3000);
        QCOMPARE(r.status, 400);
        QVERIFY(looksLikeRequestId(r.header("X-Request-Id")));
    }

    // The request-line and header framing read by the listener itself (before QHttpServer).
    void requestFramingEdgeCases()
    {
        QCOMPARE(rawExchange(m_server->port(), "GET  /healthz HTTP/1.1\r\n\r\n", 3000).status, 400);
        QCOMPARE(rawExchange(m_server->port(), "GET /healthz HTTP/1.1 extra\r\n\r\n", 3000).status, 400);
        QCOMPARE(rawExchange(m_server->port(), "G(T /healthz HTTP/1.1\r\n\r\n", 3000).status, 400);
        QCOMPARE(rawExchange(m_server->port(), "GET /healthz HTTP/1.1\r\nBad Name: x\r\n\r\n", 3000).status,
                 400);
        QCOMPARE(rawExchange(m_server->port(),
                             "POST /healthz HTTP/1.1\r\ncontent-length: 2\r\nCONTENT-LENGTH: 3\r\n\r\nab",
                             3000)
                     .status,
                 400);
        QCOMPARE(rawExchange(m_server->port(),
                             "POST /e/ZV-ABC HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n", 3000)
                     .status,
                 411);
        // Header names in any case (a bare LF is refused: tst_oneanswer).
        HttpResult r = rawExchange(m_server->port(),
                                   "GET /healthz HTTP/1.1\r\nhost: x\r\nCONNECTION: Close\r\n\r\n", 3000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
        r = rawExchange(m_server->port(), "GET /healthz HTTP/1.0\r\n\r\n", 3000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
        // HTTP/1.0 with keep-alive: two requests answered on one connection.
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /healthz HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += s.readAll()).contains("\"status\":\"ok\""), 3000);
        QVERIFY(s.state() == QAbstractSocket::ConnectedState);
        s.write("GET /healthz HTTP/1.0\r\nconnection: keep-alive\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((got += s.readAll()).count("\"status\":\"ok\"") == 2, 3000);
    }

    void chunkedBodiesGet411()
    {
        const HttpResult r = rawExchange(
            m_server->port(),
            "POST /e/ZV-ABC HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 3000);
        QCOMPARE(r.status, 411);
    }

    void halfSentRequestIsClosedAfterTheHeaderTimeout()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        s.write("GET /healthz HTTP/1.1\r\nHost: slow");
        s.flush();
        qint64 closedAfter = -1;
        const QByteArray got = readUntilClosed(s, 4000, &closedAfter);
        QVERIFY2(closedAfter >= 0, "server kept a slowloris connection open");
        QVERIFY(closedAfter < 2000);
        QVERIFY2(got.startsWith("HTTP/1.1 408"), got.constData());
    }

    void trickledHeadersStillTimeOut()
    {
        // A byte every 100 ms keeps the connection busy but never finishes the head.
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        QElapsedTimer t;
        t.start();
        const QByteArray head =
            "GET /healthz HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        int i = 0;
        while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < 4000 && i < head.size()) {
            s.write(head.mid(i++, 1));
            s.waitForBytesWritten(50);
            s.waitForReadyRead(100);
        }
        QVERIFY2(t.elapsed() < 2500, "trickling client was not cut off");
    }

    void stalledBodyTimesOut()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        s.write("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-some");
        qint64 closedAfter = -1;
        const QByteArray got = readUntilClosed(s, 4000, &closedAfter);
        QVERIFY(closedAfter >= 0);
        QVERIFY2(got.startsWith("HTTP/1.1 408"), got.constData());
    }

    void idleKeepAliveConnectionIsClosed()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(s.waitForConnected(2000));
        qint64 closedAfter = -1;
        readUntilClosed(s, 3000, &closedAfter);
        QVERIFY2(closedAfter >= 0, "idle connection was never closed");
        QVERIFY(closedAfter >= 400);
    }

    void ipv4MappedAddressesAreNormalised()
    {
        QCOMPARE(Server::normalizedAddress(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))),
                 QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(Server::normalizedAddress(QHostAddress(QStringLiteral("::1"))),
                 QHostAddress(QStringLiteral("::1")));
        QCOMPARE(Server::normalizedAddress(QHostAddress(QStringLiteral("10.1.2.3"))),
                 QHostAddress(QStringLiteral("10.1.2.3")));
    }

    // Per-client limits (connections, sign-in, ingest) count an IPv4 address, the same
    // address IPv4-mapped, and every address of one IPv6 /64 as one client.
    void clientKeysGroupAddresses()
    {
        using Server::clientAddressKey;
        const auto key = [](const char *a) { return clientAddressKey(QHostAddress(QString::fromLatin1(a))); };
        QCOMPARE(key("::ffff:203.0.113.7"), key("203.0.113.7"));
        QVERIFY(key("203.0.113.7") != key("203.0.113.8"));
        QCOMPARE(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        QVERIFY(key("2001:db8:1:2::1") != key("2001:db8:1:3::1"));
        QVERIFY(key("::1") != key("127.0.0.1"));
        QCOMPARE(key("203.0.113.7").size(), 4);
        QCOMPARE(key("2001:db8::1").size(), 8);
    }
};

class TestConnectionCap : public QObject
{
    Q_OBJECT
private slots:
    void connectionsBeyondTheCapGet503()
    {
        TestServer server([](Server::ServerConfig &c) { c.limits.maxConnections = 2; });
        QVERIFY(server.isRunning());
        QTcpSocket a, b;
        a.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        b.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(a.waitForConnected(2000) && b.waitForConnected(2000));
        QTest::qWait(200); // let the server accept both
        const HttpResult third = httpRequest(server.port(), "GET", "/healthz");
        QCOMPARE(third.status, 503);
        QCOMPARE(third.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("SERVICE_UNAVAILABLE"));
        QVERIFY(!third.header("Retry-After").isEmpty());
        QVERIFY(!third.header("X-Request-Id").isEmpty());
        a.abort();
        b.abort();
        QTest::qWait(300);
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz").status, 200);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestHttpListener t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        TestConnectionCap t;
        status |= QTest::qExec(&t, argc, argv);
    }
    return status;
}
#include "tst_httplistener.moc"
