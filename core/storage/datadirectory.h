#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

class Database;

// Start-up checks of a data directory (issue 11): a directory that was in use and whose
// database is missing or empty is refused instead of being initialised afresh (that would
// offer first-run setup to anyone and replay journaled events for websites that no longer
// exist). Call with the directory locked (DataDirLock), before anything is written.
namespace DataDirectory {

// Written once the database is open and migrated; its presence says "this directory was
// in use", even without journal segments.
inline constexpr char MarkerFileName[] = "zenovay.initialised";

struct Layout
{
    QString directory;
    QString databasePath;
    QString journalDirectory;
};

// What shows that the directory was in use, one entry per kind of evidence ("the marker
// zenovay.initialised", "3 journal segments in journal/", "zenovay.db-wal"); empty for a
// new directory. The lock file does not count: every start creates it.
QStringList inUseEvidence(const Layout &layout);

// Refuses (a message saying what is wrong and how to restore) a directory that was in use
// whose database is missing or empty (0 bytes), or holds no Zenovay schema while the
// marker or journal segments exist (a -wal file alone may be left by a first start that
// died in its first migration). Creates nothing; only a database file with content is
// opened (through db, as a start would) to read its schema version.
std::optional<QString> checkDatabase(const Layout &layout, const Database &db);

// Writes the marker if it is missing (after Database::open() succeeded).
std::optional<QString> markInitialised(const Layout &layout);

} // namespace DataDirectory
} // namespace Core
