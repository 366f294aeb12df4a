// The zenovay-server binary: command line, start-up line, graceful shutdown, refusing a
// newer database, and memory staying low when a huge body is refused.
#include "httpclient.h"
#include "serverprocess.h"

#include "core/storage/database.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <QThread>

#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace TestSupport;

class TestServerCli : public QObject
{
    Q_OBJECT

    static QString runToEnd(const QStringList &args, int *exitCode, const QStringList &environment = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &assignment : environment)
            env.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(env);
        p.start(ServerProcess::binary(), args);
        p.waitForFinished(10'000);
        *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    }

    // DIR/z.ini with that content; empty when it cannot be written.
    static QString writeConfig(const QTemporaryDir &dir, const QByteArray &content)
    {
        const QString path = dir.filePath(QStringLiteral("z.ini"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

private slots:
    void versionAndHelp()
    {
        int code = -1;
        QString out = runToEnd({QStringLiteral("--version")}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains(QStringLiteral(ZENOVAY_VERSION)), qPrintable(out));
        out = runToEnd({QStringLiteral("--help")}, &code);
        QCOMPARE(code, 0);
        for (const char *option : {"--data-dir", "--listen", "--config", "--version"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
    }

    void badListenIsAClearError()
    {
        int code = -1;
        const QString out = runToEnd({QStringLiteral("--listen"), QStringLiteral("nonsense")}, &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(QStringLiteral("is not ADDRESS:PORT")), qPrintable(out));
    }

    void badConfigIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = writeConfig(dir, "[limits]\nmax_connections=lots\n");
        QVERIFY(!path.isEmpty());
        int code = -1;
        const QString out = runToEnd({QStringLiteral("--config"), path}, &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(QStringLiteral(":2: [limits] max_connections=lots: must be a whole number")),
                 qPrintable(out));
    }

    // A typo never passes silently: an unknown section or key refuses the start, naming
    // the file and line (api-contract section 7).
    void unknownSettingsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray("[server]\nlisten=127.0.0.1:0\nlisen=127.0.0.1:1\n")
                                     << QStringLiteral(":3: unknown key 'lisen' in [server]");
        QTest::newRow("unknown section") << QByteArray("; comment\n[sever]\nlisten=127.0.0.1:0\n")
                                         << QStringLiteral(":2: unknown section [sever]");
        QTest::newRow("no section") << QByteArray("listen=127.0.0.1:0\n")
                                    << QStringLiteral(":1: listen comes before any [section]");
        QTest::newRow("not key=value")
            << QByteArray("[auth]\nsession_ttl_minutes\n") << QStringLiteral(":2: expected key=value");
        QTest::newRow("set twice") << QByteArray(
                                          "[server]\nlisten=127.0.0.1:0\n\n[server]\nlisten=127.0.0.1:1\n")
                                   << QStringLiteral(":5: [server] listen is set twice (first on line 2)");
        QTest::newRow("unterminated quote")
            << QByteArray("[server]\ndata_dir=\"/srv/my ;data\n")
            << QStringLiteral(":2: [server] data_dir: a quoted value must end");
        QTest::newRow("bad proxy") << QByteArray("[server]\ntrusted_proxies=10.0.0.0/8, proxy\n")
                                   << QStringLiteral(
                                          ":2: [server] trusted_proxies=10.0.0.0/8, proxy: 'proxy' is not");
        QTest::newRow("bad metrics allow")
            << QByteArray("[metrics]\nallow=127.0.0.0/33\n")
            << QStringLiteral(":2: [metrics] allow=127.0.0.0/33: '127.0.0.0/33' is not");
    }
    void unknownSettingsAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = writeConfig(dir, content);
        QVERIFY(!path.isEmpty());
        int code = -1;
        const QString out = runToEnd({QStringLiteral("--config"), path, QStringLiteral("--data-dir"),
                                      dir.filePath(QStringLiteral("data"))},
                                     &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(path + expected), qPrintable(out));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data")))); // nothing was started
    }

    // command line > environment > file > default; a bad variable is named.
    void environmentOverridesTheFile()
    {
        QTemporaryDir dir;
        const QString path = writeConfig(dir, "[server]\nlisten=127.0.0.1:1  ; a port nobody may take\n");
        QVERIFY(!path.isEmpty());
        ServerProcess server;
        qputenv("ZENOVAY_SERVER_LISTEN", "127.0.0.1:0");
        qputenv("ZENOVAY_LIMITS_HEADER_TIMEOUT_MS", "300");
        const bool started = server.start({QStringLiteral("--config"), path});
        qunsetenv("ZENOVAY_SERVER_LISTEN");
        qunsetenv("ZENOVAY_LIMITS_HEADER_TIMEOUT_MS");
        QVERIFY2(started, qPrintable(server.errors()));
        QVERIFY(server.port() > 1);
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(s.waitForConnected(2000));
        s.write("GET /healthz HTTP/1.1\r\n");
        QElapsedTimer t;
        t.start();
        while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < 5000)
            s.waitForReadyRead(50);
        QVERIFY(t.elapsed() < 2000); // the environment's 300 ms header timeout applied
        QCOMPARE(server.terminate(), 0);

        int code = -1;
        const QString out = runToEnd(
            {QStringLiteral("--config"), path, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
            &code, {QStringLiteral("ZENOVAY_AUTH_HASH_THREADS=many")});
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(
                     QStringLiteral("environment ZENOVAY_AUTH_HASH_THREADS=many: must be a whole number")),
                 qPrintable(out));
    }

    void startsServesAndStopsGracefully()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QVERIFY(server.port() > 0);
        QVERIFY(server.output().startsWith(QStringLiteral("listening on http://127.0.0.1:")));
        const HttpResult r = httpRequest(server.port(), "GET", "/healthz");
        QCOMPARE(r.status, 200);
        QCOMPARE(server.terminate(), 0);
        QVERIFY(QFile::exists(server.dataDir() + QStringLiteral("/zenovay.db")));
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz", {}, {}, 500).status, 0);
    }

