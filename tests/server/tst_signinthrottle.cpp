// The sign-in throttle over real HTTP (issue 11, item 8): failures count per client
// address across accounts and per target account across addresses; a success clears
// only its own account's share, so signing in to one's own account between guesses at
// another's no longer resets the streak. Clients sign in from several loopback
// addresses (127.0.0.N) to act as different machines.
#include "adminclient.h"
#include "testserver.h"

#include "core/model/clock.h"
#include "server/http/httpengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
constexpr qint64 Start = 1'780'000'020'000;
const QString AdminEmail = QStringLiteral("admin@example.com");
const QString AdminPassword = QStringLiteral("correct-horse-1");
const QString MalloryEmail = QStringLiteral("mallory@example.com");
const QString MalloryPassword = QStringLiteral("mallory-password");
const QString Wrong = QStringLiteral("wrong-password");

// POST /login from a given loopback source address (to the server at `server`).
HttpResult loginFrom(quint16 port, const QString &source, const QString &email, const QString &password,
                     const QHostAddress &server = QHostAddress::LocalHost)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    const QByteArray request = "POST /api/admin/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                               "Content-Type: application/json\r\nContent-Length: " +
                               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(source), 0))
        return {};
    socket.connectToHost(server, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10'000 && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(50))
            received += socket.readAll();
    }
    received += socket.readAll();
    return parseResponse(received);
}

// Two IPv6 addresses of one /64 on a loopback interface (not ::1, a /128), or none. A
// plain machine has none: ctest runs the IPv6 test again as tst_signinthrottle_ipv6 in a
// private network namespace that has two (tests/server/in_ipv6_namespace.sh).
QList<QHostAddress> twoLoopbackAddressesOfOneSlash64()
{
    QList<QHostAddress> found;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!i.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            if (e.ip().protocol() == QAbstractSocket::IPv6Protocol && !e.ip().isLoopback())
                found << e.ip();
    }
    for (const QHostAddress &a : found)
        for (const QHostAddress &b : found)
            if (a != b && a.isInSubnet(b, 64))
                return {a, b};
    return {};
}

QJsonObject withoutRequestId(QJsonObject o)
{
    o.remove(QStringLiteral("request_id"));
    return o;
}
} // namespace

class TestSignInThrottle : public QObject
{
    Q_OBJECT
    std::shared_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    int m_nextAddress = 0; // 127.0.x.y, a fresh one per use

