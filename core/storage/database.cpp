#include "database.h"

#include "migrations.h"
#include "storageerror.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcStorage, "zenovay.core.storage")

namespace Core {

struct CachedStatement
{
    QSqlQuery query;
    bool inUse = false;
    // Binds were added but never executed (an exception between bind and exec): the
    // positional bind counter is off, so the statement is prepared afresh next time.
    bool stale = false;
};

// A thread's connection to one Database and its statement cache.
struct ThreadConnection
{
    QSqlDatabase db;
    QHash<QString, std::shared_ptr<CachedStatement>> statements;
};

namespace {
// Distinct SQL texts kept per connection. Statements with a variable number of
// placeholders ("IN (?, ?, ?)") are the only unbounded source; past the cap the idle
// ones are dropped and prepared again on demand.
constexpr qsizetype MaxCachedStatements = 256;

std::atomic<quint64> g_nextSerial{1};

// The connections the calling thread opened, by Database serial. Looking one up is a
// hash probe, not a connection-name string and a global, mutex-guarded registry search.
thread_local std::unordered_map<quint64, ThreadConnection> t_connections;
} // namespace

Statement::Statement(std::shared_ptr<CachedStatement> slot) : m_slot(std::move(slot)) {}

Statement::~Statement()
{
    if (!m_slot) // moved from
        return;
    // Resets the SQLite statement: a half-read result must not hold the read transaction.
    m_slot->query.finish();
    m_slot->inUse = false;
    if (m_unexecutedBinds)
        m_slot->stale = true;
}

QSqlQuery &Statement::query() const
{
    return m_slot->query;
}

bool Statement::exec()
{
    m_unexecutedBinds = false;
    return query().exec();
}

Database::Database(QString filePath)
    : m_path(std::move(filePath)), m_instanceTag(QUuid::createUuid().toString(QUuid::Id128)),
      m_serial(g_nextSerial.fetch_add(1))
{}

Database::~Database()
{
    releaseThreadConnection();
}

QString Database::connectionName() const
{
    return QStringLiteral("zenovay-%1-%2")
        .arg(m_instanceTag)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Database::connection() const
{
    return threadConnection().db;
}

ThreadConnection &Database::threadConnection() const
{
    if (const auto it = t_connections.find(m_serial); it != t_connections.end())
        return it->second;
    const QString name = connectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        throw StorageError(QStringLiteral("cannot open database %1: %2").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            throw StorageError(
                QStringLiteral("%1 failed: %2").arg(QString::fromLatin1(pragma), q.lastError().text()));
    }
    return t_connections.emplace(m_serial, ThreadConnection{db, {}}).first->second;
}

void Database::releaseThreadConnection() const
{
    // Statements first: a connection is closed only once nothing refers to it.
    t_connections.erase(m_serial);
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

std::optional<QString> Database::open()
{
    try {
        QSqlDatabase db = connection();
        return Migrations::run(db);
    } catch (const StorageError &e) {
        return QString::fromStdString(e.what());
    }
}

int Database::schemaVersion() const
{
    return Migrations::currentVersion(connection());
}

qint64 Database::fileSizeBytes() const
{
    qint64 total = QFileInfo(m_path).size();
    total += QFileInfo(m_path + QStringLiteral("-wal")).size();
    return total;
}

QSqlQuery Database::prepareUncached(const QString &sql) const
{
    QSqlQuery q(connection());
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql));
    return q;
}

Statement Database::prepare(const QString &sql) const
{
    ThreadConnection &c = threadConnection();
    auto it = c.statements.find(sql);
    if (it != c.statements.end() && (*it)->stale && !(*it)->inUse) {
        c.statements.erase(it);
        it = c.statements.end();
    }
    if (it != c.statements.end() && !(*it)->inUse) {
        (*it)->inUse = true;
        return Statement(*it);
    }
    auto slot = std::make_shared<CachedStatement>(CachedStatement{QSqlQuery(c.db), true, false});
    slot->query.setForwardOnly(true);
    if (!slot->query.prepare(sql))
        throw StorageError(
            QStringLiteral("prepare failed: %1 (%2)").arg(slot->query.lastError().text(), sql));
    // The same SQL already borrowed further up the stack: this use gets its own statement.
    if (it == c.statements.end()) {
        if (c.statements.size() >= MaxCachedStatements)
            c.statements.removeIf([](const auto &entry) { return !entry.value()->inUse; });
        c.statements.insert(sql, slot);
    }
    return Statement(std::move(slot));
}

qsizetype Database::cachedStatementCount() const
{
    const auto it = t_connections.find(m_serial);
    return it == t_connections.end() ? 0 : it->second.statements.size();
}

void exec(QSqlQuery &query)
{
    if (!query.exec()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text();
        throw StorageError(query.lastError().text());
    }
}

void exec(Statement &statement)
{
    if (!statement.exec()) {
        qCWarning(lcStorage) << "query failed:" << statement.lastError().text();
        throw StorageError(statement.lastError().text());
    }
}

Transaction::Transaction(const Database &db, Begin begin) : m_db(db.connection())
{
    if (begin == Begin::Immediate) {
        // The driver's commit()/rollback() issue COMMIT/ROLLBACK whichever BEGIN started it.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            throw StorageError(QStringLiteral("begin failed: %1").arg(q.lastError().text()));
        return;
    }
    if (!m_db.transaction())
        throw StorageError(QStringLiteral("begin failed: %1").arg(m_db.lastError().text()));
}

Transaction::~Transaction()
{
    if (!m_done)
        m_db.rollback();
}

void Transaction::commit()
{
    if (!m_db.commit())
        throw StorageError(QStringLiteral("commit failed: %1").arg(m_db.lastError().text()));
    m_done = true;
}

} // namespace Core