    // [log]: JSON lines with a level; level=warning keeps info lines out but the access
    // log (its own switch) in; the access line has the path without its query; under
    // systemd's journal (JOURNAL_STREAM) each line starts with its syslog priority.
    void logLinesFollowTheLogSettings()
    {
        QTemporaryDir dir;
        const QString path = writeConfig(dir, "[log]\nformat=json\nlevel=warning\naccess=1\n");
        QVERIFY(!path.isEmpty());
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--config"), path}), qPrintable(server.errors()));
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz?api_key=zv_secretInTheQuery").status, 200);
        // A "%3F" in a path is no query: logged still encoded, so no line looks like one.
        QCOMPARE(httpRequest(server.port(), "GET", "/x%3Fsecret=1").status, 404);
        QCOMPARE(server.terminate(), 0);
        const QStringList lines = server.errors().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        QStringList access;
        for (const QString &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            QVERIFY2(!o.value(QStringLiteral("time")).toString().isEmpty(), qPrintable(line));
            const QString category = o.value(QStringLiteral("category")).toString();
            if (category == QLatin1String("zenovay.access")) {
                const QString message = o.value(QStringLiteral("message")).toString();
                QVERIFY(message.contains(QLatin1String(" request_id=")));
                access << message.section(QLatin1String(" bytes="), 0, 0);
            } else {
                QVERIFY2(o.value(QStringLiteral("level")).toString() != QLatin1String("info"),
                         qPrintable(line));
            }
        }
        QCOMPARE(access,
                 (QStringList{QStringLiteral("client=127.0.0.1 method=GET path=/healthz status=200"),
                              QStringLiteral("client=127.0.0.1 method=GET path=/x%3Fsecret=1 status=404")}));
        QVERIFY(!server.errors().contains(QLatin1String("zv_secretInTheQuery")));

        // Under systemd's journal: JOURNAL_STREAM names stderr's device and inode (as
        // systemd sets it), and each line starts with its syslog priority, without a time.
        const QString text = writeConfig(dir, "[log]\naccess=1\n");
        QTemporaryDir data;
        QProcess journald;
        journald.start(
            QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QStringLiteral("JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec \"$0\" \"$@\""),
             ServerProcess::binary(), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1:0"), QStringLiteral("--config"), text});
        QVERIFY(journald.waitForReadyRead(20'000));
        const auto port = QRegularExpression(QStringLiteral("listening on http://127.0.0.1:(\\d+)"))
                              .match(QString::fromUtf8(journald.readAllStandardOutput()));
        QVERIFY(port.hasMatch());
        QCOMPARE(httpRequest(quint16(port.captured(1).toUInt()), "GET", "/nope").status, 404);
        journald.terminate();
        QVERIFY(journald.waitForFinished(10'000));
        const QString log = QString::fromUtf8(journald.readAllStandardError());
        for (const QString &line : log.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(QRegularExpression(QStringLiteral("^<[2-7]>(debug|info|warning|error) zenovay\\."))
                         .match(line)
                         .hasMatch(),
                     qPrintable(line));
        QVERIFY2(log.contains(QLatin1String(
                     "<6>info zenovay.access: client=127.0.0.1 method=GET path=/nope status=404")),
                 qPrintable(log));
        // Inherited from somewhere else (stderr is not that stream): plain lines, with the time.
        ServerProcess inherited;
        inherited.setEnvironmentVariable(QStringLiteral("JOURNAL_STREAM"), QStringLiteral("8:12345"));
        QVERIFY2(inherited.start({QStringLiteral("--config"), text}), qPrintable(inherited.errors()));
        QCOMPARE(inherited.terminate(), 0);
        for (const QString &line : inherited.errors().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(QRegularExpression(QStringLiteral("^20\\d\\d-\\d\\d-\\d\\dT.* (info|warning|error) "))
                         .match(line)
                         .hasMatch(),
                     qPrintable(line));

        // access=0 (the default): no access lines.
        ServerProcess quiet;
        QVERIFY2(quiet.start(), qPrintable(quiet.errors()));
        QCOMPARE(httpRequest(quiet.port(), "GET", "/healthz").status, 200);
        QCOMPARE(quiet.terminate(), 0);
        QVERIFY(!quiet.errors().contains(QLatin1String("zenovay.access")));
    }

    // Under systemd (Type=notify): READY=1 with a status once it listens, WATCHDOG=1 at
    // half of WatchdogSec, STOPPING=1 at SIGTERM, through libsystemd's sd_notify to the
    // socket systemd names in NOTIFY_SOCKET (here the test's own).
    void tellsSystemdReadyWatchdogAndStopping()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("notify")));
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        QStringList received;
        const auto receive = [&](int ms) {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < ms) {
                char buffer[4096];
                const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
                if (n > 0)
                    received << QString::fromUtf8(buffer, n);
                else
                    QThread::msleep(10);
            }
        };
        ServerProcess server;
        server.setEnvironmentVariable(QStringLiteral("NOTIFY_SOCKET"), QString::fromLocal8Bit(path));
        server.setEnvironmentVariable(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("200000"));
        QVERIFY2(server.start(), qPrintable(server.errors()));
        receive(1000);
        QVERIFY2(!received.isEmpty(), "nothing was sent to NOTIFY_SOCKET");
        QVERIFY2(received.first().startsWith(
                     QStringLiteral("READY=1\nSTATUS=Serving http://127.0.0.1:%1").arg(server.port())),
                 qPrintable(received.first()));
        QVERIFY2(received.filter(QStringLiteral("WATCHDOG=1")).size() >= 4, qPrintable(received.join(u'|')));
        received.clear();
        QCOMPARE(server.terminate(), 0);
        receive(300);
        // A ping sent before the signal arrived may still be queued ahead of STOPPING.
        while (!received.isEmpty() && received.first() == QLatin1String("WATCHDOG=1"))
            received.removeFirst();
        QVERIFY2(!received.isEmpty() && received.first().startsWith(QLatin1String("STOPPING=1")),
                 qPrintable(received.join(u'|')));
        ::close(fd);
    }

    void configFileIsRead()
    {
        QTemporaryDir dir;
        const QString path = writeConfig(
            dir,
            QStringLiteral("[server]\nlisten=127.0.0.1:0\ndata_dir=%1\n[limits]\nheader_timeout_ms=300\n")
                .arg(dir.filePath(QStringLiteral("data")))
                .toUtf8());
        QVERIFY(!path.isEmpty());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--config"), path}, false));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("data/zenovay.db"))));
        // The configured header timeout applies: a half-sent request is cut off quickly.
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(s.waitForConnected(2000));
        s.write("GET /healthz HTTP/1.1\r\n");
        QElapsedTimer t;
        t.start();
        while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < 5000)
            s.waitForReadyRead(50);
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(server.terminate(), 0);
    }

    void newerDatabaseIsRefused()
    {
        ServerProcess server;
        {
            Core::Database db(server.dataDir() + QStringLiteral("/zenovay.db"));
            QVERIFY(!db.open());
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)")));
        }
        QVERIFY(!server.start());
        const QString errors = server.errors();
        QVERIFY2(errors.contains(QStringLiteral("newer Zenovay")), qPrintable(errors));
    }

    void fiftyMegabyteBodyIsRefusedWithoutBuffering()
    {
        ServerProcess server;
        // Under AddressSanitizer (the asan preset) freed memory waits in a quarantine of up
        // to 256 MB before it is reused, so a server that reads and drops the body in small
        // chunks would look as if it kept all of it. Without the quarantine freed chunks are
        // reused as in a normal build, while a server that holds the body still grows by its
        // size. Builds without ASan ignore the variable.
        const QString asanOptions = qEnvironmentVariable("ASAN_OPTIONS");
        server.setEnvironmentVariable(
            QStringLiteral("ASAN_OPTIONS"),
            (asanOptions.isEmpty() ? QString() : asanOptions + QLatin1Char(':')) +
                QStringLiteral("quarantine_size_mb=0:thread_local_quarantine_size_kb=0"));
        QVERIFY(server.start());
        QVERIFY(httpRequest(server.port(), "GET", "/healthz").status == 200);
        const qint64 before = server.rssKiB();
        // A plain blocking socket that pushes all 50 MB regardless of the early answer,
        // as a client that does not use Expect: 100-continue would.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(server.port());
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        timeval tv{20, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const qint64 total = 50LL * 1024 * 1024;
        const QByteArray head = "POST /e/ZV-TEST HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                "Content-Length: " +
                                QByteArray::number(total) + "\r\n\r\n";
        QCOMPARE(::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL), ssize_t(head.size()));
        const QByteArray chunk(256 * 1024, 'x');
        qint64 sent = 0;
        while (sent < total) {
            const ssize_t n =
                ::send(fd, chunk.constData(), size_t(qMin<qint64>(chunk.size(), total - sent)), MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += n;
        }
        QByteArray got;
        char buf[4096];
        for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
            got.append(buf, n);
        ::close(fd);
        QVERIFY2(got.startsWith("HTTP/1.1 413"), got.left(200).constData());
        const qint64 peak = server.peakRssKiB();
        qInfo() << "server RSS before" << before << "KiB, peak" << peak << "KiB, body bytes pushed" << sent;
        QCOMPARE(sent, total);
        QVERIFY2(peak - before < 16 * 1024, "the server buffered the refused body");
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz").status, 200);
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
