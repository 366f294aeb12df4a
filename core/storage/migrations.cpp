#include "migrations.h"

#include "storageerror.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace Core::Migrations {

namespace {

struct Migration
{
    int version = 0;
    QString name;
    QString path;
};

QMap<int, Migration> available()
{

    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.sql$)"));
    QMap<int, Migration> out;
    const QDir dir(QStringLiteral(":/zenovay/migrations"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        const int v = m.captured(1).toInt();
        out.insert(v, {v, m.captured(2), dir.filePath(file)});
    }
    return out;
}

QStringList statementsOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw StorageError(QStringLiteral("cannot read migration %1").arg(path));
    const QString text = QString::fromUtf8(f.readAll());
    QStringList out;
    QString current;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

void execOrThrow(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        throw StorageError(QStringLiteral("%1: %2").arg(q.lastError().text(), sql.left(200)));
}

// A migration statement, with :now bound if it uses it.
void execStatement(QSqlQuery &q, const QString &sql, qint64 now)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(:now\b)"));
    if (!sql.contains(placeholder)) {
        execOrThrow(q, sql);
        return;
    }
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("%1: %2").arg(q.lastError().text(), sql.left(200)));
    q.bindValue(QStringLiteral(":now"), now);
    if (!q.exec())
        throw StorageError(QStringLiteral("%1: %2").arg(q.lastError().text(), sql.left(200)));
}

} // namespace

int latestVersion()
{
    const auto all = available();
    return all.isEmpty() ? 0 : all.lastKey();
}

int currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && q.next())
        return q.value(0).toInt();
    // Only a missing table means "no schema yet"; a busy, locked or damaged database is an error.
    const QSqlError error = q.lastError();
    if (error.databaseText().startsWith(QLatin1String("no such table")))
        return 0;
    throw StorageError(
        QStringLiteral("cannot read the schema version of %1: %2").arg(db.databaseName(), error.text()));
}

std::optional<QString> run(QSqlDatabase &db, int upToVersion)
{
    QSqlQuery q(db);
    execOrThrow(
        q, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    const int current = currentVersion(db);
    const auto all = available();
    const int latest = all.isEmpty() ? 0 : all.lastKey();
    if (current > latest) {
        return QStringLiteral("The database %1 has schema version %2, but this build of Zenovay only knows "
                              "versions up to %3. It was written by a newer Zenovay: upgrade Zenovay, or "
                              "point --data-dir at another directory. The database was not changed.")
            .arg(db.databaseName())
            .arg(current)
            .arg(latest);
    }
    for (const Migration &m : all) {
        if (m.version <= current || m.version > upToVersion)
            continue;
        if (!db.transaction())
            throw StorageError(db.lastError().text());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        try {
            for (const QString &stmt : statementsOf(m.path))
                execStatement(q, stmt, now);
            QSqlQuery ins(db);
            ins.prepare(
                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
            ins.addBindValue(m.version);
            ins.addBindValue(m.name);
            ins.addBindValue(now);
            if (!ins.exec())
                throw StorageError(ins.lastError().text());
            if (!db.commit())
                throw StorageError(db.lastError().text());
        } catch (const StorageError &e) {
            db.rollback();
            return QStringLiteral("Migration %1 (%2) failed: %3")
                .arg(m.version)
                .arg(m.name, QString::fromStdString(e.what()));
        }
        // A private in-memory database (a combined-filter report's) is made per request.
        if (db.databaseName() != QLatin1String(":memory:"))
            qCInfo(lcStorage) << "applied migration" << m.version << m.name;
    }
    return std::nullopt;
}

} // namespace Core::Migrations
