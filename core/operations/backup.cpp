#include "backup.h"

#include "core/ingest/eventpipeline.h"
#include "core/ingest/journalscan.h"
#include "core/ingest/trackedevent.h"
#include "core/model/clock.h"
#include "core/storage/database.h"
#include "core/storage/datadirectory.h"
#include "core/storage/datadirlock.h"
#include "core/storage/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <atomic>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Core::Backup {

namespace {
// Migration 0009 made visitor_salts.
constexpr int VisitorSaltsSchemaVersion = 9;
const QString DatabaseFile = QStringLiteral("zenovay.db");
const QString JournalDirectory = QStringLiteral("journal");
const QString ReplacedPrefix = QStringLiteral("replaced-");
const QString RestoringName = QStringLiteral(".zenovay.db.restoring"); // the copy being made ready

// A connection of its own to one SQLite file (not a Database: no migrations, no pragmas),
// closed and removed again on destruction.
class RawConnection final
{
public:
    explicit RawConnection(const QString &path, bool readOnly = false)
    {
        static std::atomic<int> serial = 0;
        m_name = QStringLiteral("zenovay-backup-%1").arg(++serial);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        // A running server may hold the write lock for a moment: wait for it.
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    const QString &openError() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Runs sql; the first column of every row, or an error message.
    std::optional<QString> rows(const QString &sql, QVariantList *out = nullptr) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return q.lastError().text();
        while (q.next())
            if (out)
                out->append(q.value(0));
        return std::nullopt;
    }

private:
    QString m_name;
    QString m_error;
};

QString sqlQuoted(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

// The row counts a summary reports (tables a database at any schema version has).
std::optional<QString> countRows(const RawConnection &c, Summary *s)
{
    const std::pair<const char *, qint64 *> tables[] = {{"events", &s->events},
                                                        {"users", &s->users},
                                                        {"teams", &s->teams},
                                                        {"api_keys", &s->keys},
                                                        {"websites", &s->websites}};
    for (const auto &[table, count] : tables) {
        QVariantList v;
        if (auto e = c.rows(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table), &v))
            return *e;
        *count = v.value(0).toLongLong();
    }
    return std::nullopt;
}

// "ok", or what SQLite's integrity check found (the first few findings).
std::optional<QString> integrityProblem(const RawConnection &c)
{
    QVariantList findings;
    if (auto e = c.rows(QStringLiteral("PRAGMA integrity_check(5)"), &findings))
        return *e;
    if (findings.size() == 1 && findings.first().toString() == QLatin1String("ok"))
        return std::nullopt;
    QStringList text;
    for (const QVariant &f : std::as_const(findings))
        text << f.toString();
    return text.join(QStringLiteral("; "));
}

std::optional<QString> syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("cannot open %1 to sync it").arg(path);
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok ? std::nullopt : std::optional(QStringLiteral("cannot sync %1 to disk").arg(path));
}

void syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QStringList journalSegments(const QString &journalDir)
{
    static const QRegularExpression re(QStringLiteral(R"(^journal-(\d{20})\.zvj$)"));
    QStringList names;
    for (const QString &name :
         QDir(journalDir).entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name))
        if (re.match(name).hasMatch())
            names << name;
    return names;
}

// The backup's own row: what it is and when it was made.
std::optional<QString> readMetadata(const RawConnection &c, Summary *s)
{
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral("SELECT created_at, server_version, schema_version, from_journal FROM ") +
                QLatin1String(MetadataTable))) {
        const QString error = q.lastError().databaseText();
        if (error.startsWith(QLatin1String("no such table")))
            return QStringLiteral("it is not a Zenovay backup (no %1 table): make backups with "
                                  "'zenovay-server backup'")
                .arg(QLatin1String(MetadataTable));
        return QStringLiteral("it cannot be read (%1): is it damaged or cut short?").arg(error);
    }
    if (!q.next())
        return QStringLiteral("its %1 table is empty: it is not a complete backup")
            .arg(QLatin1String(MetadataTable));
    s->createdAtMs = q.value(0).toLongLong();
    s->serverVersion = q.value(1).toString();
    s->schemaVersion = q.value(2).toInt();
    s->fromJournal = q.value(3).toLongLong();
    return std::nullopt;
}
} // namespace

