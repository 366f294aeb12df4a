// TLS built in (api-contract section 7, issue 13): [tls] cert_file / key_file, TLS 1.2
// or later only, a certificate reload that drops no open connection, and clear refusals
// for missing files and keys that do not belong to the certificate. Certificates are
// made by openssl here.
#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include "server/serverinstance.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace TestSupport;

namespace {
bool makeCertificate(const QString &dir, const QString &name, const QString &commonName)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                   QStringLiteral("-keyout"), dir + QLatin1Char('/') + name + QStringLiteral(".key"),
                   QStringLiteral("-out"), dir + QLatin1Char('/') + name + QStringLiteral(".crt")});
    return openssl.waitForFinished(60'000) && openssl.exitCode() == 0;
}

// A TLS connection that can send several requests (keep-alive).
struct TlsClient
{
    QSslSocket socket;
    bool connect(quint16 port, QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater)
    {
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.setProtocol(protocol);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return socket.waitForEncrypted(10'000);
    }
    HttpResult get(const QByteArray &path)
    {
        socket.write("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray raw;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10'000) {
            if (socket.waitForReadyRead(100))
                raw += socket.readAll();
            const HttpResult r = parseResponse(raw);
            if (r.status && raw.endsWith("}"))
                return r;
        }
        return parseResponse(raw);
    }
    QString peerName() const
    {
        const QStringList names = socket.peerCertificate().subjectInfo(QSslCertificate::CommonName);
        return names.isEmpty() ? QString() : names.first();
    }
};
} // namespace

