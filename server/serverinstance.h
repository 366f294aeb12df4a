#pragma once

#include "appcontext.h"
#include "serverconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace Core {
class DataDirLock;
class EventPipeline;
class IngestService;
class KeyAuthCache;
class KeyBookkeeping;
class KeyReports;
} // namespace Core

namespace Server {

namespace Admin {
struct AdminApi;
}

class ExternalApi;
class GuardedTcpServer;
class SlowReads;
class HttpEngine;
class IngestController;
class MetricsController;
class TrackerController;

// One running server: database, HTTP engine, hardened listener, controllers. Lives in
// the thread that calls start() (the main thread of zenovay-server, a worker thread in
// the desktop app and in tests).
class ServerInstance final : public QObject
{
    Q_OBJECT
public:
    explicit ServerInstance(ServerConfig config, QObject *parent = nullptr);
    ~ServerInstance() override;

    // Locks the data directory (a second process on it is refused), opens the database
    // (refusing a directory that was in use whose database is missing or empty), replays
    // the journal, registers routes, starts listening. Returns a message for the user on
    // failure.
    std::optional<QString> start();
    // Graceful: stop accepting, answer what is in flight, flush, close the database.
    void stop();
    // SIGHUP: re-reads [tls] cert_file and key_file. New connections get the new
    // certificate, open ones keep theirs. On an error the old certificate stays and the
    // message says why; without [tls] there is nothing to reload (a message says so).
    std::optional<QString> reloadTls();

    QHostAddress address() const;
    quint16 port() const;
    QUrl baseUrl() const;
    const ServerConfig &config() const { return m_config; }
    Core::Database &database() { return *m_db; }
    HttpEngine &engine() { return *m_engine; }
    AppContext &context() { return *m_context; }
    Core::EventPipeline &eventPipeline() { return *m_pipeline; }
    ExternalApi &externalApi() { return *m_externalApi; }

Q_SIGNALS:
    void stopped();

private:
    // Before the first start of a newer version migrates the database's schema, a backup
    // of the data directory goes to DIR/backups/ ([storage] backup_before_migration).
    std::optional<QString> backupBeforeMigrating();
    QString m_preMigrationBackup; // the file backupBeforeMigrating() wrote, if any
    // Built by start() in this order and destroyed in the reverse one, so everything
    // outlives what uses it: the HTTP engine (and with it the listener and every
    // connection) goes first, then the controllers, the shared context, the ingest path
    // (whose writer thread is joined before the database closes), the database, and last
    // the lock on the data directory.
    ServerConfig m_config;
    std::unique_ptr<Core::DataDirLock> m_lock; // held from start() until destruction
    std::unique_ptr<Core::Database> m_db;
    Core::AuthzEpoch m_authzEpoch;
    std::unique_ptr<Core::EventPipeline> m_pipeline;
    std::unique_ptr<Core::IngestService> m_ingest;
    std::unique_ptr<SlowReads> m_slowReads; // its workers read m_db: destroyed (and waited for) first
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<Core::KeyAuthCache> m_keyCache;
    std::unique_ptr<Core::KeyBookkeeping> m_keyBooks; // written by the external API, read by the admin API
    std::unique_ptr<Core::KeyReports> m_keyReports;
    std::unique_ptr<IngestController> m_ingestController;
    std::unique_ptr<TrackerController> m_trackerController;
    std::unique_ptr<ExternalApi> m_externalApi;
    std::unique_ptr<MetricsController> m_metrics; // its response hook is the engine's: declared first
    std::unique_ptr<HttpEngine> m_engine;
    std::shared_ptr<Admin::AdminApi> m_admin; // also held by its routes; shut down by stop()
    GuardedTcpServer *m_listener = nullptr;   // owned by m_engine (its QObject parent) once bound
    bool m_running = false;
};

} // namespace Server
