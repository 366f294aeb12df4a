#pragma once

#include <QSqlDatabase>
#include <QString>

#include <limits>
#include <optional>

namespace Core::Migrations {

// Migrations live in core/storage/migrations/NNNN_name.sql (compiled in as resources) and run in
// order, each in its own transaction, at start-up. Statements end with ";" at a line end.
// A statement may use the placeholder :now, bound to the time the migration runs
// (milliseconds since the Unix epoch, as every time in the schema), so data migrations
// need no database-specific clock function.
int latestVersion();
int currentVersion(const QSqlDatabase &db);
// Runs what is pending, up to `upToVersion` (tests make databases as older releases left
// them). Refuses (with a message for the user) a database whose schema is newer than this
// binary knows.
std::optional<QString> run(QSqlDatabase &db, int upToVersion = std::numeric_limits<int>::max());

} // namespace Core::Migrations
