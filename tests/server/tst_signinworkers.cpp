// Sign-in never stalls the server (api-contract section 7, issue 13): the password work
// runs on workers, every other request is answered meanwhile, the work is bounded (503
// beyond it), and answers on one connection stay in request order. Asserted by the order
// in which answers arrive, not by timing: the hashes here are made slow on purpose
// (Argon2id with 64 MiB and 3 passes, one worker), so a server that hashed on its only
// HTTP thread would answer /healthz after the sign-ins sent before it.
#include "adminclient.h"
#include "httpclient.h"
#include "testserver.h"

#include "server/serverinstance.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Email = QStringLiteral("admin@example.com");
const QString Password = QStringLiteral("correct horse battery staple");

QByteArray loginRequest(const QString &password, bool close = true)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("email"), Email}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    return "POST /api/admin/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
           "application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + (close ? "\r\nConnection: close" : "") + "\r\n\r\n" + body;
}

// A connection from its own loopback address that sends one request at once and
// collects what comes back.
struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;
    bool start(const QString &from, quint16 port, const QByteArray &request)
    {
        socket->bind(QHostAddress(from));
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (!socket->waitForConnected(5000))
            return false;
        socket->write(request);
        return socket->waitForBytesWritten(5000);
    }
    bool answered() const { return received.contains("\r\n\r\n"); }
    void poll()
    {
        socket->waitForReadyRead(5);
        received += socket->readAll();
    }
    int status() const { return received.mid(9, 3).toInt(); }
};

// Polls every client until all have an answer; returns the order in which they did.
QList<int> answerOrder(std::vector<Client> &clients, int timeoutMs = 30'000)
{
    QList<int> order;
    QElapsedTimer t;
    t.start();
    while (order.size() < int(clients.size()) && t.elapsed() < timeoutMs) {
        for (int i = 0; i < int(clients.size()); ++i) {
            if (order.contains(i))
                continue;
            clients[size_t(i)].poll();
            if (clients[size_t(i)].answered())
                order << i;
        }
    }
    return order;
}
} // namespace