    quint16 port() const { return m_server->port(); }
    QString freshAddress()
    {
        const int n = m_nextAddress++;
        return QStringLiteral("127.0.%1.%2").arg(n / 250).arg(2 + n % 250);
    }

private slots:
    void initTestCase()
    {
        QTcpSocket probe;
        QVERIFY2(probe.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0),
                 "these tests sign in from several loopback addresses (127.0.0.N)");
    }

    // A fresh server per test: the throttle's memory lives in the server.
    void init()
    {
        m_clock = std::make_shared<Core::ManualClock>(Start);
        m_server = std::make_unique<TestServer>([clock = m_clock](Server::ServerConfig &c) {
            c.clock = clock;
            c.auth.requestsPerMinute = 1000;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        QVERIFY(!adminSetup(port(), AdminEmail, QStringLiteral("Ada"), AdminPassword).isEmpty());
        const QByteArray admin = adminLogin(port(), AdminEmail, AdminPassword);
        QVERIFY(!adminCreateUser(port(), admin, MalloryEmail, QStringLiteral("Mallory"), MalloryPassword)
                     .isEmpty());
    }
    void cleanup() { m_server.reset(); }

    // Issue 11: four wrong passwords for the admin, one good sign-in to the attacker's
    // own account, repeated from one address, gave unlimited guesses.
    void ownSuccessBetweenGuessesDoesNotResetTheStreak()
    {
        const QString attacker = freshAddress();
        int guesses = 0;
        HttpResult refused;
        for (int round = 0; round < 4 && !refused.status; ++round) {
            for (int i = 0; i < 4; ++i) {
                const HttpResult r = loginFrom(port(), attacker, AdminEmail, Wrong);
                if (r.status == 429) {
                    refused = r;
                    break;
                }
                QCOMPARE(r.status, 401);
                ++guesses;
            }
            if (refused.status)
                break;
            const HttpResult own = loginFrom(port(), attacker, MalloryEmail, MalloryPassword);
            if (own.status == 429) {
                refused = own;
                break;
            }
            QCOMPARE(own.status, 200);
        }
        QCOMPARE(guesses, 5);
        QCOMPARE(refused.status, 429);
        QCOMPARE(codeOf(refused), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("30"));
        // The whole address is banned, the attacker's own account included ...
        QCOMPARE(loginFrom(port(), attacker, MalloryEmail, MalloryPassword).status, 429);
        // ... and nobody else is.
        QCOMPARE(loginFrom(port(), freshAddress(), AdminEmail, AdminPassword).status, 200);
    }

    // A success takes back only the failures this address had on that same account.
    void aSuccessTakesBackOnlyItsOwnAccountsFailures()
    {
        const QString office = freshAddress();
        // Someone mistypes their own password, then gets it right: nothing held against them.
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 4; ++i)
                QCOMPARE(loginFrom(port(), office, MalloryEmail, Wrong).status, 401);
            QCOMPARE(loginFrom(port(), office, MalloryEmail, MalloryPassword).status, 200);
        }
        // Failures on another account stay: 3 on the admin, Mallory's success, 2 more.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(loginFrom(port(), office, AdminEmail, Wrong).status, 401);
        QCOMPARE(loginFrom(port(), office, MalloryEmail, MalloryPassword).status, 200);
        QCOMPARE(loginFrom(port(), office, MalloryEmail, Wrong).status, 401);
        QCOMPARE(loginFrom(port(), office, MalloryEmail, MalloryPassword).status, 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(loginFrom(port(), office, AdminEmail, Wrong).status, 401);
        QCOMPARE(loginFrom(port(), office, MalloryEmail, MalloryPassword).status, 429);
    }

    // Failures spread over many addresses lock the account (not the addresses) for a
    // short, doubling time; then its owner signs in as usual.
    void accountLockAppliesFromEveryAddress()
    {
        for (int i = 0; i < 10; ++i)
            QCOMPARE(loginFrom(port(), freshAddress(), AdminEmail, Wrong).status, 401);
        const QString owner = freshAddress();
        HttpResult r = loginFrom(port(), owner, AdminEmail, AdminPassword);
        QCOMPARE(r.status, 429);
        QCOMPARE(codeOf(r), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(r.header("Retry-After"), QByteArray("30"));
        QVERIFY(r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("this account")));
        // Other accounts, from the same address, are not affected.
        QCOMPARE(loginFrom(port(), owner, MalloryEmail, MalloryPassword).status, 200);
        // Look-alike spellings of the address are the same account.
        QCOMPARE(
            loginFrom(port(), freshAddress(), QStringLiteral(" ADMIN@Example.com "), AdminPassword).status,
            429);
        QCOMPARE(loginFrom(port(), freshAddress(),
                           QString::fromUtf8("\xEF\xBD\x81"
                                             "dmin@example.com"),
                           AdminPassword)
                     .status,
                 429);
        m_clock->advanceMs(29'000);
        QCOMPARE(loginFrom(port(), owner, AdminEmail, AdminPassword).status, 429);
        m_clock->advanceMs(1'000);
        QCOMPARE(loginFrom(port(), owner, AdminEmail, AdminPassword).status, 200);

        // The success cleared the count; the next full round earns twice the lock (for
        // every address but the owner's, which is now known: see the next test).
        for (int i = 0; i < 10; ++i)
            QCOMPARE(loginFrom(port(), freshAddress(), AdminEmail, Wrong).status, 401);
        const QString elsewhere = freshAddress();
        r = loginFrom(port(), elsewhere, AdminEmail, AdminPassword);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("60"));
        m_clock->advanceMs(60'000);
        QCOMPARE(loginFrom(port(), elsewhere, AdminEmail, AdminPassword).status, 200);
    }

    // Anyone can lock any account; the lock must not keep its owner out for good. An
    // address that signed in to the account recently still gets in while strangers,
    // fresh addresses included, stay locked out.
    void ownerAtAKnownAddressSignsInDuringTheLock()
    {
        const QString home = QStringLiteral("127.0.0.9");
        QCOMPARE(loginFrom(port(), home, AdminEmail, AdminPassword).status, 200);
        // Each round the attacker spreads 10 wrong passwords over three addresses (4 + 3 +
        // 3, so no address reaches its own ban), locking the account for 30 s, 60 s ...
        const auto attacker = [](int round, int i) {
            return QStringLiteral("127.1.%1.%2").arg(round).arg(2 + i % 3);
        };
        const auto lockOut = [&](int round) {
            for (int i = 0; i < 10; ++i) {
                const HttpResult r = loginFrom(port(), attacker(round, i), AdminEmail, Wrong);
                if (r.status != 401)
                    return false;
            }
            return true;
        };
        qint64 lockMs = 30'000;
        for (int round = 0; round < 4; ++round) {
            QVERIFY(lockOut(round));
            const HttpResult stranger =
                loginFrom(port(), QStringLiteral("127.0.0.5"), AdminEmail, AdminPassword);
            QCOMPARE(stranger.status, 429);
            QCOMPARE(stranger.header("Retry-After"), QByteArray::number(lockMs / 1000));
            QCOMPARE(loginFrom(port(), attacker(round, 0), AdminEmail, AdminPassword).status, 429);
            // The owner at the usual address is not refused (and a wrong guess there is
            // still only a failure, not a way around the count).
            QCOMPARE(loginFrom(port(), home, AdminEmail, AdminPassword).status, 200);
            m_clock->advanceMs(lockMs);
            lockMs *= 2;
            // The owner's success cleared the count: each round starts at zero, but the
            // lock keeps doubling (the ban level stays until a day without failures).
        }
        QCOMPARE(lockMs, 480'000);

        // An address is remembered for 30 days after its last success.
        QVERIFY(lockOut(4));
        QCOMPARE(loginFrom(port(), home, AdminEmail, AdminPassword).status, 200);
        m_clock->advanceMs(31 * 24 * 3'600'000LL);
        QVERIFY(lockOut(5));
        QCOMPARE(loginFrom(port(), home, AdminEmail, AdminPassword).status, 429);
    }

    // An email no account has is throttled the same way, so the answers tell nothing.
    void unknownEmailsAreLockedAlike()
    {
        const QString ghost = QStringLiteral("ghost@example.com");
        for (int i = 0; i < 10; ++i) {
            const QString from = freshAddress();
            const HttpResult known = loginFrom(port(), from, AdminEmail, Wrong);
            const HttpResult unknown = loginFrom(port(), from, ghost, Wrong);
            QCOMPARE(unknown.status, known.status);
            QCOMPARE(withoutRequestId(unknown.json()), withoutRequestId(known.json()));
        }
        const QString from = freshAddress();
        const HttpResult known = loginFrom(port(), from, AdminEmail, AdminPassword);
        const HttpResult unknown = loginFrom(port(), from, ghost, AdminPassword);
        QCOMPARE(known.status, 429);
        QCOMPARE(unknown.status, 429);
        QCOMPARE(unknown.header("Retry-After"), known.header("Retry-After"));
        QCOMPARE(withoutRequestId(unknown.json()), withoutRequestId(known.json()));
    }

    // An IPv6 host usually holds a whole /64: the sign-in limits count a /64 as one
    // client, as the listener's per-address connection cap does (else every address of
    // it would start with a clean slate).
    void ipv6ClientsCountPerSlash64()
    {
        using Server::clientAddressKey;
        const auto key = [](const char *a) { return clientAddressKey(QHostAddress(QString::fromLatin1(a))); };
        QCOMPARE(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ffff:ffff:9"));
        QVERIFY(key("2001:db8:1:2::1") != key("2001:db8:1:3::1"));
        QCOMPARE(key("::ffff:10.1.2.3"), key("10.1.2.3"));
        QVERIFY(key("10.1.2.3") != key("10.1.2.4"));

        const QList<QHostAddress> pair = twoLoopbackAddressesOfOneSlash64();
        if (pair.isEmpty() && qEnvironmentVariableIsSet("ZENOVAY_REQUIRE_IPV6_PAIR"))
            QFAIL("no two IPv6 addresses of one /64 on the loopback interface");
        if (pair.isEmpty())
            QSKIP(
                "needs two IPv6 addresses of one /64 on loopback: ctest runs it as tst_signinthrottle_ipv6");
        const QString a = pair.at(0).toString(), b = pair.at(1).toString();
        // Five failures spread over two addresses of the /64 ban both.
        TestServer banning([clock = m_clock, at = pair.at(0)](Server::ServerConfig &c) {
            c.clock = clock;
            c.address = at;
            c.auth.requestsPerMinute = 1000;
        });
        QVERIFY2(banning.isRunning(), qPrintable(banning.startError()));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(loginFrom(banning.port(), i % 2 ? b : a, MalloryEmail, Wrong, pair.at(0)).status, 401);
        QCOMPARE(loginFrom(banning.port(), a, MalloryEmail, Wrong, pair.at(0)).status, 429);
        QCOMPARE(loginFrom(banning.port(), b, MalloryEmail, Wrong, pair.at(0)).status, 429);

        // The requests-per-minute limit, likewise.
        TestServer limiting([clock = m_clock, at = pair.at(0)](Server::ServerConfig &c) {
            c.clock = clock;
            c.address = at;
            c.auth.requestsPerMinute = 4;
        });
        QVERIFY2(limiting.isRunning(), qPrintable(limiting.startError()));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(loginFrom(limiting.port(), i % 2 ? b : a, MalloryEmail, Wrong, pair.at(0)).status, 401);
        const HttpResult r = loginFrom(limiting.port(), b, MalloryEmail, Wrong, pair.at(0));
        QCOMPARE(r.status, 429);
        QVERIFY(r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("per minute")));
    }

    void accountLockSettingsComeFromTheIniFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("z.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[auth]\naccount_failures_before_lock=4\naccount_lock_initial_seconds=5\n"
                "account_lock_max_seconds=40\n");
        f.close();
        Server::ServerConfig c;
        QVERIFY(!c.loadFile(path));
        QCOMPARE(c.auth.accountFailuresBeforeLock, 4);
        QCOMPARE(c.auth.accountLockInitialSeconds, 5);
        QCOMPARE(c.auth.accountLockMaxSeconds, 40);
    }
};

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "tst_signinthrottle.moc"
