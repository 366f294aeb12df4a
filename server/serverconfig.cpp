#include "serverconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Server {

QString ServerConfig::defaultDataDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/zenovay");
}

QString ServerConfig::databasePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("zenovay.db"));
}

std::optional<std::pair<QHostAddress, quint16>> ServerConfig::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return std::make_pair(address, quint16(port));
}

std::optional<QUrl> ServerConfig::parsePublicUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return std::nullopt;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

std::optional<QString> ServerConfig::loadFile(const QString &path)
{
    if (!QFileInfo(path).isReadable())
        return QStringLiteral("cannot read config file %1").arg(path);
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return QStringLiteral("config file %1 is not a valid INI file").arg(path);
    if (s.contains(QStringLiteral("server/listen"))) {
        const QString value = s.value(QStringLiteral("server/listen")).toString();
        const auto listen = parseListen(value);
        if (!listen)
            return QStringLiteral("%1: [server] listen=%2 is not ADDRESS:PORT").arg(path, value);
        address = listen->first;
        port = listen->second;
    }
    if (s.contains(QStringLiteral("server/trusted_proxies"))) {
        // QSettings reads an unquoted "a, b" as a list
        const QVariant value = s.value(QStringLiteral("server/trusted_proxies"));
        const QString text = value.typeId() == QMetaType::QStringList
                                 ? value.toStringList().join(QLatin1Char(','))
                                 : value.toString();
        QString problem;
        const auto proxies = TrustedProxies::parse(text, &problem);
        if (!proxies)
            return QStringLiteral("%1: [server] trusted_proxies: %2").arg(path, problem);
        trustedProxies = *proxies;
    }
    if (s.contains(QStringLiteral("server/public_url"))) {
        const QString value = s.value(QStringLiteral("server/public_url")).toString();
        const auto url = value.isEmpty() ? std::optional<QUrl>(QUrl()) : parsePublicUrl(value);
        if (!url)
            return QStringLiteral(
                       "%1: [server] public_url=%2 is not an http(s) URL like https://stats.example.com")
                .arg(path, value);
        publicUrl = *url;
    }
    if (s.contains(QStringLiteral("server/data_dir")))
        dataDir = s.value(QStringLiteral("server/data_dir")).toString();

    struct IntKey
    {
        const char *key;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    };
    const IntKey keys[] = {
        {"limits/max_header_bytes", 1024, 1 << 20, [this](qint64 v) { limits.maxHeaderBytes = v; }},
        {"limits/header_timeout_ms", 100, 600'000, [this](qint64 v) { limits.headerTimeoutMs = int(v); }},
        {"limits/body_idle_timeout_ms", 100, 600'000,
         [this](qint64 v) { limits.bodyIdleTimeoutMs = int(v); }},
        {"limits/keep_alive_timeout_ms", 100, 3'600'000,
         [this](qint64 v) { limits.keepAliveIdleTimeoutMs = int(v); }},
        {"limits/max_connections", 1, 100'000, [this](qint64 v) { limits.maxConnections = int(v); }},
        {"limits/max_connections_per_ip", 0, 100'000,
         [this](qint64 v) { limits.maxConnectionsPerIp = int(v); }},
        {"ingest/burst_limit", 1, 1'000'000'000, [this](qint64 v) { ingest.burstLimit = v; }},
        {"ingest/burst_window_ms", 1000, 3'600'000, [this](qint64 v) { ingest.burstWindowMs = v; }},
        {"ingest/hourly_limit", 1, 1'000'000'000, [this](qint64 v) { ingest.hourlyLimit = v; }},
        {"ingest/public_per_minute", 1, 1'000'000'000, [this](qint64 v) { ingest.publicPerMinute = v; }},
        {"ingest/flush_interval_ms", 10, 2000, [this](qint64 v) { ingest.flushIntervalMs = int(v); }},
        {"ingest/max_queued_events", 1000, 10'000'000, [this](qint64 v) { ingest.maxQueuedEvents = v; }},
        {"ingest/fsync_before_ack", 0, 1, [this](qint64 v) { ingest.fsyncBeforeAck = v != 0; }},
        {"auth/argon2_memory_kib", qint64(Core::PasswordHasher::Policy::MinMemoryKib),
         qint64(Core::PasswordHasher::Policy::MaxMemoryKib),
         [this](qint64 v) { auth.argon2MemoryKib = quint64(v); }},
        {"auth/argon2_iterations", qint64(Core::PasswordHasher::Policy::MinIterations),
         qint64(Core::PasswordHasher::Policy::MaxIterations),
         [this](qint64 v) { auth.argon2Iterations = quint64(v); }},
        {"auth/max_pending_sign_ins", 1, 10'000, [this](qint64 v) { auth.maxPendingSignIns = int(v); }},
        {"auth/hash_threads", 0, 256, [this](qint64 v) { auth.hashThreads = int(v); }},
        {"auth/session_ttl_minutes", 1, 366 * 24 * 60, [this](qint64 v) { auth.sessionTtlMinutes = v; }},
        {"auth/requests_per_minute", 1, 100'000, [this](qint64 v) { auth.requestsPerMinute = int(v); }},
        {"auth/failures_before_ban", 1, 1000, [this](qint64 v) { auth.failuresBeforeBan = int(v); }},
        {"auth/ban_initial_seconds", 1, 86'400, [this](qint64 v) { auth.banInitialSeconds = int(v); }},
        {"auth/ban_max_seconds", 1, 7 * 86'400, [this](qint64 v) { auth.banMaxSeconds = int(v); }},
        {"auth/account_failures_before_lock", 1, 1000,
         [this](qint64 v) { auth.accountFailuresBeforeLock = int(v); }},
        {"auth/account_lock_initial_seconds", 1, 86'400,
         [this](qint64 v) { auth.accountLockInitialSeconds = int(v); }},
        {"auth/account_lock_max_seconds", 1, 7 * 86'400,
         [this](qint64 v) { auth.accountLockMaxSeconds = int(v); }},
    };
    for (const IntKey &k : keys) {
        const QString key = QString::fromLatin1(k.key);
        if (!s.contains(key))
            continue;
        bool ok = false;
        const qint64 v = s.value(key).toString().toLongLong(&ok);
        if (!ok || v < k.min || v > k.max)
            return QStringLiteral("%1: %2 must be a whole number from %3 to %4")
                .arg(path, key)
                .arg(k.min)
                .arg(k.max);
        k.set(v);
    }
    return std::nullopt;
}

} // namespace Server