std::optional<QString> create(const QString &dataDir, const QString &outFile, const Clock &clock,
                              Summary *summary, Mode mode)
{
    Summary s;
    s.createdAtMs = clock.nowMs(); // every event acknowledged before this is in the backup
    const QString dbPath = QDir(dataDir).filePath(DatabaseFile);
    if (outFile.trimmed().isEmpty())
        return QStringLiteral("name the backup file with --out FILE");
    // Absolute, so SQLite never reads a name like "file:x" as a URI.
    const QString out = QFileInfo(outFile).absoluteFilePath();
    if (QFileInfo(dbPath).size() <= 0)
        return QStringLiteral("%1 holds no Zenovay database (%2): nothing to back up")
            .arg(dataDir, DatabaseFile);
    if (QFileInfo::exists(out))
        return QStringLiteral(
                   "%1 already exists: choose another file name (a backup never overwrites a file)")
            .arg(out);
    const QString outDir = QFileInfo(out).absolutePath();
    if (!QFileInfo(outDir).isDir())
        return QStringLiteral("%1 is not a directory: create it first").arg(outDir);
    // The copy is about as large as the database: refused up front rather than failing
    // half-way with the disk full (for a server about to migrate, that disk is its own).
    const qint64 needed = QFileInfo(dbPath).size();
    const QStorageInfo storage(outDir);
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed)
        return QStringLiteral("not enough free space in %1: the backup needs about %2 MiB, %3 MiB are free")
            .arg(outDir)
            .arg(double(needed) / (1024 * 1024), 0, 'f', 1)
            .arg(double(storage.bytesAvailable()) / (1024 * 1024), 0, 'f', 1);

    // The copy is made under a name of its own, created empty and private before anything
    // is written into it (it holds password hashes), and renamed when it is complete.
    QString partial;
    for (int attempt = 0; attempt < 100 && partial.isEmpty(); ++attempt) {
        const QString candidate =
            out + QStringLiteral(".partial-%1")
                      .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
        const int fd =
            ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            partial = candidate;
        } else if (errno != EEXIST) {
            return QStringLiteral("cannot write in %1: %2")
                .arg(outDir, QString::fromLocal8Bit(strerror(errno)));
        }
    }
    if (partial.isEmpty())
        return QStringLiteral("cannot create a file in %1").arg(outDir);
    const auto fail = [&](const QString &message) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(partial + QLatin1String(suffix));
        return std::optional<QString>(message);
    };

    // 1. The journal first: a segment the server releases after this copy only held
    // events that the database snapshot, taken next, then has. The copy goes beside the
    // backup (the same disk, not a RAM-backed /tmp), and is removed afterwards.
    std::optional<QTemporaryDir> journalCopy;
    const QString journalDir = QDir(dataDir).filePath(JournalDirectory);
    if (mode == Mode::Complete) {
        journalCopy.emplace(QDir(outDir).filePath(QStringLiteral(".zenovay-backup-journal-XXXXXX")));
        if (!journalCopy->isValid())
            return fail(QStringLiteral("cannot create a directory for the journal copy in %1").arg(outDir));
        for (const QString &name : journalSegments(journalDir)) {
            const QString from = QDir(journalDir).filePath(name);
            if (!QFile::copy(from, journalCopy->filePath(name)) && QFileInfo::exists(from))
                return fail(QStringLiteral("cannot copy the journal segment %1 into %2 (is the disk full?)")
                                .arg(from, journalCopy->path()));
        }
    }

    // 2. One consistent snapshot of the database, whoever is writing to it. Read-only:
    // the source is not changed (not even a WAL that a killed server left is applied).
    {
        const RawConnection source(dbPath, true);
        if (!source.openError().isEmpty())
            return fail(QStringLiteral("cannot open %1: %2").arg(dbPath, source.openError()));
        try {
            const int version = Migrations::currentVersion(source.db());
            if (version > Migrations::latestVersion())
                return fail(
                    QStringLiteral("%1 has schema version %2, newer than this build of Zenovay knows (%3): "
                                   "back it up with the Zenovay that wrote it")
                        .arg(dbPath)
                        .arg(version)
                        .arg(Migrations::latestVersion()));
            s.schemaVersion = version;
        } catch (const std::exception &e) {
            return fail(QString::fromUtf8(e.what()));
        }
        if (auto e = source.rows(QStringLiteral("VACUUM INTO ") + sqlQuoted(partial)))
            return fail(QStringLiteral("cannot copy %1: %2").arg(dbPath, *e));
    }

    // 3. The journal's events the snapshot does not have, replayed exactly as a server
    // start would (into the copy; the source journal is not touched). Not for a copy that
    // keeps its schema: replaying needs this build's schema.
    if (mode == Mode::Complete) {
        Database copy(partial);
        if (auto e = copy.open())
            return fail(QStringLiteral("cannot open the copy of the database: %1").arg(*e));
        EventPipeline::Options options;
        options.journalDirectory = journalCopy->path();
        EventPipeline pipeline(copy, clock, options);
        if (auto e = pipeline.start())
            return fail(QStringLiteral("cannot replay the journal into the backup: %1")
                            .arg(QString(*e).replace(journalCopy->path(), journalDir)));
        pipeline.stop();
        s.fromJournal = pipeline.replayedAtStart();
        const JournalScan::Recovery &r = pipeline.journalRecovery();
        if (r.eventsLost > 0 || r.bytesSkipped > 0 || r.unreadableRecords > 0 || r.droppedNoWebsite > 0)
            for (const QString &report : r.reports)
                s.warnings << QString(report).replace(journalCopy->path(), journalDir);
        s.schemaVersion = copy.schemaVersion();
    } // the last connection closed: SQLite checkpoints the copy's WAL into it

    // 4. What it is, in one file, verified.
    {
        const RawConnection c(partial);
        if (!c.openError().isEmpty())
            return fail(QStringLiteral("cannot reopen the copy: %1").arg(c.openError()));
        if (auto e = c.rows(QStringLiteral("PRAGMA journal_mode=DELETE")))
            return fail(*e);
        // The visitor salts stay behind: with a salt, a visitor id could be tied back to an
        // address by trying them all, so no backup keeps one (the server makes new ones; a
        // restored day's visitors count anew from the restore on). secure_delete
        // overwrites the freed pages too.
        if (s.schemaVersion >= VisitorSaltsSchemaVersion) {
            if (auto e = c.rows(QStringLiteral("PRAGMA secure_delete=ON")))
                return fail(*e);
            if (auto e = c.rows(QStringLiteral("DELETE FROM visitor_salts")))
                return fail(QStringLiteral("cannot leave the visitor salts out of the backup: %1").arg(*e));
        }
        s.serverVersion = QStringLiteral(ZENOVAY_VERSION);
        QSqlQuery q(c.db());
        if (!q.exec(QStringLiteral("CREATE TABLE %1 (created_at INTEGER NOT NULL, server_version TEXT NOT "
                                   "NULL, schema_version INTEGER NOT NULL, from_journal INTEGER NOT NULL)")
                        .arg(QLatin1String(MetadataTable))) ||
            !q.prepare(
                QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?)").arg(QLatin1String(MetadataTable))))
            return fail(q.lastError().text());
        q.addBindValue(s.createdAtMs);
        q.addBindValue(s.serverVersion);
        q.addBindValue(s.schemaVersion);
        q.addBindValue(s.fromJournal);
        if (!q.exec())
            return fail(q.lastError().text());
        if (auto e = countRows(c, &s))
            return fail(*e);
        if (auto problem = integrityProblem(c))
            return fail(QStringLiteral("the backup failed its integrity check: %1").arg(*problem));
    }
    if (QFileInfo::exists(partial + QStringLiteral("-wal")))
        return fail(QStringLiteral("the copy is still in WAL mode"));

    // 5. On disk, then named (never over a file that appeared meanwhile).
    if (auto e = syncFile(partial))
        return fail(*e);
    if (!QFile::rename(partial, out)) // refuses when a file of that name appeared meanwhile
        return fail(QStringLiteral("cannot name the backup %1").arg(out));
    syncDirectory(outDir);
    s.bytes = QFileInfo(out).size();
    if (summary)
        *summary = s;
    return std::nullopt;
}

