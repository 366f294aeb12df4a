#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace Core {

// One database file, one connection per thread (Qt Sql connections must not cross
// threads). Opening applies the pragmas and runs the numbered migrations.
class Database final
{
public:
    explicit Database(QString filePath);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Creates the file if needed, enables WAL and runs pending migrations.
    // Returns an error message for the user, or nothing on success.
    std::optional<QString> open();

    // The calling thread's connection, opened on first use.
    QSqlDatabase connection() const;
    // Closes the calling thread's connection (call before a worker thread ends).
    void releaseThreadConnection() const;

    const QString &filePath() const { return m_path; }
    int schemaVersion() const;
    qint64 fileSizeBytes() const;

    // A prepared statement on this thread's connection. Throws StorageError if it fails.
    QSqlQuery prepare(const QString &sql) const;

private:
    QString connectionName() const;

    QString m_path;
    QString m_instanceTag;
};

// Executes a prepared query; throws StorageError with the driver message on failure.
void exec(QSqlQuery &query);
// Begins/commits a transaction on the calling thread's connection; rolls back unless committed.
class Transaction final
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)
    void commit();

private:
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace Core
