// Found by probing the server from outside (issue 11): every request is handled exactly
// once and framed one way, one address cannot hold every connection, and a refused
// client reads its 503 instead of a reset. Over real sockets against a real server.
#include "adminclient.h"
#include "httpclient.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include "core/ingest/eventpipeline.h"
#include "server/serverinstance.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace TestSupport;

namespace {
const QString Password = QStringLiteral("correct horse battery staple");

// Everything the server sends until it closes the connection (or the timeout passes).
QByteArray exchangeUntilClosed(quint16 port, const QByteArray &bytes, int timeoutMs = 4000,
                               const QHostAddress &from = {})
{
    QTcpSocket s;
    if (!from.isNull())
        s.bind(from);
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(bytes);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(50))
            got += s.readAll();
    }
    got += s.readAll();
    return got;
}

// How many responses a byte stream holds (status lines, not mentions in a body).
qsizetype answers(const QByteArray &stream)
{
    static const QRegularExpression statusLine(QStringLiteral("HTTP/1\\.1 \\d{3} "));
    qsizetype n = 0;
    auto it = statusLine.globalMatch(QString::fromLatin1(stream));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

// A blocking POSIX client: connects, sends, then reads to the end and reports how the
// connection ended (0 = orderly FIN, otherwise errno, e.g. ECONNRESET).
struct RawResult
{
    QByteArray data;
    int endError = -1;
};
RawResult rawSendAndReadToEnd(quint16 port, const QByteArray &bytes, int settleMs)
{
    RawResult r;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{3, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return r;
    }
    // The request is in flight before the server has looked at the connection.
    (void)!::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
    QThread::msleep(settleMs);
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n > 0) {
            r.data.append(buf, n);
            continue;
        }
        r.endError = n == 0 ? 0 : errno;
        break;
    }
    ::close(fd);
    return r;
}
} // namespace

