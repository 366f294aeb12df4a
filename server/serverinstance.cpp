#include "analytics/slowreads.h"
#include "serverinstance.h"

#include "healthcontroller.h"
#include "metricscontroller.h"
#include "server/admin/adminapi.h"
#include "server/external/externalapi.h"
#include "server/http/guardedtcpserver.h"
#include "server/http/httpengine.h"
#include "server/http/logredaction.h"
#include "server/http/request.h"
#include "server/http/tlssettings.h"
#include "server/ingest/ingestcontroller.h"
#include "server/ingest/trackercontroller.h"

#include "wire/serverstatus.h"

#include "core/accounts/accountservice.h"
#include "core/ingest/countrylookup.h"
#include "core/ingest/eventpipeline.h"
#include "core/ingest/ingestservice.h"
#include "core/ingest/journaldamagelog.h"
#include "core/keys/keyauthcache.h"
#include "core/keys/keybookkeeping.h"
#include "core/keys/keyreports.h"
#include "core/operations/backup.h"
#include "core/storage/datadirectory.h"
#include "core/storage/datadirlock.h"
#include "core/storage/migrations.h"
#include "core/storage/storageerror.h"
#include "core/storage/userrepository.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcServer, "zenovay.server")
Q_LOGGING_CATEGORY(lcAccess, "zenovay.access")

