#pragma once

#include "authsettings.h"
#include "logging.h"
#include "server/http/listenerlimits.h"

#include "core/model/clock.h"

#include <QHostAddress>

class QProcessEnvironment;
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

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
    AddressRanges trustedProxies = AddressRanges::defaults();
    // [server] public_url: the address visitors' browsers use ("https://stats.example.com");
    // empty: the address each request came in on.
    QUrl publicUrl;
    // [tls] cert_file, key_file (PEM): when both are set the listener speaks only HTTPS.
    QString tlsCertFile;
    QString tlsKeyFile;
    bool tlsEnabled() const { return !tlsCertFile.isEmpty() || !tlsKeyFile.isEmpty(); }
    // [metrics] allow: who may read GET /metrics (the client address as section 7 finds
    // it, so a scrape relayed by a proxy counts as the client's); empty: nobody.
    AddressRanges metricsAllow = AddressRanges::defaults();
    ListenerLimits limits;
    LogSettings log;
    AuthSettings auth;
    IngestSettings ingest;
    // [geoip] database: a MaxMind DB country file (GeoLite2-Country, DB-IP Country Lite);
    // empty: no countries.
    QString geoipDatabase;
    // [storage] backup_before_migration: a start that migrates the schema backs up first.
    bool backupBeforeMigration = true;
    std::shared_ptr<Core::Clock> clock = std::make_shared<Core::SystemClock>();

    // The platform's per-user application data folder.
    static QString defaultDataDir();
    QString databasePath() const;

    // Reads an INI file ([server], [limits], [auth], [ingest]; README). An unknown
    // section or key, or a malformed value, is refused: the message names the file, the
    // line, the key and the problem. Comments: lines starting with ; or #, and " ; ..."
    // after a value.
    std::optional<QString> loadFile(const QString &path);
    // ZENOVAY_<SECTION>_<KEY> (ZENOVAY_SERVER_LISTEN) for every setting; applied after
    // the file and before the command line. The message names the variable.
    std::optional<QString> loadEnvironment(const QProcessEnvironment &environment);
    struct SettingName
    {
        QString section;
        QString key;
    };
    static QList<SettingName> settingNames();
    // "127.0.0.1:8080", "[::1]:0", "localhost:8080". Loopback names only resolve locally.
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
    // An absolute http(s) URL with a host and no query, fragment or user info; a trailing
    // slash is dropped. nullopt otherwise.
    static std::optional<QUrl> parsePublicUrl(const QString &text);

private:
    struct SettingRef
    {
        QString section;
        QString key;
        std::function<std::optional<QString>(const QString &value)> set;
    };
    // Every setting, applying to this object.
    std::vector<SettingRef> settings();
};

} // namespace Server
