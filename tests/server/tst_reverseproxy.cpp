// Behind a reverse proxy every visitor must still be a client of their own (api-contract
// section 7, issue 13). A real nginx, configured by docs/deploy/nginx.conf itself (TLS
// with a certificate openssl makes here), and a real Caddy, configured by
// docs/deploy/Caddyfile, run in front of a server that trusts only 127.0.0.1. Clients
// connect from other loopback addresses (127.0.0.x), so each is a different client.
#include "adminclient.h"
#include "fixtures.h"
#include "httpclient.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
const QString AdminEmail = QStringLiteral("admin@example.com");
const QString AdminPassword = QStringLiteral("correct horse battery staple");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QTest::qWait(50);
    }
    return false;
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

// One request from a chosen local address, over TLS or not; reads until the close.
HttpResult requestFrom(const QString &from, quint16 port, bool tls, const QByteArray &method,
                       const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       const QByteArray &body = {})
{
    QSslSocket s;
    if (!s.bind(QHostAddress(from)))
        return {};
    s.setPeerVerifyMode(QSslSocket::VerifyNone); // the test's own self-signed certificate
    if (tls)
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    else
        s.connectToHost(QHostAddress::LocalHost, port);
    if (!(tls ? s.waitForEncrypted(5000) : s.waitForConnected(5000)))
        return {};
    s.write(requestBytes(method, target, "127.0.0.1:" + QByteArray::number(port), headers, body));
    QByteArray raw;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10'000 && s.state() == QAbstractSocket::ConnectedState)
        if (s.waitForReadyRead(100))
            raw += s.readAll();
    raw += s.readAll();
    return parseResponse(raw);
}

