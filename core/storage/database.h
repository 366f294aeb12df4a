#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>

#include <memory>
#include <optional>

namespace Core {

struct CachedStatement;
struct ThreadConnection;

// A prepared statement borrowed from the calling thread's statement cache for one use.
// SQLite parses and plans the SQL once per connection; later uses only rebind and step.
// When it goes out of scope the statement is reset (its read transaction ends) and
// returned to the cache. Use it like a QSqlQuery; pass it where a QSqlQuery & is wanted.
// It cannot be copied into a QSqlQuery (that would outlive the borrow).
class Statement final
{
public:
    explicit Statement(std::shared_ptr<CachedStatement> slot);
    Statement(Statement &&other) noexcept = default;
    Statement &operator=(Statement &&) = delete;
    Q_DISABLE_COPY(Statement)
    ~Statement();

    void addBindValue(const QVariant &value)
    {
        query().addBindValue(value);
        m_unexecutedBinds = true;
    }
    void bindValue(int pos, const QVariant &value) { query().bindValue(pos, value); }
    void bindValue(const QString &placeholder, const QVariant &value)
    {
        query().bindValue(placeholder, value);
    }
    bool exec();
    bool next() { return query().next(); }
    QVariant value(int index) const { return query().value(index); }
    QVariant value(const QString &name) const { return query().value(name); }
    bool isNull(int index) const { return query().isNull(index); }
    bool isActive() const { return query().isActive(); }
    bool isValid() const { return query().isValid(); }
    int numRowsAffected() const { return query().numRowsAffected(); }
    QVariant lastInsertId() const { return query().lastInsertId(); }
    QSqlRecord record() const { return query().record(); }
    QSqlError lastError() const { return query().lastError(); }
    void finish() { query().finish(); }

    operator QSqlQuery &() & { return query(); }
    operator const QSqlQuery &() const & { return query(); }

private:
    QSqlQuery &query() const;

    std::shared_ptr<CachedStatement> m_slot;
    bool m_unexecutedBinds = false;
};

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

    // A prepared statement on this thread's connection, from the thread's statement cache
    // (prepared on first use). Throws StorageError if it fails.
    Statement prepare(const QString &sql) const;
    // A statement of the caller's own, not cached: for statements a long-lived object keeps.
    QSqlQuery prepareUncached(const QString &sql) const;
    // Statements currently cached for the calling thread's connection (for tests and status).
    qsizetype cachedStatementCount() const;

private:
    QString connectionName() const;
    // The calling thread's connection and statement cache, opened on first use.
    ThreadConnection &threadConnection() const;

    QString m_path;
    QString m_instanceTag;
    quint64 m_serial;
};

// Executes a prepared query; throws StorageError with the driver message on failure.
void exec(QSqlQuery &query);
void exec(Statement &statement);

// The repositories' one shape: prepare (cached), bind the values in order, execute.
// Throws StorageError on failure; read the rows from the returned statement, or map them
// with firstRow / allRows.
template <typename... Values>
Statement run(const Database &db, const QString &sql, const Values &...values)
{
    Statement q = db.prepare(sql);
    (q.addBindValue(QVariant(values)), ...);
    exec(q);
    return q;
}

// The first row mapped by fromRow(const QSqlQuery &), or nothing.
template <typename FromRow>
auto firstRow(Statement &&q, FromRow fromRow)
    -> std::optional<decltype(fromRow(std::declval<const QSqlQuery &>()))>
{
    if (!q.next())
        return std::nullopt;
    return fromRow(static_cast<const QSqlQuery &>(q));
}

// Every row, mapped by fromRow(const QSqlQuery &).
template <typename FromRow>
auto allRows(Statement &&q, FromRow fromRow) -> QList<decltype(fromRow(std::declval<const QSqlQuery &>()))>
{
    QList<decltype(fromRow(std::declval<const QSqlQuery &>()))> out;
    while (q.next())
        out.append(fromRow(static_cast<const QSqlQuery &>(q)));
    return out;
}
// Begins/commits a transaction on the calling thread's connection; rolls back unless committed.
class Transaction final
{
public:
    // Deferred: the write lock is taken at the first write. Immediate: at once, for a
    // transaction that reads a while before it writes (another connection's commit in
    // between would otherwise make its first write fail at once with SQLITE_BUSY, which
    // no busy timeout waits out: its snapshot is stale).
    enum class Begin { Deferred, Immediate };
    explicit Transaction(const Database &db, Begin begin = Begin::Deferred);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)
    void commit();

private:
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace Core
