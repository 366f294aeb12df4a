#include "olddatabase.h"

#include "core/storage/migrations.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <functional>

namespace TestSupport::OldDatabase {

namespace {
// Runs fn on a connection of its own to dataDir/zenovay.db, removed afterwards.
QString withConnection(const QString &dataDir, const std::function<QString(QSqlDatabase &)> &fn)
{
    const QString name = QStringLiteral("old-database-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("zenovay.db")));
        error = db.open() ? fn(db) : db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    if (!q.prepare(sql))
        return q.lastError().text();
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec() ? QString() : q.lastError().text();
}
} // namespace

QString create(const QString &dataDir, int version)
{
    if (!QDir().mkpath(dataDir))
        return QStringLiteral("cannot create ") + dataDir;
    return withConnection(dataDir, [version](QSqlDatabase &db) {
        if (auto error = Core::Migrations::run(db, version))
            return *error;
        const int reached = Core::Migrations::currentVersion(db);
        return reached == version ? QString()
                                  : QStringLiteral("schema version %1, not %2").arg(reached).arg(version);
    });
}

QString exec(const QString &dataDir, const QString &sql, const QVariantList &binds)
{
    return withConnection(dataDir, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        return run(q, sql, binds);
    });
}

QVariantList column(const QString &dataDir, const QString &sql, const QVariantList &binds, int index)
{
    QVariantList out;
    withConnection(dataDir, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        const QString error = run(q, sql, binds);
        while (error.isEmpty() && q.next())
            out << q.value(index);
        return error;
    });
    return out;
}

} // namespace TestSupport::OldDatabase