class TestOneAnswer : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    Core::Website m_site;
    QByteArray m_admin;
    QString m_team;

    quint16 port() const { return m_server->port(); }
    qint64 count(const QString &sql)
    {
        qint64 n = -1;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            QVERIFY(s.eventPipeline().flush());
            Core::Statement q = s.database().prepare(sql);
            if (q.exec() && q.next())
                n = q.value(0).toLongLong();
        });
        return n;
    }
    QByteArray eventRequest(const QByteArray &extraHeaders, const QString &path)
    {
        const QByteArray body = toJsonBytes(sampleEvent(path));
        return "POST /e/" + m_site.trackingCode.toLatin1() + " HTTP/1.1\r\nHost: x\r\n" + extraHeaders +
               "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        m_server->runOnServerThread(
            [this](Server::ServerInstance &s) { m_site = createWebsite(s.database()); });
        const QJsonObject setup =
            adminSetup(port(), QStringLiteral("admin@example.com"), QStringLiteral("Ada"), Password);
        m_team = setup.value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
        m_admin = adminLogin(port(), QStringLiteral("admin@example.com"), Password);
        QVERIFY(!m_team.isEmpty() && !m_admin.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    // Qt 6.4 hands "Connection: Upgrade" + "Upgrade: websocket" to handleRequest() and
    // then to missingHandler(): the event was stored twice and answered twice.
    void websocketUpgradeRequestIsHandledOnce()
    {
        const QString path = QStringLiteral("/upgrade-once");
        const QByteArray pipelined = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray got = exchangeUntilClosed(
            port(), eventRequest("Connection: Upgrade\r\nUpgrade: websocket\r\n", path) + pipelined);
        QCOMPARE(answers(got), 1);
        QCOMPARE(statusOf(got), 202);
        // Nothing after an upgrade request is processed: the answer says so.
        QVERIFY2(got.toLower().contains("connection: close"), got.constData());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE path = '%1'").arg(path)), 1);
    }

    void upgradeAdminCallCreatesOneWebsite()
    {
        const QByteArray body =
            toJsonBytes(QJsonObject{{QStringLiteral("team_id"), m_team},
                                    {QStringLiteral("name"), QStringLiteral("Upgrade Co")},
                                    {QStringLiteral("url"), QStringLiteral("https://upgrade.example.com")}});
        const QByteArray request =
            "POST /api/admin/v1/websites HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_admin +
            "\r\nConnection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n"
            "Content-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const QByteArray got = exchangeUntilClosed(port(), request);
        QCOMPARE(answers(got), 1);
        QCOMPARE(statusOf(got), 201);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM websites WHERE name = 'Upgrade Co'")), 1);
    }

    // Every request gets exactly one answer: a WebSocket request one ordinary answer and
    // then the connection closes; other upgrades (ignored) and CONNECT are ordinary
    // requests, and what is pipelined behind them is answered too.
    void upgradesGetOneOrdinaryAnswer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("answered"); // of the two requests sent
        QTest::newRow("websocket GET")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                          "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
            << 200 << 1;
        QTest::newRow("websocket, other case")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nconnection: upgrade\r\n"
                          "upgrade: WEBSOCKET\r\n\r\n")
            << 200 << 1;
        QTest::newRow("h2c")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                          "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")
            << 200 << 2;
        QTest::newRow("CONNECT") << QByteArray(
                                        "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
                                 << 404 << 2;
    }
    void upgradesGetOneOrdinaryAnswer()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(int, answered);
        const QByteArray got = exchangeUntilClosed(
            port(), request + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(answers(got) == answered, got.constData());
        QCOMPARE(statusOf(got), status);
        QVERIFY(!got.contains("101 Switching"));
        if (answered == 1)
            QVERIFY(got.toLower().contains("connection: close"));
    }

    // The listener and QHttpServer must agree on where a head ends: QHttpServer reads
    // bare-LF heads, so the listener refuses them before QHttpServer sees a byte.
    void headsAreFramedOneWay_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("bare LF everywhere") << QByteArray("GET /healthz HTTP/1.1\nHost: x\n\n") << 400;
        QTest::newRow("bare LF in one line")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\nA: b\r\n\r\n") << 400;
        QTest::newRow("bare LF ends the head") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET /healthz HTTP/1.1\rHost: x\r\n\r\n") << 400;
        QTest::newRow("HTTP/1.2") << QByteArray("GET /healthz HTTP/1.2\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("HTTP/2.0") << QByteArray("GET /healthz HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("HTTP/0.9") << QByteArray("GET /healthz HTTP/0.9\r\n\r\n") << 505;
        QTest::newRow("HTTP/1.2 bare LF") << QByteArray("GET /healthz HTTP/1.2\nHost: x\n\n") << 400;
        QTest::newRow("not HTTP") << QByteArray("GET /healthz HTTX/1.1\r\n\r\n") << 400;
        QTest::newRow("lower-case version") << QByteArray("GET /healthz http/1.1\r\n\r\n") << 400;
        QTest::newRow("Transfer-Encoding identity")
            << QByteArray(
                   "POST /healthz HTTP/1.1\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n\r\nab")
            << 411;
        QTest::newRow("repeated Content-Length")
            << QByteArray("POST /healthz HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab")
            << 400;
        QTest::newRow("control byte in a value")
            << QByteArray("GET /healthz HTTP/1.1\r\nX-A: a\x01z\r\n\r\n") << 400;
        QTest::newRow("NUL in the target") << QByteArray("GET /heal\0thz HTTP/1.1\r\n\r\n", 27) << 400;
        QTest::newRow("raw non-ASCII target") << QByteArray("GET /h\xc3\xa9 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("obs-fold") << QByteArray("GET /healthz HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n") << 400;
    }
    void headsAreFramedOneWay()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const QByteArray got = exchangeUntilClosed(port(), request);
        QVERIFY2(answers(got) == 1, got.constData());
        QCOMPARE(statusOf(got), status);
        QVERIFY(got.contains("X-Request-Id: "));
    }

    // With LF-only framing a chunked body used to reach QHttpServer and be stored (202).
    void lfFramedChunkedEventIsNotStored()
    {
        const QString path = QStringLiteral("/lf-chunked");
        const QByteArray body = toJsonBytes(sampleEvent(path));
        const QByteArray request = "POST /e/" + m_site.trackingCode.toLatin1() +
                                   " HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                                   "Transfer-Encoding: chunked\n\n" +
                                   QByteArray::number(body.size(), 16) + "\n" + body + "\n0\n\n";
        const QByteArray got = exchangeUntilClosed(port(), request);
        QCOMPARE(statusOf(got), 400);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE path = '%1'").arg(path)), 0);
    }

    void crlfHeadsStillWork()
    {
        const QByteArray got =
            exchangeUntilClosed(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz "
                                        "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(got.count("HTTP/1.1 200"), 2);
    }

    // One spelling per resource. A target starting with "//" is malformed outright (400):
    // Qt would read what follows as a host.
    void trailingSlashesAndEmptySegmentsAre404_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("/z.js/") << QByteArray("/z.js/") << 404;
        QTest::newRow("//z.js") << QByteArray("//z.js") << 400;
        QTest::newRow("/healthz/") << QByteArray("/healthz/") << 404;
        QTest::newRow("/api//external/v1/usage") << QByteArray("/api//external/v1/usage") << 404;
    }
    void trailingSlashesAndEmptySegmentsAre404()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QCOMPARE(httpRequest(port(), "GET", target).status, status);
    }
    void eventWithTrailingSlashIsNotStored()
    {
        const QString path = QStringLiteral("/trailing-slash");
        const QByteArray body = toJsonBytes(sampleEvent(path));
        const HttpResult r = httpRequest(port(), "POST", "/e/" + m_site.trackingCode.toLatin1() + "/",
                                         {{"Content-Type", "application/json"}}, body);
        QCOMPARE(r.status, 404);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE path = '%1'").arg(path)), 0);
        QCOMPARE(httpRequest(port(), "POST", "/e/" + m_site.trackingCode.toLatin1(),
                             {{"Content-Type", "application/json"}}, body)
                     .status,
                 202);
    }
};

