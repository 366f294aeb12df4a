#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

class Clock;

// Backup, restore and check of a data directory (api-contract section 8). HTTP-free; the
// zenovay-server subcommands call these and print their one-line result.
//
// A backup is one SQLite file: a consistent copy of the database (VACUUM INTO, which
// reads one snapshot while a running server goes on writing) into which the journal's
// events that the database did not have yet are replayed, so every event acknowledged
// before the backup started is in it, plus a table zenovay_backup saying what it is.
// The source directory is never changed: the journal is read from a copy of its
// segments, taken before the database snapshot (a segment the server releases meanwhile
// only held events the snapshot then has).
namespace Backup {

inline constexpr char MetadataTable[] = "zenovay_backup";

// What a backup holds (read back from it for restore).
struct Summary
{
    qint64 createdAtMs = 0;
    QString serverVersion;
    int schemaVersion = 0;
    qint64 events = 0;
    qint64 fromJournal = 0; // of those, replayed from the journal into the backup
    qint64 users = 0;
    qint64 teams = 0;
    qint64 keys = 0;
    qint64 websites = 0;
    qint64 bytes = 0;     // the backup file's size
    QStringList warnings; // journal damage found while copying (events that were lost before)
};

enum class Mode {
    // The database at this build's schema, with every journaled event it lacks.
    Complete,
    // The database as it is, at the schema it has, without the journal's events (replaying
    // them needs this build's schema): the backup a start takes before it migrates, so
    // the release that wrote the database can take it back. The caller holds the
    // directory (nothing writes to it) and reports the journal's events separately.
    AtItsSchema,
};

// Writes a backup of dataDir to outFile (refused when outFile exists). Works whether or
// not a server is running on dataDir. Returns an error message, or nothing.
std::optional<QString> create(const QString &dataDir, const QString &outFile, const Clock &clock,
                              Summary *summary, Mode mode = Mode::Complete);

// What restore() did besides writing the database.
struct Restored
{
    Summary backup;
    QString movedAsideTo; // with force, where the directory's earlier contents went
};

// Makes dataDir hold the backup in backupFile. Refused while a process holds dataDir
// (DataDirLock) and, unless force, when dataDir holds anything (with force its contents
// are moved into dataDir/replaced-<UTC time>/, never deleted). The backup is verified
// (a Zenovay backup, intact, a schema this build knows) before anything is changed.
std::optional<QString> restore(const QString &backupFile, const QString &dataDir, bool force,
                               const Clock &clock, Restored *restored);

// What check() found: problems make it fail; notes are worth knowing but not damage.
struct CheckReport
{
    QStringList problems;
    QStringList notes;
    int schemaVersion = 0;
    qint64 events = 0;
    qint64 journalSegments = 0;
    qint64 journalPending = 0; // intact journal records the database does not have yet
    bool found = true;         // false: the directory holds no database to check
    bool ok() const { return problems.isEmpty(); }
};

// Verifies dataDir's database (SQLite integrity and foreign keys, schema version) and
// journal (every segment scanned as a start would, read-only), online or offline.
CheckReport check(const QString &dataDir);

} // namespace Backup
} // namespace Core
