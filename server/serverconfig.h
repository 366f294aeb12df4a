#pragma once

#include "authsettings.h"
#include "server/http/listenerlimits.h"

#include "core/model/clock.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace Server {

// [ingest]: tracking ingest, the tracker script and the event writer (docs/ingest.md).
struct IngestSettings
{
    qint64 burstLimit = 60;           // tracking requests per IP per burst window
    qint64 burstWindowMs = 10'000;    //
    qint64 hourlyLimit = 5000;        // tracking requests per IP per UTC hour
    qint64 publicPerMinute = 30;      // GET /z.js per IP per UTC minute
    int flushIntervalMs = 200;        // max delay before accepted events reach analytics
    qint64 maxQueuedEvents = 200'000; // accepted but not yet committed; beyond: 503
    bool fsyncBeforeAck = false;      // fdatasync the journal before answering 202
};

struct ServerConfig
{
    QString dataDir;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    // [server] trusted_proxies: whose X-Forwarded-For / Forwarded headers name the client.
    TrustedProxies trustedProxies = TrustedProxies::defaults();
    // [server] public_url: the address visitors' browsers use ("https://stats.example.com");
    // empty: the address each request came in on.
    QUrl publicUrl;
    ListenerLimits limits;
    AuthSettings auth;
    IngestSettings ingest;
    std::shared_ptr<Core::Clock> clock = std::make_shared<Core::SystemClock>();

    // The platform's per-user application data folder.
    static QString defaultDataDir();
    QString databasePath() const;

    // Reads an INI file ([server] listen, data_dir, trusted_proxies; [limits] ...; [auth] ...; [ingest] ...).
    // Returns a message naming the file, key and problem, or nothing on success.
    std::optional<QString> loadFile(const QString &path);
    // "127.0.0.1:8080", "[::1]:0", "localhost:8080". Loopback names only resolve locally.
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
    // An absolute http(s) URL with a host and no query, fragment or user info; a trailing
    // slash is dropped. nullopt otherwise.
    static std::optional<QUrl> parsePublicUrl(const QString &text);
};

} // namespace Server
