#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Core::Migrations {

// Migrations live in core/migrations/NNNN_name.sql (compiled in as resources) and run in
// order, each in its own transaction, at start-up. Statements end with ";" at a line end.
int latestVersion();
int currentVersion(const QSqlDatabase &db);
// Runs what is pending. Refuses (with a message for the user) a database whose schema is
// newer than this binary knows.
std::optional<QString> run(QSqlDatabase &db);

} // namespace Core::Migrations
