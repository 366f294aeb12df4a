#pragma once

#include "domain.h"

#include <QList>
#include <QString>

#include <optional>

// What the admin API reports about one personal API key (api-contract section 5:
// /keys/{id}/activity, /usage, /requests). Built by core (keys/), turned into JSON by the
// wire library (wire/keyreports.h) on the server and read back by the desktop app.
// Times are milliseconds since the epoch, UTC.
namespace Core {

struct PeriodCounts
{
    qint64 last24h = 0;
    qint64 last7d = 0;
    qint64 allTime = 0;

    friend bool operator==(const PeriodCounts &, const PeriodCounts &) = default;
};

struct CodeCounts
{
    QString code; // an error code of the guide ("RATE_LIMIT_EXCEEDED", ...)
    PeriodCounts counts;

    friend bool operator==(const CodeCounts &, const CodeCounts &) = default;
};

struct HourlyPoint
{
    qint64 t = 0; // the hour's start
    qint64 accepted = 0;
    qint64 rejected = 0;

    friend bool operator==(const HourlyPoint &, const HourlyPoint &) = default;
};

struct KeyActivityReport
{
    QString keyId;
    std::optional<qint64> lastUsedAt;
    PeriodCounts accepted;
    PeriodCounts rejected;
    QList<CodeCounts> rejectedByCode; // by code
    QList<HourlyPoint> hourly;        // oldest first, one per hour, the current one last

    friend bool operator==(const KeyActivityReport &, const KeyActivityReport &) = default;
};

struct MonthUsage
{
    QString month; // "2026-06"
    qint64 used = 0;
    qint64 limit = 0;

    friend bool operator==(const MonthUsage &, const MonthUsage &) = default;
};

struct MinutePoint
{
    qint64 t = 0; // the minute's start
    qint64 accepted = 0;
    qint64 rateLimited = 0;
    qint64 limit = 0;

    friend bool operator==(const MinutePoint &, const MinutePoint &) = default;
};

struct KeyUsageReport
{
    QString keyId;
    QString plan; // the plan's name as the server sent it ("free", "pro", ...)
    qint64 perMinute = 0;
    qint64 perMonth = 0;
    MonthUsage currentMonth;
    std::optional<qint64> resetsAt;
    QList<MonthUsage> months;   // newest first, the current month included
    QList<MinutePoint> minutes; // oldest first

    friend bool operator==(const KeyUsageReport &, const KeyUsageReport &) = default;
};

struct RequestLogEntry
{
    qint64 at = 0;
    QString method;
    QString path;
    int status = 0;
    QString code; // empty for a success
    double latencyMs = 0;
    QString requestId;

    friend bool operator==(const RequestLogEntry &, const RequestLogEntry &) = default;
};

// The newest requests of one key, newest first, and how many there are in all.
struct RequestLogPage
{
    QList<RequestLogEntry> entries;
    int perPage = 0;
    qint64 total = 0;

    friend bool operator==(const RequestLogPage &, const RequestLogPage &) = default;
};

} // namespace Core
