#include "tlssettings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace Server {

namespace {
std::optional<QByteArray> readFile(const QString &path, const char *what, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read [tls] %1 %2: %3").arg(QLatin1String(what), path, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

// Whether the key belongs to the certificate, by the only test that does not depend on
// the key's algorithm or encoding: a TLS handshake on loopback with this configuration.
bool handshakeWorks(const QSslConfiguration &configuration)
{
    QSslServer server;
    server.setSslConfiguration(configuration);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return true; // cannot test here; the real handshakes will tell
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QEventLoop loop;
    bool encrypted = false;
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        encrypted = true;
        loop.quit();
    });
    QObject::connect(&client, &QAbstractSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&server, &QSslServer::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    loop.exec();
    return encrypted;
}
} // namespace

TlsLoad loadTls(const QString &certFile, const QString &keyFile)
{
    TlsLoad out;
    if (certFile.isEmpty() || keyFile.isEmpty()) {
        out.error = QStringLiteral("[tls] needs both cert_file and key_file");
        return out;
    }
    if (!QSslSocket::supportsSsl()) {
        out.error = QStringLiteral("[tls] is set, but this Qt has no TLS backend (install libssl3)");
        return out;
    }
    const auto certPem = readFile(certFile, "cert_file", &out.error);
    if (!certPem)
        return out;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        out.error = QStringLiteral("[tls] cert_file %1 holds no PEM certificate").arg(certFile);
        return out;
    }
    const auto keyPem = readFile(keyFile, "key_file", &out.error);
    if (!keyPem)
        return out;
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        out.error =
            QStringLiteral("[tls] key_file %1 holds no PEM private key (RSA or EC, not passphrase-protected)")
                .arg(keyFile);
        return out;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!handshakeWorks(configuration)) {
        out.error = QStringLiteral("[tls] key_file %1 does not belong to the certificate in cert_file %2")
                        .arg(keyFile, certFile);
        return out;
    }
    out.configuration = configuration;
    return out;
}

} // namespace Server