class TestTls : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("a"), QStringLiteral("first.example")));
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("b"), QStringLiteral("second.example")));
    }

    void servesHttpsOnly()
    {
        TestServer server([this](Server::ServerConfig &c) {
            c.tlsCertFile = file(QStringLiteral("a.crt"));
            c.tlsKeyFile = file(QStringLiteral("a.key"));
        });
        QVERIFY2(server.isRunning(), qPrintable(server.startError()));
        QUrl base;
        server.runOnServerThread([&](Server::ServerInstance &s) { base = s.baseUrl(); });
        QCOMPARE(base.scheme(), QStringLiteral("https"));
        TlsClient client;
        QVERIFY(client.connect(server.port()));
        QCOMPARE(client.peerName(), QStringLiteral("first.example"));
        QVERIFY(client.socket.sessionProtocol() >= QSsl::TlsV1_2);
        const HttpResult r = client.get("/healthz");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("X-Request-Id").isEmpty());
        // Plain HTTP to the TLS port gets no HTTP answer.
        QCOMPARE(httpRequest(server.port(), "GET", "/healthz", {}, {}, 3000).status, 0);
    }

    // SIGHUP's reload: open connections keep working, new ones get the new certificate;
    // a broken pair is refused and the current certificate stays.
    void reloadKeepsConnectionsAndSwapsTheCertificate()
    {
        const QString cert = file(QStringLiteral("live.crt"));
        const QString key = file(QStringLiteral("live.key"));
        QFile::remove(cert);
        QFile::remove(key);
        QVERIFY(QFile::copy(file(QStringLiteral("a.crt")), cert));
        QVERIFY(QFile::copy(file(QStringLiteral("a.key")), key));
        TestServer server([&](Server::ServerConfig &c) {
            c.tlsCertFile = cert;
            c.tlsKeyFile = key;
        });
        QVERIFY2(server.isRunning(), qPrintable(server.startError()));
        TlsClient open;
        QVERIFY(open.connect(server.port()));
        QCOMPARE(open.get("/healthz").status, 200);

        // A mismatched pair: refused, the old certificate stays.
        QFile::remove(key);
        QVERIFY(QFile::copy(file(QStringLiteral("b.key")), key));
        std::optional<QString> error;
        server.runOnServerThread([&](Server::ServerInstance &s) { error = s.reloadTls(); });
        QVERIFY(error);
        QVERIFY2(error->contains(QLatin1String("does not belong")), qPrintable(*error));
        TlsClient stillOld;
        QVERIFY(stillOld.connect(server.port()));
        QCOMPARE(stillOld.peerName(), QStringLiteral("first.example"));

        // The new pair: reloaded.
        QFile::remove(cert);
        QVERIFY(QFile::copy(file(QStringLiteral("b.crt")), cert));
        server.runOnServerThread([&](Server::ServerInstance &s) { error = s.reloadTls(); });
        QVERIFY2(!error, error ? qPrintable(*error) : "");
        TlsClient fresh;
        QVERIFY(fresh.connect(server.port()));
        QCOMPARE(fresh.peerName(), QStringLiteral("second.example"));
        QCOMPARE(fresh.get("/healthz").status, 200);
        // The connection opened before both reloads still answers.
        QCOMPARE(open.get("/healthz").status, 200);
        QCOMPARE(open.peerName(), QStringLiteral("first.example"));
    }

    // The real binary: "listening on https://...", and SIGHUP reloads the files.
    void sighupReloadsTheServersCertificate()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("live.crt"));
        const QString key = dir.filePath(QStringLiteral("live.key"));
        QVERIFY(QFile::copy(file(QStringLiteral("a.crt")), cert));
        QVERIFY(QFile::copy(file(QStringLiteral("a.key")), key));
        ServerProcess server;
        server.setEnvironmentVariable(QStringLiteral("ZENOVAY_TLS_CERT_FILE"), cert);
        server.setEnvironmentVariable(QStringLiteral("ZENOVAY_TLS_KEY_FILE"), key);
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QVERIFY2(server.output().startsWith(QStringLiteral("listening on https://127.0.0.1:")),
                 qPrintable(server.output()));
        TlsClient before;
        QVERIFY(before.connect(server.port()));
        QCOMPARE(before.peerName(), QStringLiteral("first.example"));
        QFile::remove(cert);
        QFile::remove(key);
        QVERIFY(QFile::copy(file(QStringLiteral("b.crt")), cert));
        QVERIFY(QFile::copy(file(QStringLiteral("b.key")), key));
        QCOMPARE(::kill(pid_t(server.pid()), SIGHUP), 0);
        QString errors;
        QElapsedTimer t;
        t.start();
        while (!errors.contains(QLatin1String("reloaded")) && t.elapsed() < 10'000) {
            QTest::qWait(50);
            errors += server.errors();
        }
        QVERIFY2(errors.contains(QLatin1String("SIGHUP: TLS certificate reloaded")), qPrintable(errors));
        TlsClient after;
        QVERIFY(after.connect(server.port()));
        QCOMPARE(after.peerName(), QStringLiteral("second.example"));
        QCOMPARE(before.get("/healthz").status, 200); // not dropped
        QCOMPARE(server.terminate(), 0);
    }

    void clearRefusals_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing cert") << QStringLiteral("nope.crt") << QStringLiteral("a.key")
                                      << QStringLiteral("cannot read [tls] cert_file");
        QTest::newRow("missing key") << QStringLiteral("a.crt") << QStringLiteral("nope.key")
                                     << QStringLiteral("cannot read [tls] key_file");
        QTest::newRow("key as cert") << QStringLiteral("a.key") << QStringLiteral("a.key")
                                     << QStringLiteral("holds no PEM certificate");
        QTest::newRow("cert as key") << QStringLiteral("a.crt") << QStringLiteral("a.crt")
                                     << QStringLiteral("holds no PEM private key");
        QTest::newRow("mismatch") << QStringLiteral("a.crt") << QStringLiteral("b.key")
                                  << QStringLiteral("does not belong to the certificate");
        QTest::newRow("only one") << QStringLiteral("a.crt") << QString()
                                  << QStringLiteral("needs both cert_file and key_file");
    }
    void clearRefusals()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        TestServer server([&](Server::ServerConfig &c) {
            c.tlsCertFile = file(cert);
            c.tlsKeyFile = key.isEmpty() ? QString() : file(key);
        });
        QVERIFY(!server.isRunning());
        QVERIFY2(server.startError().contains(expected), qPrintable(server.startError()));
        // the message names the file at fault
        const QString named =
            expected.contains(QLatin1String("key")) && !key.isEmpty() ? file(key) : file(cert);
        if (!expected.startsWith(QLatin1String("needs both")))
            QVERIFY2(server.startError().contains(named), qPrintable(server.startError()));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
