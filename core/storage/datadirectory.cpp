#include "datadirectory.h"

#include "database.h"
#include "storageerror.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

Q_DECLARE_LOGGING_CATEGORY(lcDataDir)

namespace Core::DataDirectory {

namespace {
QString nativeAbsolute(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

// Journal segments, also damaged ones kept aside (journal-<seq>.zvj[.<time>].damaged).
qsizetype journalSegmentCount(const QString &journalDirectory)
{
    return QDir(journalDirectory)
        .entryList({QStringLiteral("journal-*.zvj"), QStringLiteral("journal-*.damaged")}, QDir::Files)
        .size();
}

// Left only by a start that got past its first migrations: the marker, journal segments.
QStringList lastingEvidence(const Layout &layout)
{
    QStringList out;
    const QDir dir(layout.directory);
    if (QFileInfo::exists(dir.filePath(QLatin1String(MarkerFileName))))
        out << QStringLiteral("the marker %1").arg(QLatin1String(MarkerFileName));
    if (const qsizetype n = journalSegmentCount(layout.journalDirectory); n > 0)
        out << QStringLiteral("%1 event journal segment(s) in %2")
                   .arg(n)
                   .arg(QDir::toNativeSeparators(dir.relativeFilePath(layout.journalDirectory)));
    return out;
}

// SQLite's companions of the database: they exist only next to a database that was opened.
QStringList companionEvidence(const Layout &layout)
{
    QStringList out;
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString path = layout.databasePath + QLatin1String(suffix);
        if (QFileInfo::exists(path))
            out << QFileInfo(path).fileName();
    }
    return out;
}
} // namespace

QStringList inUseEvidence(const Layout &layout)
{
    return lastingEvidence(layout) + companionEvidence(layout);
}

std::optional<QString> checkDatabase(const Layout &layout, const Database &db)
{
    QStringList evidence = inUseEvidence(layout);
    if (evidence.isEmpty())
        return std::nullopt; // a new directory: the database is created
    const QFileInfo file(layout.databasePath);
    QString problem;
    if (!file.exists()) {
        problem = QStringLiteral("is missing");
    } else if (file.size() == 0) {
        problem = QStringLiteral("is empty (0 bytes)");
    } else {
        // A first start that died before its first migration committed leaves a database
        // without tables and a -wal file, but no marker and no journal: not evidence here.
        evidence = lastingEvidence(layout);
        try {
            if (!evidence.isEmpty() && db.schemaVersion() == 0)
                problem = QStringLiteral("holds no Zenovay tables");
        } catch (const StorageError &) {
            return std::nullopt; // not readable as a database: Database::open() says why
        }
    }
    if (problem.isEmpty())
        return std::nullopt;
    const QString name = file.fileName();
    return QStringLiteral(
               "the data directory %1 was in use (%2), but its database %3 %4. Starting would create a new, "
               "empty database: first-run setup would be open to anyone and journaled events would be "
               "replayed for websites that no longer exist. To recover: stop every Zenovay process using "
               "it, move %5-wal and %5-shm (if present) out of %1 (SQLite would apply them to the "
               "restored file and corrupt it), restore %5 from a backup into %1 and start again; journaled "
               "events of websites the backup does not have are dropped and reported. To start afresh on "
               "purpose, move the directory aside (or choose another data directory).%6")
        .arg(nativeAbsolute(layout.directory), evidence.join(QStringLiteral(", ")),
             nativeAbsolute(layout.databasePath), problem, name,
             file.size() > 0 ? QString() : QStringLiteral(" Nothing was changed."));
}

std::optional<QString> markInitialised(const Layout &layout)
{
    const QString path = QDir(layout.directory).filePath(QLatin1String(MarkerFileName));
    if (QFileInfo::exists(path))
        return std::nullopt;
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QStringLiteral("This data directory belongs to Zenovay (marked by version %1 at %2).\n"
                               "While this file exists, the server refuses to start if %3 is missing or "
                               "empty instead of creating a new one: restore it from a backup.\n")
                    .arg(QStringLiteral(ZENOVAY_VERSION),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                         QFileInfo(layout.databasePath).fileName())
                    .toUtf8());
        if (f.commit()) {
            qCInfo(lcDataDir) << "data directory initialised:" << path;
            return std::nullopt;
        }
    }
    return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
}

} // namespace Core::DataDirectory
