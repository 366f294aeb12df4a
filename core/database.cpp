#include "database.h"

#include "migrations.h"
#include "storageerror.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStorage, "zenovay.core.storage")

namespace Core {

Database::Database(QString filePath)
    : m_path(std::move(filePath)), m_instanceTag(QUuid::createUuid().toString(QUuid::Id128))
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
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
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
    return db;
}

void Database::releaseThreadConnection() const
{
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

QSqlQuery Database::prepare(const QString &sql) const
{
    QSqlQuery q(connection());
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql));
    return q;
}

void exec(QSqlQuery &query)
{
    if (!query.exec()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text();
        throw StorageError(query.lastError().text());
    }
}

Transaction::Transaction(const Database &db) : m_db(db.connection())
{
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