namespace {
// Gives path to uid:gid when this process runs as root and they are someone else: a
// restore run with sudo must leave files the service's user can open.
void giveTo(const QString &path, uid_t uid, gid_t gid)
{
    if (::geteuid() == 0 && uid != 0)
        if (::lchown(QFile::encodeName(path).constData(), uid, gid) != 0)
            qWarning("cannot give %s to uid %u", qPrintable(path), unsigned(uid));
}
} // namespace

std::optional<QString> restore(const QString &backupFile, const QString &dataDir, bool force,
                               const Clock &clock, Restored *restored)
{
    Restored r;
    // The backup first: nothing changes for one that is not whole.
    const QFileInfo backupInfo(backupFile);
    if (!backupInfo.exists())
        return QStringLiteral("%1 does not exist").arg(backupFile);
    if (!backupInfo.isFile())
        return QStringLiteral("%1 is not a file").arg(backupFile);
    {
        const RawConnection b(backupFile, true);
        if (!b.openError().isEmpty())
            return QStringLiteral("cannot open %1: %2").arg(backupFile, b.openError());
        if (auto e = readMetadata(b, &r.backup))
            return QStringLiteral("%1 cannot be restored: %2").arg(backupFile, *e);
        if (auto problem = integrityProblem(b))
            return QStringLiteral("%1 is damaged (%2): nothing was changed").arg(backupFile, *problem);
        try {
            r.backup.schemaVersion = Migrations::currentVersion(b.db());
        } catch (const std::exception &e) {
            return QStringLiteral("%1 cannot be read: %2").arg(backupFile, QString::fromUtf8(e.what()));
        }
        if (r.backup.schemaVersion > Migrations::latestVersion())
            return QStringLiteral(
                       "%1 was made by a newer Zenovay (%2, schema %3; this build knows up to %4): "
                       "restore it with that version")
                .arg(backupFile, r.backup.serverVersion)
                .arg(r.backup.schemaVersion)
                .arg(Migrations::latestVersion());
        if (auto e = countRows(b, &r.backup))
            return QStringLiteral("%1 cannot be read: %2").arg(backupFile, *e);
        r.backup.bytes = backupInfo.size();
    }

    // Refused before anything is created or changed: a directory with contents.
    QDir dir(dataDir);
    const auto contentsOf = [&dir] {
        QStringList names;
        for (const QString &name :
             dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            if (name != QLatin1String(DataDirLock::FileName) && !name.startsWith(ReplacedPrefix) &&
                !name.startsWith(RestoringName))
                names << name;
        return names;
    };
    const bool existed = dir.exists();
    if (const QStringList held = existed && !force ? contentsOf() : QStringList(); !held.isEmpty())
        return QStringLiteral(
                   "%1 is not empty (%2): restore into an empty directory, or pass --force to move "
                   "what it holds into %1/%3<time>/ first; nothing was changed")
            .arg(dataDir, held.join(QStringLiteral(", ")), ReplacedPrefix);
    if (!existed) {
        if (!QDir().mkpath(dataDir))
            return QStringLiteral("cannot create %1").arg(dataDir);
        QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    DataDirLock lock(dataDir);
    if (auto e = lock.acquire())
        return *e; // names the process holding it, and says to stop it first
    struct stat owner
    {};
    ::stat(QFile::encodeName(dir.absolutePath()).constData(), &owner);
    giveTo(lock.filePath(), owner.st_uid, owner.st_gid);

    // The new database is made ready beside the old contents, which stay in place until
    // it is: a failure up to here leaves the directory as it was.
    const QString target = dir.filePath(DatabaseFile);
    const QString restoring = dir.filePath(RestoringName);
    const auto discard = [&](const QString &message) {
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(restoring + QLatin1String(suffix));
        return std::optional<QString>(message);
    };
    discard({});
    if (!QFile::copy(backupFile, restoring))
        return discard(QStringLiteral("cannot copy %1 into %2 (is the disk full?); nothing was changed")
                           .arg(backupFile, dataDir));
    QFile::setPermissions(restoring, QFile::ReadOwner | QFile::WriteOwner);
    {
        // A database again: the backup's own table goes (a later backup writes its own).
        const RawConnection c(restoring);
        if (!c.openError().isEmpty())
            return discard(
                QStringLiteral("cannot open the copy: %1; nothing was changed").arg(c.openError()));
        if (auto e = c.rows(QStringLiteral("DROP TABLE ") + QLatin1String(MetadataTable)))
            return discard(QStringLiteral("cannot prepare the copy: %1; nothing was changed").arg(*e));
    }
    if (auto e = syncFile(restoring))
        return discard(*e + QStringLiteral("; nothing was changed"));
    giveTo(restoring, owner.st_uid, owner.st_gid);

    // What the directory held goes aside (never deleted); on failure it comes back.
    const QStringList contents = contentsOf();
    QString aside;
    const auto moveBack = [&dir, &aside](const QStringList &names) {
        for (const QString &name : names)
            dir.rename(aside + QLatin1Char('/') + name, name);
        dir.rmdir(aside);
    };
    if (!contents.isEmpty()) {
        aside = ReplacedPrefix + QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)
                                     .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (dir.exists(aside) || !dir.mkdir(aside))
            return discard(QStringLiteral("cannot create %1; nothing was changed").arg(dir.filePath(aside)));
        giveTo(dir.filePath(aside), owner.st_uid, owner.st_gid);
        QStringList moved;
        for (const QString &name : contents) {
            if (!dir.rename(name, aside + QLatin1Char('/') + name)) {
                moveBack(moved);
                return discard(
                    QStringLiteral("cannot move %1 aside; nothing was changed").arg(dir.filePath(name)));
            }
            moved << name;
        }
        r.movedAsideTo = dir.filePath(aside);
    }
    if (!QFile::rename(restoring, target)) {
        if (!aside.isEmpty())
            moveBack(contents);
        return discard(
            QStringLiteral("cannot name the restored database %1; the directory holds what it held")
                .arg(target));
    }
    syncDirectory(dataDir);
    const DataDirectory::Layout layout{dataDir, target, dir.filePath(JournalDirectory)};
    if (auto e = DataDirectory::markInitialised(layout))
        return *e;
    giveTo(dir.filePath(QLatin1String(DataDirectory::MarkerFileName)), owner.st_uid, owner.st_gid);
    if (restored)
        *restored = r;
    return std::nullopt;
}

CheckReport check(const QString &dataDir)
{
    CheckReport report;
    const QString dbPath = QDir(dataDir).filePath(DatabaseFile);
    const QString journalDir = QDir(dataDir).filePath(JournalDirectory);
    if (QFileInfo(dbPath).size() <= 0) {
        report.found = false;
        report.problems
            << QStringLiteral("%1 holds no database (%2 is missing or empty)").arg(dataDir, DatabaseFile);
        return report;
    }
    // The journal is read before the database's last applied sequence number: a segment
    // that a running server releases meanwhile then holds nothing above it.
    QList<std::pair<QString, QByteArray>> segments;
    for (const QString &name : journalSegments(journalDir)) {
        QFile f(QDir(journalDir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            segments.append({f.fileName(), f.readAll()});
        else if (f.exists())
            report.problems << QStringLiteral("cannot read the journal segment %1: %2")
                                   .arg(f.fileName(), f.errorString());
    }
    quint64 committed = 0;
    {
        const RawConnection c(dbPath, true); // changes nothing, not even a WAL left by a crash
        if (!c.openError().isEmpty()) {
            report.problems << QStringLiteral("cannot open %1: %2").arg(dbPath, c.openError());
            return report;
        }
        if (auto problem = integrityProblem(c))
            report.problems << QStringLiteral("the database failed its integrity check: %1").arg(*problem);
        QVariantList broken;
        if (auto e = c.rows(QStringLiteral("PRAGMA foreign_key_check"), &broken))
            report.problems << QStringLiteral("cannot check the database's foreign keys: %1").arg(*e);
        else if (!broken.isEmpty())
            report.problems << QStringLiteral("%1 row(s) refer to rows that do not exist (first in table %2)")
                                   .arg(broken.size())
                                   .arg(broken.first().toString());
        try {
            report.schemaVersion = Migrations::currentVersion(c.db());
        } catch (const std::exception &e) {
            report.problems << QString::fromUtf8(e.what());
        }
        if (report.schemaVersion > Migrations::latestVersion())
            report.problems << QStringLiteral("schema version %1 is newer than this build knows (%2)")
                                   .arg(report.schemaVersion)
                                   .arg(Migrations::latestVersion());
        else if (report.schemaVersion < Migrations::latestVersion())
            report.notes << QStringLiteral("schema version %1: the next start migrates it to %2")
                                .arg(report.schemaVersion)
                                .arg(Migrations::latestVersion());
        QVariantList v;
        if (!c.rows(QStringLiteral("SELECT COUNT(*) FROM events"), &v))
            report.events = v.value(0).toLongLong();
        v.clear();
        if (!c.rows(QStringLiteral("SELECT last_seq FROM ingest_state WHERE id = 1"), &v) && !v.isEmpty())
            committed = v.first().toULongLong();
    }

    // Every segment as a start would read it, changing nothing.
    static const QRegularExpression re(QStringLiteral(R"(journal-(\d{20})\.zvj$)"));
    JournalScan::Reader reader(committed);
    qint64 unreadable = 0;
    qint64 newer = 0;
    for (const auto &[path, data] : std::as_const(segments)) {
        reader.addSegment(path, re.match(path).captured(1).toULongLong(), data,
                          [&](quint64 seq, QByteArrayView payload) {
                              if (seq <= committed)
                                  return;
                              ++report.journalPending;
                              if (!payload.isEmpty() && quint8(payload.front()) > TrackedEvent::FormatVersion)
                                  ++newer;
                              else if (!TrackedEvent::deserialize(payload.toByteArray()))
                                  ++unreadable;
                          });
    }
    reader.finish();
    report.journalSegments = segments.size();
    const JournalScan::Recovery &r = reader.recovery();
    // A gap below the database's last applied event (a segment a running server released
    // while this read) costs nothing: only lost events and unreadable bytes are damage.
    if (r.eventsLost > 0 || r.bytesSkipped > 0)
        report.problems
            << QStringLiteral("the journal is damaged: %1").arg(r.reports.join(QStringLiteral("; ")));
    if (newer > 0)
        report.problems << QStringLiteral(
                               "%1 journal record(s) were written by a newer Zenovay: upgrade Zenovay "
                               "before starting this directory")
                               .arg(newer);
    if (unreadable > 0)
        report.problems
            << QStringLiteral("%1 journal record(s) are intact but cannot be read").arg(unreadable);
    if (r.tornTails > 0)
        report.notes << QStringLiteral(
                            "%1 write(s) cut short at a segment's end (a crash or a write in progress; "
                            "never acknowledged)")
                            .arg(r.tornTails);
    const QStringList kept = QDir(journalDir).entryList({QStringLiteral("*.damaged")}, QDir::Files);
    if (!kept.isEmpty())
        report.notes << QStringLiteral("%1 damaged segment(s) kept from an earlier recovery (%2)")
                            .arg(kept.size())
                            .arg(kept.join(QStringLiteral(", ")));
    return report;
}

} // namespace Core::Backup