QByteArray loginBody(const QString &password)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("email"), AdminEmail}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestReverseProxy : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
    QProcess m_nginx;
    QProcess m_caddy;
    quint16 m_https = 0;
    quint16 m_http = 0;
    quint16 m_caddyPort = 0;
    QByteArray m_adminToken;
    Core::Website m_site;

    // Through nginx over TLS, from a chosen client address.
    HttpResult viaNginx(const QString &from, const QByteArray &method, const QByteArray &target,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
    {
        return requestFrom(from, m_https, true, method, target, headers, body);
    }
    HttpResult login(const QString &from, const QString &password, quint16 port, bool tls,
                     const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        headers += extra;
        return requestFrom(from, port, tls, "POST", "/api/admin/v1/login", headers, loginBody(password));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString nginx =
            QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
        QVERIFY2(!nginx.isEmpty(), "nginx is missing: scripts/deps.sh test installs nginx-light");
        const QString caddy = QStandardPaths::findExecutable(QStringLiteral("caddy"));
        QVERIFY2(!caddy.isEmpty(), "caddy is missing: scripts/deps.sh test installs it");

        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) {
            c.trustedProxies = *Server::AddressRanges::parse(QStringLiteral("127.0.0.1"));
            c.auth.failuresBeforeBan = 3;
            c.auth.accountFailuresBeforeLock = 1000; // this test is about addresses
            c.ingest.burstLimit = 3;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        adminSetup(m_server->port(), AdminEmail, QStringLiteral("Admin"), AdminPassword);
        m_adminToken = adminLogin(m_server->port(), AdminEmail, AdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
        const auto owner = Fixtures::createUser(*m_server, QStringLiteral("owner@example.com"));
        const auto team =
            Fixtures::createTeam(*m_server, QStringLiteral("Site team"), Core::Plan::Pro, owner.id);
        m_site = Fixtures::createWebsite(*m_server, team.id, QStringLiteral("Site"));

        // A certificate for nginx, made by openssl here.
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=stats.example.com"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60'000));
        QCOMPARE(openssl.exitCode(), 0);

        // docs/deploy/nginx.conf, with only ports, the upstream and the certificate
        // paths changed: every substitution must hit, so the documented file is what runs.
        QFile site(QStringLiteral(ZENOVAY_DEPLOY_DIR "/nginx.conf"));
        QVERIFY(site.open(QIODevice::ReadOnly));
        QString conf = QString::fromUtf8(site.readAll());
        m_https = freePort();
        m_http = freePort();
        const QList<std::pair<QString, QString>> substitutions{
            {QStringLiteral("    listen [::]:80;\n"), QString()},
            {QStringLiteral("    listen [::]:443 ssl;\n"), QString()},
            {QStringLiteral("listen 80;"), QStringLiteral("listen 127.0.0.1:%1;").arg(m_http)},
            {QStringLiteral("listen 443 ssl;"), QStringLiteral("listen 127.0.0.1:%1 ssl;").arg(m_https)},
            {QStringLiteral("/etc/letsencrypt/live/stats.example.com/fullchain.pem"), cert},
            {QStringLiteral("/etc/letsencrypt/live/stats.example.com/privkey.pem"), key},
            {QStringLiteral("http://127.0.0.1:8080;"),
             QStringLiteral("http://127.0.0.1:%1;").arg(m_server->port())},
        };
        for (const auto &[from, to] : substitutions) {
            QVERIFY2(conf.count(from) == 1, qPrintable(QStringLiteral("nginx.conf no longer has: ") + from));
            conf.replace(from, to);
        }
        const QString root = m_dir.path();
        for (const char *sub : {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            QDir(root).mkdir(QString::fromLatin1(sub));
            QFile::setPermissions(root + QLatin1Char('/') + QString::fromLatin1(sub),
                                  QFileDevice::Permissions(0x7777)); // workers may run as nobody
        }
        QFile main(m_dir.filePath(QStringLiteral("nginx-main.conf")));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write(QStringLiteral("worker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log warn;\n"
                                  "events { worker_connections 256; }\n"
                                  "http {\n access_log off;\n client_body_temp_path %1/body;\n"
                                  " proxy_temp_path %1/proxy;\n fastcgi_temp_path %1/fastcgi;\n"
                                  " uwsgi_temp_path %1/uwsgi;\n scgi_temp_path %1/scgi;\n%2\n}\n")
                       .arg(root, conf)
                       .toUtf8());
        main.close();
        m_nginx.setProcessChannelMode(QProcess::ForwardedChannels);
        m_nginx.start(nginx, {QStringLiteral("-p"), root, QStringLiteral("-e"),
                              root + QStringLiteral("/error.log"), QStringLiteral("-c"), main.fileName(),
                              QStringLiteral("-g"), QStringLiteral("daemon off;")});
        QVERIFY(m_nginx.waitForStarted(5000));
        QVERIFY2(waitForPort(m_https, 10'000), "nginx did not start (see error.log in the test's directory)");

        // docs/deploy/Caddyfile on plain HTTP (no certificates, no admin endpoint).
        QFile caddyfile(QStringLiteral(ZENOVAY_DEPLOY_DIR "/Caddyfile"));
        QVERIFY(caddyfile.open(QIODevice::ReadOnly));
        QString caddyConf = QString::fromUtf8(caddyfile.readAll());
        m_caddyPort = freePort();
        for (const auto &[from, to] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("stats.example.com {"),
                  QStringLiteral("http://127.0.0.1:%1 {").arg(m_caddyPort)},
                 {QStringLiteral("reverse_proxy 127.0.0.1:8080"),
                  QStringLiteral("reverse_proxy 127.0.0.1:%1").arg(m_server->port())}}) {
            QVERIFY2(caddyConf.count(from) == 1,
                     qPrintable(QStringLiteral("Caddyfile no longer has: ") + from));
            caddyConf.replace(from, to);
        }
        QFile caddyOut(m_dir.filePath(QStringLiteral("Caddyfile")));
        QVERIFY(caddyOut.open(QIODevice::WriteOnly));
        caddyOut.write("{\n\tadmin off\n\tauto_https off\n}\n" + caddyConf.toUtf8());
        caddyOut.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), root);
        env.insert(QStringLiteral("XDG_DATA_HOME"), root + QStringLiteral("/caddy-data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root + QStringLiteral("/caddy-config"));
        m_caddy.setProcessEnvironment(env);
        m_caddy.setProcessChannelMode(QProcess::MergedChannels);
        m_caddy.start(caddy, {QStringLiteral("run"), QStringLiteral("--config"), caddyOut.fileName(),
                              QStringLiteral("--adapter"), QStringLiteral("caddyfile")});
        QVERIFY(m_caddy.waitForStarted(5000));
        QVERIFY2(waitForPort(m_caddyPort, 15'000), m_caddy.readAll().constData());
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_nginx, &m_caddy}) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
            p->waitForFinished(2000);
        }
        m_server.reset();
    }

    // Failed sign-ins ban the address they came from, not the proxy: another visitor
    // behind the same nginx still reaches the sign-in check.
    void signInFailuresCountPerClient()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(QStringLiteral("127.0.0.2"), QStringLiteral("wrong"), m_https, true).status, 401);
        const HttpResult banned = login(QStringLiteral("127.0.0.2"), QStringLiteral("wrong"), m_https, true);
        QCOMPARE(banned.status, 429);
        QVERIFY(!banned.header("Retry-After").isEmpty());
        QCOMPARE(login(QStringLiteral("127.0.0.3"), QStringLiteral("wrong"), m_https, true).status, 401);
        QCOMPARE(login(QStringLiteral("127.0.0.3"), AdminPassword, m_https, true).status, 200);
    }

    // What a client writes into its own X-Forwarded-For stays left of what nginx adds.
    void forgedForwardedForDoesNotEscapeTheBan()
    {
        for (const QByteArray &forged :
             {QByteArray("203.0.113.77"), QByteArray("127.0.0.9, 203.0.113.78"), QByteArray("unknown")}) {
            const HttpResult r = login(QStringLiteral("127.0.0.2"), AdminPassword, m_https, true,
                                       {{"X-Forwarded-For", forged}, {"Forwarded", "for=198.51.100.1"}});
            QCOMPARE(r.status, 429);
        }
    }

    // Peers that are not trusted proxies cannot name a client: their headers are ignored.
    void untrustedPeersCannotForge()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(QStringLiteral("127.0.0.4"), QStringLiteral("wrong"), m_server->port(), false,
                           {{"X-Forwarded-For", "203.0.113." + QByteArray::number(10 + i)}})
                         .status,
                     401);
        QCOMPARE(login(QStringLiteral("127.0.0.4"), AdminPassword, m_server->port(), false,
                       {{"X-Forwarded-For", "203.0.113.99"}})
                     .status,
                 429);
    }

    // The tracking limits (burst of 3 here) count per visitor, not for the whole site.
    void trackingLimitsCountPerVisitor()
    {
        const QByteArray target = "/e/" + m_site.trackingCode.toLatin1();
        const QByteArray body = toJsonBytes(sampleEvent());
        const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(viaNginx(QStringLiteral("127.0.0.5"), "POST", target, json, body).status, 202);
        QCOMPARE(viaNginx(QStringLiteral("127.0.0.5"), "POST", target, json, body).status, 429);
        QCOMPARE(viaNginx(QStringLiteral("127.0.0.6"), "POST", target, json, body).status, 202);
    }

    // The audit log names the visitor's address, not the proxy's.
    void auditLogRecordsTheClient()
    {
        QCOMPARE(login(QStringLiteral("127.0.0.7"), QStringLiteral("wrong"), m_https, true).status, 401);
        const HttpResult audit =
            adminCall(m_server->port(), "GET", QStringLiteral("/audit?per_page=5"), m_adminToken);
        QCOMPARE(audit.status, 200);
        const QJsonObject newest = audit.json().value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("login.failed"));
        QCOMPARE(newest.value(QStringLiteral("ip")).toString(), QStringLiteral("127.0.0.7"));
    }

    // URLs the server writes follow the proxy's scheme and host (X-Forwarded-Proto/Host).
    void publicUrlFollowsTheProxy()
    {
        const HttpResult proxied = viaNginx(QStringLiteral("127.0.0.8"), "GET", "/api/admin/v1/server/status",
                                            {{"Authorization", "Bearer " + m_adminToken}});
        QCOMPARE(proxied.status, 200);
        QCOMPARE(proxied.json().value(QStringLiteral("public_url")).toString(),
                 QStringLiteral("https://127.0.0.1:%1").arg(m_https));
        QCOMPARE(proxied.json().value(QStringLiteral("public_url_source")).toString(),
                 QStringLiteral("request"));
        const HttpResult direct =
            requestFrom(QStringLiteral("127.0.0.1"), m_server->port(), false, "GET",
                        "/api/admin/v1/server/status", {{"Authorization", "Bearer " + m_adminToken}});
        QCOMPARE(direct.json().value(QStringLiteral("public_url")).toString(),
                 QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    }

    void plainHttpIsRedirectedToHttps()
    {
        const HttpResult r = requestFrom(QStringLiteral("127.0.0.8"), m_http, false, "GET", "/healthz");
        QCOMPARE(r.status, 301);
        QVERIFY2(r.header("Location").startsWith("https://") && r.header("Location").endsWith("/healthz"),
                 r.header("Location").constData());
        const HttpResult health = viaNginx(QStringLiteral("127.0.0.8"), "GET", "/healthz");
        QCOMPARE(health.status, 200);
        QVERIFY(!health.header("X-Request-Id").isEmpty());
    }

    // The same through Caddy: it sets X-Forwarded-For from the connection itself.
    void caddyKeepsClientsApart()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(QStringLiteral("127.0.0.10"), QStringLiteral("wrong"), m_caddyPort, false,
                           {{"X-Forwarded-For", "203.0.113.5"}})
                         .status,
                     401);
        QCOMPARE(login(QStringLiteral("127.0.0.10"), AdminPassword, m_caddyPort, false).status, 429);
        QCOMPARE(login(QStringLiteral("127.0.0.11"), AdminPassword, m_caddyPort, false).status, 200);
        const HttpResult status =
            requestFrom(QStringLiteral("127.0.0.11"), m_caddyPort, false, "GET",
                        "/api/admin/v1/server/status", {{"Authorization", "Bearer " + m_adminToken}});
        QCOMPARE(status.json().value(QStringLiteral("public_url")).toString(),
                 QStringLiteral("http://127.0.0.1:%1").arg(m_caddyPort));
    }
};

QTEST_GUILESS_MAIN(TestReverseProxy)
#include "tst_reverseproxy.moc"
