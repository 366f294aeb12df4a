#include "serverconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSet>
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

namespace {
std::function<std::optional<QString>(const QString &)> integer(qint64 min, qint64 max,
                                                               std::function<void(qint64)> apply)
{
    return [min, max, apply = std::move(apply)](const QString &value) -> std::optional<QString> {
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < min || v > max)
            return QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max);
        apply(v);
        return std::nullopt;
    };
}

// "value ; comment" -> "value"; surrounding double quotes are removed.
// "value ; comment" -> "value"; a value in double quotes is taken as written up to its
// closing quote (";" and "#" inside it are kept), anything after that must be a comment.
// nullopt for an unterminated quote or text after the closing one.
std::optional<QString> valueOf(QString raw)
{
    raw = raw.trimmed();
    if (raw.startsWith(QLatin1Char('"'))) {
        const qsizetype close = raw.indexOf(QLatin1Char('"'), 1);
        if (close < 0)
            return std::nullopt;
        const QString rest = raw.mid(close + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(';')) && !rest.startsWith(QLatin1Char('#')))
            return std::nullopt;
        return raw.mid(1, close - 1);
    }
    for (const QLatin1String marker :
         {QLatin1String(" ;"), QLatin1String("\t;"), QLatin1String(" #"), QLatin1String("\t#")}) {
        const qsizetype at = raw.indexOf(marker);
        if (at >= 0)
            raw.truncate(at);
    }
    return raw.trimmed();
}
} // namespace

QList<ServerConfig::SettingName> ServerConfig::settingNames()
{
    QList<SettingName> out;
    ServerConfig scratch;
    for (const auto &s : scratch.settings())
        out.append({s.section, s.key});
    return out;
}