class TestSignInWorkers : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) {
            c.auth.argon2MemoryKib = 64 * 1024;
            c.auth.argon2Iterations = 3;
            c.auth.hashThreads = 1;
            c.auth.maxPendingSignIns = 4;
            c.auth.failuresBeforeBan = 1000;
            c.auth.accountFailuresBeforeLock = 1000;
            c.auth.requestsPerMinute = 100'000;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        adminSetup(m_server->port(), Email, QStringLiteral("Admin"), Password);
    }
    void cleanupTestCase() { m_server.reset(); }

    // Four wrong sign-ins are being checked one after another on the one worker; a
    // /healthz sent after them is answered before the last of them.
    void otherRequestsAreAnsweredWhileSignInsAreChecked()
    {
        std::vector<Client> clients(5);
        for (int i = 0; i < 4; ++i)
            QVERIFY(clients[size_t(i)].start(QStringLiteral("127.0.0.%1").arg(10 + i), m_server->port(),
                                             loginRequest(QStringLiteral("wrong"))));
        QTest::qWait(20); // the sign-ins are read (and queued for the worker) first
        QVERIFY(clients[4].start(QStringLiteral("127.0.0.20"), m_server->port(),
                                 "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        const QList<int> order = answerOrder(clients);
        QCOMPARE(order.size(), 5);
        QCOMPARE(clients[4].status(), 200);
        QVERIFY2(order.indexOf(4) < 4, qPrintable(QStringLiteral("answer order: %1").arg([&] {
                     QStringList s;
                     for (int i : order)
                         s << QString::number(i);
                     return s.join(QLatin1Char(' '));
                 }())));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(clients[size_t(i)].status(), 401);
    }

    // A new account's hash is made on the worker too: three users created one after
    // another, then /healthz, which is answered before the last of them; all are created.
    void newAccountsAreHashedOnTheWorkers()
    {
        const QByteArray token = adminLogin(m_server->port(), Email, Password);
        QVERIFY(!token.isEmpty());
        std::vector<Client> clients(4);
        for (int i = 0; i < 3; ++i) {
            const QByteArray body =
                QJsonDocument(
                    QJsonObject{{QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(i)},
                                {QStringLiteral("name"), QStringLiteral("User %1").arg(i)},
                                {QStringLiteral("password"), Password}})
                    .toJson(QJsonDocument::Compact);
            QVERIFY(clients[size_t(i)].start(
                QStringLiteral("127.0.0.%1").arg(60 + i), m_server->port(),
                "POST /api/admin/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body));
        }
        QTest::qWait(20);
        QVERIFY(clients[3].start(QStringLiteral("127.0.0.63"), m_server->port(),
                                 "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        const QList<int> order = answerOrder(clients);
        QCOMPARE(order.size(), 4);
        QCOMPARE(clients[3].status(), 200);
        QVERIFY(order.indexOf(3) < 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(clients[size_t(i)].status(), 201);
        // Each can sign in with the hash made on the worker.
        QVERIFY(!adminLogin(m_server->port(), QStringLiteral("user2@example.com"), Password).isEmpty());
        // Refused input is answered at once, without a hash.
        const HttpResult bad =
            adminCall(m_server->port(), "POST", QStringLiteral("/users"), token,
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("user0@example.com")},
                                  {QStringLiteral("name"), QStringLiteral("Again")},
                                  {QStringLiteral("password"), Password}});
        QCOMPARE(bad.status, 409);
    }

    // Beyond max_pending_sign_ins (4 here) a sign-in is refused at once with 503 and
    // Retry-After, never queued without end; the ones admitted still get their answer.
    void beyondTheBoundSignInsGet503()
    {
        std::vector<Client> clients(7);
        for (int i = 0; i < 7; ++i)
            QVERIFY(clients[size_t(i)].start(QStringLiteral("127.0.0.%1").arg(30 + i), m_server->port(),
                                             loginRequest(QStringLiteral("wrong"))));
        QCOMPARE(answerOrder(clients).size(), 7);
        int refused = 0;
        int checked = 0;
        for (const Client &c : clients) {
            if (c.status() == 503) {
                ++refused;
                QVERIFY(c.received.contains("Retry-After: 1"));
                QVERIFY(c.received.contains("SERVICE_UNAVAILABLE"));
            } else {
                QCOMPARE(c.status(), 401);
                ++checked;
            }
        }
        QVERIFY2(refused >= 1 && checked >= 4,
                 qPrintable(QStringLiteral("%1 refused, %2 checked").arg(refused).arg(checked)));
    }

    // One address, two sign-ins at once: the second is refused (429) until the first is
    // checked, so the per-address throttle counts each failure before the next attempt.
    void oneSignInAtATimePerAddress()
    {
        std::vector<Client> clients(2);
        QVERIFY(clients[0].start(QStringLiteral("127.0.0.50"), m_server->port(),
                                 loginRequest(QStringLiteral("wrong"))));
        QTest::qWait(20);
        QVERIFY(clients[1].start(QStringLiteral("127.0.0.50"), m_server->port(), loginRequest(Password)));
        QCOMPARE(answerOrder(clients).size(), 2);
        // Normally the first is checked and the second refused; on a loaded machine the
        // server may read them the other way round. Either way exactly one is checked.
        const bool firstChecked = clients[0].status() == 401;
        QCOMPARE(clients[firstChecked ? 1 : 0].status(), 429);
        QVERIFY(clients[firstChecked ? 1 : 0].received.contains("still being checked"));
        if (!firstChecked)
            QCOMPARE(clients[1].status(), 200);
    }

    // After an answer that closes the connection, nothing more on it is processed, even
    // when that answer waits behind a sign-in still being checked: a logout pipelined
    // after it must not run.
    void nothingRunsAfterAQueuedClose()
    {
        const QByteArray token = adminLogin(m_server->port(), Email, Password);
        QVERIFY(!token.isEmpty());
        Client c;
        QVERIFY(c.start(QStringLiteral("127.0.0.70"), m_server->port(),
                        loginRequest(QStringLiteral("wrong"), false) +
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            "POST /api/admin/v1/logout HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                            token + "\r\nContent-Length: 0\r\n\r\n"));
        QElapsedTimer t;
        t.start();
        while (c.socket->state() == QAbstractSocket::ConnectedState && t.elapsed() < 30'000)
            c.poll();
        c.received += c.socket->readAll();
        QCOMPARE(c.received.count("HTTP/1.1 "), 2);
        QVERIFY(c.received.startsWith("HTTP/1.1 401"));
        QCOMPARE(adminCall(m_server->port(), "GET", QStringLiteral("/me"), token).status,
                 200); // not logged out
    }

    // A server stopped and deleted while a password check runs, on a thread whose event
    // loop goes on (as the desktop app's, which restarts its built-in server): the check
    // is waited for and its answer dropped, nothing touches the deleted server.
    void deletingTheServerWithACheckInFlight()
    {
        QTemporaryDir dir;
        Server::ServerConfig c;
        c.dataDir = dir.path();
        c.port = 0;
        c.auth.argon2MemoryKib = 64 * 1024;
        c.auth.argon2Iterations = 3;
        c.auth.hashThreads = 1;
        for (int round = 0; round < 2; ++round) { // the second start reuses the data directory
            auto *instance = new Server::ServerInstance(c);
            QVERIFY(!instance->start());
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, instance->port());
            QVERIFY(s.waitForConnected(2000));
            s.write(loginRequest(QStringLiteral("wrong")));
            QVERIFY(s.waitForBytesWritten(2000));
            QTest::qWait(30); // read, and handed to the worker
            delete instance;
            QTest::qWait(500); // would deliver the check's answer to the deleted server
        }
    }

    // A sign-in and a /healthz pipelined on one connection: answered in that order,
    // although /healthz was ready long before.
    void answersOnOneConnectionStayInOrder()
    {
        Client c;
        QVERIFY(c.start(QStringLiteral("127.0.0.60"), m_server->port(),
                        loginRequest(Password, false) +
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        QElapsedTimer t;
        t.start();
        while (c.received.count("HTTP/1.1 ") < 2 && t.elapsed() < 30'000)
            c.poll();
        QCOMPARE(c.received.count("HTTP/1.1 "), 2);
        QVERIFY2(c.received.startsWith("HTTP/1.1 200"), c.received.left(200).constData());
        const qsizetype second = c.received.indexOf("HTTP/1.1 ", 10);
        QVERIFY(c.received.indexOf("\"token\"") < second);
        QVERIFY(c.received.mid(second).contains("\"status\":\"ok\""));
    }
};

QTEST_GUILESS_MAIN(TestSignInWorkers)
#include "tst_signinworkers.moc"