namespace Server {

namespace {
// The users' normalised addresses (email_key), which SQL cannot compute: filled in for
// rows an older release wrote, kept current if Unicode's normalisation data changed.
std::optional<QString> refreshEmailKeys(const Core::Database &db)
{
    try {
        if (const qsizetype changed = Core::UserRepository(db).refreshEmailKeys())
            qCInfo(lcServer) << "normalised email keys of" << changed << "users";
    } catch (const Core::StorageError &e) {
        return QStringLiteral("cannot update the users' email keys: %1")
            .arg(QString::fromStdString(e.what()));
    }
    return std::nullopt;
}

// Argon2id around the bare PBKDF2 hashes an older release stored, so none stays in the
// database (PasswordHasher::wrapLegacy); once, one Argon2id pass per such account.
std::optional<QString> wrapLegacyPasswordHashes(const Core::Database &db, const AuthSettings &auth)
{
    try {
        if (const qsizetype wrapped = Core::AccountService::wrapLegacyHashes(db, auth.passwordPolicy()))
            qCInfo(lcServer) << "wrapped" << wrapped << "PBKDF2 password hashes in Argon2id";
    } catch (const Core::StorageError &e) {
        return QStringLiteral("cannot wrap the old password hashes: %1")
            .arg(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc &) {
        return QStringLiteral("cannot wrap the old password hashes: out of memory for Argon2id");
    }
    return std::nullopt;
}

} // namespace

ServerInstance::ServerInstance(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = ServerConfig::defaultDataDir();
}

ServerInstance::~ServerInstance()
{
    stop(); // the members then go in the reverse order of their declaration
}

std::optional<QString> ServerInstance::backupBeforeMigrating()
{
    if (!m_config.backupBeforeMigration || !QFileInfo::exists(m_config.databasePath()))
        return std::nullopt;
    int from = 0;
    try {
        from = m_db->schemaVersion();
    } catch (const Core::StorageError &e) {
        // Never migrate a database whose version could not be read without its backup.
        return QStringLiteral("cannot read the database's schema version, so cannot tell whether it needs a "
                              "backup before migrating: %1")
            .arg(QString::fromUtf8(e.what()));
    }
    const int to = Core::Migrations::latestVersion();
    if (from == 0 || from >= to)
        return std::nullopt; // nothing to migrate, or a newer schema open() refuses
    const QDir backups(QDir(m_config.dataDir).filePath(QStringLiteral("backups")));
    const QString stem = QStringLiteral("pre-migration-schema%1-to-%2-").arg(from).arg(to);
    // A start that failed after its backup (a migration that failed, a start that took
    // too long) does not take another one each time it is retried; what a killed backup
    // left half-written goes.
    for (const QString &partial : backups.entryList({QStringLiteral("*.zvbackup.partial-*")}, QDir::Files))
        QFile::remove(backups.filePath(partial));
    const QStringList done = backups.entryList({stem + QStringLiteral("*.zvbackup")}, QDir::Files, QDir::Name);
    if (!done.isEmpty()) {
        m_preMigrationBackup = backups.filePath(done.last());
        qCInfo(lcServer).noquote() << QStringLiteral("schema version %1 is migrated to %2; the backup taken before "
                                                     "an earlier attempt is %3")
                                          .arg(from)
                                          .arg(to)
                                          .arg(m_preMigrationBackup);
        return std::nullopt;
    }
    const QString file = backups.filePath(stem + QDateTime::fromMSecsSinceEpoch(m_config.clock->nowMs(), Qt::UTC)
                                                     .toString(QStringLiteral("yyyyMMddTHHmmssZ")) +
                                          QStringLiteral(".zvbackup"));
    std::optional<QString> error;
    if (!QDir().mkpath(backups.path()))
        error = QStringLiteral("cannot create %1").arg(backups.path());
    else
        QFile::setPermissions(backups.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    Core::Backup::Summary summary;
    if (!error)
        error = Core::Backup::create(m_config.dataDir, file, *m_config.clock, &summary,
                                     Core::Backup::Mode::AtItsSchema);
    if (error) {
        return QStringLiteral("the database's schema (version %1) needs migrating to version %2, and a backup is "
                              "taken first, but it failed: %3. Nothing was changed. Free disk space (the backup "
                              "needs about as much as the database) and start again. If you have a backup made "
                              "by the previous version before this upgrade, [storage] backup_before_migration=0 "
                              "migrates without one.")
            .arg(from)
            .arg(to)
            .arg(*error);
    }
    // Each upgrade adds one: the newest 3 are kept.
    const QStringList all =
        backups.entryList({QStringLiteral("pre-migration-schema*.zvbackup")}, QDir::Files, QDir::Time);
    for (qsizetype i = 3; i < all.size(); ++i)
        QFile::remove(backups.filePath(all.at(i)));
    qCInfo(lcServer).noquote() << QStringLiteral("schema version %1 is migrated to %2; backed up first to %3 "
                                                 "(%4 events; restore it with zenovay-server restore if the "
                                                 "new version has to be rolled back)")
                                      .arg(from)
                                      .arg(to)
                                      .arg(file)
                                      .arg(summary.events);
    m_preMigrationBackup = file;
    return std::nullopt;
}

std::optional<QString> ServerInstance::start()
{
    if (m_lock)
        return QStringLiteral("this server was already started; create a new instance to start again");
    const qint64 startedAtMs = m_config.clock->nowMs(); // before the journal replay, however long
    installLogRedaction();
    // The country database first: a wrong path is said before anything is backed up,
    // migrated or replayed.
    std::shared_ptr<const Core::CountryLookup> countries;
    if (!m_config.geoipDatabase.isEmpty()) {
        QString problem;
        countries = Core::CountryLookup::open(m_config.geoipDatabase, &problem);
        if (!countries)
            return QStringLiteral("[geoip] database: %1").arg(problem);
    }
    QDir dir(m_config.dataDir);
    if (!dir.exists() && !QDir().mkpath(m_config.dataDir))
        return QStringLiteral("cannot create data directory %1").arg(m_config.dataDir);
    // One process per data directory: locked before anything in it is read or written.
    m_lock = std::make_unique<Core::DataDirLock>(m_config.dataDir);
    if (auto error = m_lock->acquire())
        return *error;
    QFile::setPermissions(m_config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const Core::DataDirectory::Layout layout{m_config.dataDir, m_config.databasePath(),
                                             QDir(m_config.dataDir).filePath(QStringLiteral("journal"))};
    m_db = std::make_unique<Core::Database>(m_config.databasePath());
    // A directory that was in use never silently becomes a fresh install.
    if (auto error = Core::DataDirectory::checkDatabase(layout, *m_db))
        return *error;
    if (auto error = backupBeforeMigrating())
        return *error;
    if (auto error = m_db->open())
        return *error;
    if (auto error = Core::DataDirectory::markInitialised(layout))
        return *error;
    if (auto error = refreshEmailKeys(*m_db))
        return *error;
    if (auto error = wrapLegacyPasswordHashes(*m_db, m_config.auth))
        return *error;
    // Replay journaled events the database does not have yet before serving anything.
    Core::EventPipeline::Options ingestOptions;
    ingestOptions.journalDirectory = layout.journalDirectory;
    ingestOptions.flushIntervalMs = m_config.ingest.flushIntervalMs;
    ingestOptions.maxQueued = m_config.ingest.maxQueuedEvents;
    ingestOptions.syncEachAppend = m_config.ingest.fsyncBeforeAck;
    m_pipeline = std::make_unique<Core::EventPipeline>(*m_db, *m_config.clock, ingestOptions);
    if (auto error = m_pipeline->start())
        return *error;
    if (!m_preMigrationBackup.isEmpty() && m_pipeline->replayedAtStart() > 0)
        qCWarning(lcServer).noquote()
            << QStringLiteral("%1 events were still in the journal (the previous server did not stop cleanly) "
                              "and went into the migrated database; the backup %2, taken before the "
                              "migration, does not hold them")
                   .arg(m_pipeline->replayedAtStart())
                   .arg(m_preMigrationBackup);
    m_ingest = std::make_unique<Core::IngestService>(*m_pipeline, *m_db, *m_config.clock);
    if (countries) {
        qCInfo(lcServer).noquote() << QStringLiteral("countries from %1 (%2)")
                                          .arg(m_config.geoipDatabase, countries->description());
        m_ingest->setCountryLookup(std::move(countries));
    }
    try {
        m_ingest->prepareVisitorIds();
    } catch (const Core::StorageError &e) {
        return QStringLiteral("cannot prepare the visitor salts: %1").arg(QString::fromUtf8(e.what()));
    }
    // Hourly, whether events come or not: tomorrow's salt is made long before it is
    // needed, and a salt is deleted on time even on a day without traffic.
    auto *salts = new QTimer(this);
    salts->setInterval(3'600'000);
    connect(salts, &QTimer::timeout, this, [this] {
        if (!m_ingest)
            return;
        try {
            m_ingest->prepareVisitorIds();
        } catch (const Core::StorageError &e) {
            qCWarning(lcServer) << "preparing the visitor salts failed (retried in an hour):" << e.what();
        }
    });
    salts->start();
    m_slowReads = std::make_unique<SlowReads>(*m_db);
    m_context = std::make_unique<AppContext>(AppContext{m_config, *m_db, *m_config.clock, m_authzEpoch, *m_pipeline,
                                                        *m_ingest, *m_slowReads, startedAtMs});
    m_context->status.add(Wire::StatusField::Ingest, [pipeline = m_pipeline.get()] {
        return Wire::toJson(Wire::IngestStatus{pipeline->recentRate(10), pipeline->queueDepth(),
                                               qint64(pipeline->acceptedSinceStart()),
                                               pipeline->replayedAtStart()});
    });
    m_context->status.add(
        Wire::StatusField::Journal, [pipeline = m_pipeline.get(), dir = layout.journalDirectory] {
            const Core::JournalScan::Recovery r = pipeline->journalRecovery();
            const Core::JournalDamageLog::Summary log = Core::JournalDamageLog::read(dir);
            return QJsonObject{
                {QStringLiteral("segments"), pipeline->journalSegments()},
                {QStringLiteral("damage_log"), log.file.isEmpty()
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonObject{{QStringLiteral("file"), log.file},
                                                                 {QStringLiteral("entries"), log.entries},
                                                                 {QStringLiteral("last"), log.last}}},
                {QStringLiteral("damaged_segments"), QJsonArray::fromStringList(log.damagedSegments)},
                {QStringLiteral("damaged_regions"), r.damagedRegions},
                {QStringLiteral("bytes_skipped"), r.bytesSkipped},
                {QStringLiteral("events_lost"), r.eventsLost},
                {QStringLiteral("recovered_after_damage"), r.recoveredAfterDamage},
                {QStringLiteral("torn_tails"), r.tornTails},
                {QStringLiteral("unreadable_records"), r.unreadableRecords},
                {QStringLiteral("events_dropped_no_website"), r.droppedNoWebsite},
                {QStringLiteral("last_damage"),
                 r.lastDamage.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.lastDamage)}};
        });

    m_engine = std::make_unique<HttpEngine>();
    m_engine->setTrustedProxies(m_config.trustedProxies);
    registerHealthRoutes(*m_engine, *m_context);
    m_metrics = std::make_unique<MetricsController>(*m_context);
    m_metrics->registerRoutes(*m_engine);
    if (m_config.log.access) {
        // [log] access: one line per request; the path without its query (keys, tokens and
        // passwords travel in headers and bodies, which are never logged).
        m_engine->addResponseHook([](Request &request, HttpResponse &response) {
            qCInfo(lcAccess).noquote().nospace()
                << "client=" << request.clientIp.toString() << " method=" << request.method
                << " path=" << Logging::loggablePath(request.path) << " status=" << response.status
                << " bytes=" << response.body.size()
                << " duration_ms=" << QString::number(double(request.elapsedNs()) / 1e6, 'f', 2)
                << " request_id=" << request.requestId;
        });
    }
    m_ingestController = std::make_unique<IngestController>(*m_context);
    m_ingestController->registerRoutes(*m_engine);
    m_trackerController = std::make_unique<TrackerController>(*m_context);
    m_trackerController->registerRoutes(*m_engine);
    m_keyCache = std::make_unique<Core::KeyAuthCache>(*m_db, m_authzEpoch);
    m_keyBooks = std::make_unique<Core::KeyBookkeeping>(*m_db);
    m_keyReports = std::make_unique<Core::KeyReports>(*m_db, *m_keyBooks, *m_keyCache, *m_config.clock);
    m_externalApi = std::make_unique<ExternalApi>(*m_context, *m_engine, *m_keyCache, *m_keyBooks);
    m_externalApi->registerRoutes(*m_engine);
    m_admin = registerAdminRoutes(*m_engine, *m_context, *m_keyReports);
    m_metrics->addGauge("zenovay_sign_ins_pending",
                        "Password checks (sign-ins, new accounts) queued or running on the workers.",
                        [admin = m_admin.get()] { return double(admin->passwordChecks.pending()); });

    // The body limit of a request is its route's declared class, known from the head.
    ListenerLimits limits = m_config.limits;
    limits.uncappedPeers = m_config.trustedProxies;
    limits.bodyLimit = [engine = m_engine.get()](QByteArrayView method, QByteArrayView target) {
        return engine->router().bodyLimit(method, target);
    };
    auto listener = std::make_unique<GuardedTcpServer>(limits);
    if (m_config.tlsEnabled()) {
        const TlsLoad tls = loadTls(m_config.tlsCertFile, m_config.tlsKeyFile);
        if (!tls.configuration)
            return tls.error;
        listener->setTls(tls.configuration);
    }
    if (!listener->listen(m_config.address, m_config.port))
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(m_config.address.toString())
            .arg(m_config.port)
            .arg(listener->errorString());
    m_listener = listener.get();
    m_engine->bind(listener.release()); // the engine takes it as its child
    m_context->status.add(Wire::StatusField::Listening, [this] { return QJsonArray{baseUrl().toString()}; });
    m_running = true;
    qCInfo(lcServer) << "serving" << baseUrl().toString() << "data" << m_config.dataDir;
    return std::nullopt;
}

void ServerInstance::stop()
{
    if (!m_running)
        return;
    m_running = false;
    // Handlers are synchronous but for sign-ins, whose password checks run on workers:
    // those are cancelled or waited for, and their answers dropped (their connections go
    // with the engine). Stop accepting, answer stragglers with 503 + close.
    m_listener->close();
    m_engine->setDraining(true);
    m_admin->shutDown();
    m_externalApi->flush();
    // Every acknowledged event is committed before the database closes.
    m_pipeline->stop();
    m_db->releaseThreadConnection();
    qCInfo(lcServer) << "stopped";
    Q_EMIT stopped();
}

std::optional<QString> ServerInstance::reloadTls()
{
    if (!m_listener || !m_listener->usesTls())
        return QStringLiteral("TLS is not configured ([tls] cert_file and key_file); nothing to reload");
    const TlsLoad tls = loadTls(m_config.tlsCertFile, m_config.tlsKeyFile);
    if (!tls.configuration) {
        qCWarning(lcServer) << "TLS reload failed, keeping the current certificate:" << tls.error;
        return tls.error;
    }
    m_listener->setTls(tls.configuration);
    qCInfo(lcServer) << "TLS certificate reloaded from" << m_config.tlsCertFile;
    return std::nullopt;
}

QHostAddress ServerInstance::address() const
{
    return m_listener ? m_listener->serverAddress() : m_config.address;
}

quint16 ServerInstance::port() const
{
    return m_listener ? m_listener->serverPort() : m_config.port;
}

QUrl ServerInstance::baseUrl() const
{
    QUrl url;
    url.setScheme(m_listener && m_listener->usesTls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(address().toString());
    url.setPort(port());
    return url;
}

} // namespace Server
