#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

// Journal damage outlives the start that found it (issue 11): every start that finds
// damage appends its reports, one line each with the UTC time, to
// <journal directory>/damage.log, and GET /server/status shows that file and the damaged
// segments kept aside (*.damaged) until an operator removes them.
namespace JournalDamageLog {

inline constexpr char FileName[] = "damage.log";

// Appends one line per report (created if missing); an error message on failure.
std::optional<QString> append(const QString &journalDirectory, const QStringList &reports);

struct Summary
{
    QString file;                // empty: no damage log
    qint64 entries = 0;          // lines in it
    QString last;                // its last line
    QStringList damagedSegments; // file names of the segments kept as *.damaged
};
Summary read(const QString &journalDirectory);

} // namespace JournalDamageLog
} // namespace Core
