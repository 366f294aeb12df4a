#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace Core::Time {

// "2026-06-13T12:01:00.000Z": UTC, milliseconds, a Z. The only format on the wire.
QString toIso(qint64 epochMs);
QByteArray toIsoLatin1(qint64 epochMs);
// Accepts ISO-8601 with an explicit offset or Z; returns nothing for anything else.
std::optional<qint64> parseIso(const QString &text);
// Strict YYYY-MM-DD (a real calendar date).
std::optional<QDate> parseDate(const QString &text);

// value rounded down to a multiple of unit (> 0), negative values too.
qint64 floorTo(qint64 value, qint64 unit);
qint64 startOfMinute(qint64 epochMs);
qint64 startOfHour(qint64 epochMs);
qint64 startOfDay(qint64 epochMs);
// Start of the UTC calendar month containing epochMs, and of the one after it.
qint64 startOfMonth(qint64 epochMs);
qint64 startOfNextMonth(qint64 epochMs);
// "2026-06": the key of a UTC calendar month.
QString monthKey(qint64 epochMs);

} // namespace Core::Time
