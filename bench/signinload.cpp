// zenovay-signin-load: GET /healthz latency while wrong sign-ins arrive from many client
// addresses (issue 13's target: p99 < 10 ms while 64 wrong sign-ins arrive from 64
// addresses). Talks to a running server on loopback; each sign-in connection binds its
// own 127.0.0.x source address, so each is a different client to the per-address limits.
//
//   zenovay-signin-load --port P [--signins 64] [--rounds 3] [--email E]
//
// Every round opens all sign-in connections at once (wrong password, Connection: close)
// and probes GET /healthz on one keep-alive connection, one request after the other,
// until every sign-in has its answer. Prints the probe latencies (p50, p99, max), how
// many probes ran, and the sign-in answers by status. Bounded: rounds x sign-ins
// requests, 60 s per round at most.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {
struct SignIn
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;
    bool done = false;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Server port."),
                                        QStringLiteral("P"));
    const QCommandLineOption emailOption(
        QStringLiteral("email"),
        QStringLiteral("Sign in to this account every time (default: a new unknown account per sign-in)."),
        QStringLiteral("E"));
    const QCommandLineOption signinsOption(QStringLiteral("signins"), QStringLiteral("Concurrent sign-ins."),
                                           QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds."),
                                          QStringLiteral("R"), QStringLiteral("3"));
    parser.addOptions({portOption, emailOption, signinsOption, roundsOption});
    parser.process(app);
    const quint16 port = quint16(parser.value(portOption).toUInt());
    const int signins = qBound(1, parser.value(signinsOption).toInt(), 250);
    const int rounds = qBound(1, parser.value(roundsOption).toInt(), 20);
    // Each sign-in names its own account (unknown ones cost the same password work), so
    // the per-account lock never answers in place of the password check.
    const auto login = [&](int round, int i) -> QByteArray {
        const QString email = parser.isSet(emailOption)
                                  ? parser.value(emailOption)
                                  : QStringLiteral("nobody-%1-%2@example.com").arg(round).arg(i);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                      {QStringLiteral("password"), QStringLiteral("wrong-password")}})
                .toJson(QJsonDocument::Compact);
        return "POST /api/admin/v1/login HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
               "Connection: close\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    const QByteArray probe = "GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n";

    std::vector<double> latenciesMs;
    QMap<int, int> statuses;
    qint64 roundMsTotal = 0;
    for (int round = 0; round < rounds; ++round) {
        QTcpSocket prober;
        prober.connectToHost(QHostAddress::LocalHost, port);
        if (!prober.waitForConnected(5000)) {
            std::fprintf(stderr, "cannot connect to port %u\n", unsigned(port));
            return 1;
        }
        std::vector<SignIn> clients(static_cast<size_t>(signins));
        QElapsedTimer roundTimer;
        roundTimer.start();
        for (int i = 0; i < signins; ++i) {
            // 127.0.1.x, 127.0.2.x ...: one address per sign-in, new ones each round
            const QHostAddress from(
                QStringLiteral("127.%1.%2.%3").arg(1 + round).arg(1 + i / 250).arg(1 + i % 250));
            clients[size_t(i)].socket->bind(from);
            clients[size_t(i)].socket->connectToHost(QHostAddress::LocalHost, port);
        }
        for (int i = 0; i < signins; ++i) {
            if (clients[size_t(i)].socket->waitForConnected(5000))
                clients[size_t(i)].socket->write(login(round, i));
        }
        int remaining = signins;
        while (remaining > 0 && roundTimer.elapsed() < 60'000) {
            QElapsedTimer t;
            t.start();
            prober.write(probe);
            QByteArray answer;
            while (!answer.contains("\r\n\r\n") || !answer.contains("}")) {
                if (!prober.waitForReadyRead(10'000))
                    break;
                answer += prober.readAll();
            }
            latenciesMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!answer.startsWith("HTTP/1.1 200"))
                std::fprintf(stderr, "probe answered: %s\n", answer.left(40).constData());
            for (SignIn &c : clients) {
                if (c.done)
                    continue;
                c.socket->waitForReadyRead(0);
                c.received += c.socket->readAll();
                if (c.received.contains("\r\n\r\n") ||
                    c.socket->state() == QAbstractSocket::UnconnectedState) {
                    c.done = true;
                    --remaining;
                    ++statuses[c.received.mid(9, 3).toInt()];
                }
            }
        }
        roundMsTotal += roundTimer.elapsed();
    }
    std::printf("sign-ins: %d x %d rounds; answers:", signins, rounds);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        std::printf(" %d x%d", it.key(), it.value());
    std::printf("\nrounds took %lld ms on average\n", roundMsTotal / rounds);
    std::printf("healthz probes: %zu, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", latenciesMs.size(),
                percentile(latenciesMs, 0.5), percentile(latenciesMs, 0.99),
                latenciesMs.empty() ? 0.0 : *std::max_element(latenciesMs.begin(), latenciesMs.end()));
    return 0;
}
