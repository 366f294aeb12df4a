#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace Server {

// [tls] cert_file and key_file (PEM; the certificate file may hold a chain, leaf first;
// the key is RSA or EC, unencrypted). loadTls() reads and checks both: a missing or
// unreadable file, a file without a PEM certificate or key, or a key that does not
// belong to the certificate gives a message naming the file; otherwise the server-side
// configuration (TLS 1.2 or later, no client certificates).
struct TlsLoad
{
    std::optional<QSslConfiguration> configuration;
    QString error;
};
TlsLoad loadTls(const QString &certFile, const QString &keyFile);

} // namespace Server