// One address cannot hold every connection; refused clients read a 503.
class TestConnectionCaps : public QObject
{
    Q_OBJECT
private slots:
    void oneAddressCannotHoldEveryConnection()
    {
        TestServer server([](Server::ServerConfig &c) {
            c.limits.maxConnections = 100;
            c.limits.maxConnectionsPerIp = 3;
            c.trustedProxies = {}; // loopback is a trusted proxy by default, and proxies are not capped
        });
        QVERIFY(server.isRunning());
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(idle.back()->waitForConnected(2000));
        }
        QTest::qWait(200); // the server has accepted all three
        const QByteArray refused =
            exchangeUntilClosed(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(refused), 503);
        QVERIFY(refused.contains("Retry-After: "));
        QVERIFY(refused.contains("SERVICE_UNAVAILABLE"));
        // Another address (all of 127.0.0.0/8 is this machine) is still served.
        const QByteArray other = exchangeUntilClosed(
            server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 4000,
            QHostAddress(QStringLiteral("127.0.0.2")));
        QCOMPARE(statusOf(other), 200);
        // A slot freed is a slot for the same address again.
        idle.front()->abort();
        idle.erase(idle.begin());
        QTest::qWait(300);
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz").status, 200);
    }

    // A trusted reverse proxy carries every visitor's connections: the per-address cap
    // does not apply to it (the overall cap still does); other addresses stay capped.
    void trustedProxiesAreNotCappedPerAddress()
    {
        TestServer server([](Server::ServerConfig &c) {
            c.limits.maxConnections = 100;
            c.limits.maxConnectionsPerIp = 2;
            c.trustedProxies = *Server::AddressRanges::parse(QStringLiteral("127.0.0.1"));
        });
        QVERIFY(server.isRunning());
        std::vector<std::unique_ptr<QTcpSocket>> held;
        auto hold = [&](const QHostAddress &from) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->bind(from);
            held.back()->connectToHost(QHostAddress::LocalHost, server.port());
            return held.back()->waitForConnected(2000);
        };
        for (int i = 0; i < 5; ++i)
            QVERIFY(hold(QHostAddress::LocalHost));
        for (int i = 0; i < 2; ++i)
            QVERIFY(hold(QHostAddress(QStringLiteral("127.0.0.3"))));
        QTest::qWait(200);
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        QCOMPARE(statusOf(exchangeUntilClosed(server.port(), request, 4000, QHostAddress::LocalHost)), 200);
        QCOMPARE(statusOf(exchangeUntilClosed(server.port(), request, 4000,
                                              QHostAddress(QStringLiteral("127.0.0.3")))),
                 503);
    }

    // The request was already sent when the listener refused the connection: the client
    // must read the whole 503 and an orderly end, not a reset.
    void refusedClientReadsTheAnswerNotAReset_data()
    {
        QTest::addColumn<bool>("perAddress");
        QTest::newRow("max_connections") << false;
        QTest::newRow("max_connections_per_ip") << true;
    }
    void refusedClientReadsTheAnswerNotAReset()
    {
        QFETCH(bool, perAddress);
        TestServer server([perAddress](Server::ServerConfig &c) {
            c.limits.maxConnections = perAddress ? 100 : 1;
            c.limits.maxConnectionsPerIp = perAddress ? 1 : 0;
            c.trustedProxies = {};
        });
        QVERIFY(server.isRunning());
        QTcpSocket holder;
        holder.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(holder.waitForConnected(2000));
        QTest::qWait(200);
        const QByteArray body(8000, 'x');
        const RawResult r = rawSendAndReadToEnd(server.port(),
                                                "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                                    QByteArray::number(body.size()) + "\r\n\r\n" + body,
                                                300);
        QCOMPARE(statusOf(r.data), 503);
        QVERIFY(r.data.contains("Retry-After: "));
        QVERIFY(r.data.endsWith("}"));
        QCOMPARE(r.endError, 0); // FIN, not ECONNRESET
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestOneAnswer t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        TestConnectionCaps t;
        status |= QTest::qExec(&t, argc, argv);
    }
    return status;
}
#include "tst_oneanswer.moc"