std::vector<ServerConfig::SettingRef> ServerConfig::settings()
{
    const auto text = [](std::function<std::optional<QString>(const QString &)> f) { return f; };
    // Addresses and CIDR ranges ("127.0.0.0/8, ::1"; empty: none).
    const auto ranges = [](AddressRanges &target) {
        return [&target](const QString &v) -> std::optional<QString> {
            QString problem;
            const auto parsed = AddressRanges::parse(v, &problem);
            if (!parsed)
                return problem;
            target = *parsed;
            return std::nullopt;
        };
    };
    std::vector<SettingRef> out{
        {QStringLiteral("server"), QStringLiteral("listen"),
         text([this](const QString &v) -> std::optional<QString> {
             const auto listen = parseListen(v);
             if (!listen)
                 return QStringLiteral("is not ADDRESS:PORT (for example 127.0.0.1:8080)");
             address = listen->first;
             port = listen->second;
             return std::nullopt;
         })},
        {QStringLiteral("server"), QStringLiteral("data_dir"),
         text([this](const QString &v) -> std::optional<QString> {
             if (v.isEmpty())
                 return QStringLiteral("must name a directory");
             dataDir = v;
             return std::nullopt;
         })},
        {QStringLiteral("server"), QStringLiteral("trusted_proxies"), ranges(trustedProxies)},
        {QStringLiteral("metrics"), QStringLiteral("allow"), ranges(metricsAllow)},
        {QStringLiteral("server"), QStringLiteral("public_url"),
         text([this](const QString &v) -> std::optional<QString> {
             const auto url = v.isEmpty() ? std::optional<QUrl>(QUrl()) : parsePublicUrl(v);
             if (!url)
                 return QStringLiteral("is not an http(s) URL like https://stats.example.com");
             publicUrl = *url;
             return std::nullopt;
         })},
    };
    const auto file = [](QString *target) {
        return [target](const QString &v) -> std::optional<QString> {
            *target = v;
            return std::nullopt;
        };
    };
    out.push_back(
        {QStringLiteral("log"), QStringLiteral("level"), [this](const QString &v) -> std::optional<QString> {
             const auto level = LogSettings::parseLevel(v);
             if (!level)
                 return QStringLiteral("must be debug, info, warning or error");
             log.level = *level;
             return std::nullopt;
         }});
    out.push_back(
        {QStringLiteral("log"), QStringLiteral("format"), [this](const QString &v) -> std::optional<QString> {
             const auto format = LogSettings::parseFormat(v);
             if (!format)
                 return QStringLiteral("must be text or json");
             log.format = *format;
             return std::nullopt;
         }});
    out.push_back({QStringLiteral("tls"), QStringLiteral("cert_file"), file(&tlsCertFile)});
    out.push_back({QStringLiteral("tls"), QStringLiteral("key_file"), file(&tlsKeyFile)});
    out.push_back({QStringLiteral("geoip"), QStringLiteral("database"), file(&geoipDatabase)});
    struct IntKey
    {
        const char *section;
        const char *key;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    };
    const IntKey keys[] = {
        {"limits", "max_header_bytes", 1024, 1 << 20, [this](qint64 v) { limits.maxHeaderBytes = v; }},
        {"limits", "header_timeout_ms", 100, 600'000, [this](qint64 v) { limits.headerTimeoutMs = int(v); }},
        {"limits", "body_idle_timeout_ms", 100, 600'000,
         [this](qint64 v) { limits.bodyIdleTimeoutMs = int(v); }},
        {"limits", "keep_alive_timeout_ms", 100, 3'600'000,
         [this](qint64 v) { limits.keepAliveIdleTimeoutMs = int(v); }},
        {"limits", "max_connections", 1, 100'000, [this](qint64 v) { limits.maxConnections = int(v); }},
        {"limits", "max_connections_per_ip", 0, 100'000,
         [this](qint64 v) { limits.maxConnectionsPerIp = int(v); }},
        {"ingest", "burst_limit", 1, 1'000'000'000, [this](qint64 v) { ingest.burstLimit = v; }},
        {"ingest", "burst_window_ms", 1000, 3'600'000, [this](qint64 v) { ingest.burstWindowMs = v; }},
        {"ingest", "hourly_limit", 1, 1'000'000'000, [this](qint64 v) { ingest.hourlyLimit = v; }},
        {"ingest", "public_per_minute", 1, 1'000'000'000, [this](qint64 v) { ingest.publicPerMinute = v; }},
        {"ingest", "flush_interval_ms", 10, 2000, [this](qint64 v) { ingest.flushIntervalMs = int(v); }},
        {"ingest", "max_queued_events", 1000, 10'000'000, [this](qint64 v) { ingest.maxQueuedEvents = v; }},
        {"ingest", "fsync_before_ack", 0, 1, [this](qint64 v) { ingest.fsyncBeforeAck = v != 0; }},
        {"log", "access", 0, 1, [this](qint64 v) { log.access = v != 0; }},
        {"storage", "backup_before_migration", 0, 1, [this](qint64 v) { backupBeforeMigration = v != 0; }},
        {"auth", "argon2_memory_kib", qint64(Core::PasswordHasher::Policy::MinMemoryKib),
         qint64(Core::PasswordHasher::Policy::MaxMemoryKib),
         [this](qint64 v) { auth.argon2MemoryKib = quint64(v); }},
        {"auth", "argon2_iterations", qint64(Core::PasswordHasher::Policy::MinIterations),
         qint64(Core::PasswordHasher::Policy::MaxIterations),
         [this](qint64 v) { auth.argon2Iterations = quint64(v); }},
        {"auth", "max_pending_sign_ins", 1, 10'000, [this](qint64 v) { auth.maxPendingSignIns = int(v); }},
        {"auth", "hash_threads", 0, 256, [this](qint64 v) { auth.hashThreads = int(v); }},
        {"auth", "session_ttl_minutes", 1, 366 * 24 * 60, [this](qint64 v) { auth.sessionTtlMinutes = v; }},
        {"auth", "requests_per_minute", 1, 100'000, [this](qint64 v) { auth.requestsPerMinute = int(v); }},
        {"auth", "failures_before_ban", 1, 1000, [this](qint64 v) { auth.failuresBeforeBan = int(v); }},
        {"auth", "ban_initial_seconds", 1, 86'400, [this](qint64 v) { auth.banInitialSeconds = int(v); }},
        {"auth", "ban_max_seconds", 1, 7 * 86'400, [this](qint64 v) { auth.banMaxSeconds = int(v); }},
        {"auth", "account_failures_before_lock", 1, 1000,
         [this](qint64 v) { auth.accountFailuresBeforeLock = int(v); }},
        {"auth", "account_lock_initial_seconds", 1, 86'400,
         [this](qint64 v) { auth.accountLockInitialSeconds = int(v); }},
        {"auth", "account_lock_max_seconds", 1, 7 * 86'400,
         [this](qint64 v) { auth.accountLockMaxSeconds = int(v); }},
    };
    for (const IntKey &k : keys)
        out.push_back(
            {QString::fromLatin1(k.section), QString::fromLatin1(k.key), integer(k.min, k.max, k.set)});
    return out;
}

std::optional<QString> ServerConfig::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString());
    const QString content = QString::fromUtf8(file.readAll());
    std::vector<SettingRef> known = settings();
    QSet<QString> sections;
    for (const SettingRef &s : known)
        sections.insert(s.section);
    QString section;
    int lineNumber = 0;
    QHash<QString, int> seenAt; // "section/key" -> line
    for (const QString &raw : content.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) || line.startsWith(QLatin1Char('#')))
            continue;
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')))
                return QStringLiteral("%1: a section header looks like [server]").arg(where);
            section = line.mid(1, line.size() - 2).trimmed();
            if (!sections.contains(section))
                return QStringLiteral("%1: unknown section [%2] (known: %3)")
                    .arg(where, section,
                         QStringList(sections.cbegin(), sections.cend()).join(QStringLiteral(", ")));
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("%1: expected key=value, got '%2'").arg(where, line.left(80));
        const QString key = line.left(eq).trimmed();
        if (section.isEmpty())
            return QStringLiteral("%1: %2 comes before any [section]").arg(where, key);
        const auto setting = std::find_if(known.begin(), known.end(), [&](const SettingRef &s) {
            return s.section == section && s.key == key;
        });
        if (setting == known.end())
            return QStringLiteral("%1: unknown key '%2' in [%3]").arg(where, key, section);
        const auto parsed = valueOf(line.mid(eq + 1));
        if (!parsed)
            return QStringLiteral("%1: [%2] %3: a quoted value must end with its quote (then only a comment)")
                .arg(where, section, key);
        const QString id = section + QLatin1Char('/') + key;
        if (seenAt.contains(id))
            return QStringLiteral("%1: [%2] %3 is set twice (first on line %4)")
                .arg(where, section, key)
                .arg(seenAt.value(id));
        seenAt.insert(id, lineNumber);
        const QString value = *parsed;
        if (auto problem = setting->set(value))
            return QStringLiteral("%1: [%2] %3=%4: %5").arg(where, section, key, value, *problem);
    }
    return std::nullopt;
}

std::optional<QString> ServerConfig::loadEnvironment(const QProcessEnvironment &environment)
{
    for (const SettingRef &s : settings()) {
        const QString name = QStringLiteral("ZENOVAY_%1_%2").arg(s.section.toUpper(), s.key.toUpper());
        if (!environment.contains(name))
            continue;
        const QString value = environment.value(name).trimmed();
        if (auto problem = s.set(value))
            return QStringLiteral("environment %1=%2: %3").arg(name, value, *problem);
    }
    return std::nullopt;
}

} // namespace Server
