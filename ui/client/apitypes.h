#pragma once

#include "core/model/domain.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

// Value types the admin client hands to the widgets. Objects of the contract's section 1
// reuse core's value types (Core::Team, Core::ApiKey, ...); the shapes below are the
// admin API's reports (key activity, usage, recent requests, server status).
namespace Gui {

// What went wrong with one call: an HTTP error answer, or no answer at all (status 0).
struct ApiFailure
{
    int status = 0;
    QString code;
    QString message;
    QString requestId;
    QMap<QString, QString> details; // 422: field -> message

    bool isNetworkError() const { return status == 0; }
    // "HTTP 422 VALIDATION_ERROR: Invalid URL format (request id 3c44…)": one line for logs.
    QString summary() const;
};

struct MeInfo
{
    Core::User user;
    QList<Core::Membership> memberships;
};

struct LoginResult
{
    QString token;
    Core::User user;
    std::optional<qint64> expiresAt;
};

// A team as GET /teams lists it, with my role when the server says it.
struct TeamInfo
{
    Core::Team team;
    std::optional<Core::Role> myRole;
};

struct MemberInfo
{
    Core::Membership membership;
    QString email;
    QString name;
};

struct Counts
{
    qint64 last24h = 0;
    qint64 last7d = 0;
    qint64 allTime = 0;
};

struct CodeCounts
{
    QString code;
    Counts counts;
};

struct HourlyPoint
{
    qint64 t = 0;
    qint64 accepted = 0;
    qint64 rejected = 0;
};

struct KeyActivity
{
    QString keyId;
    std::optional<qint64> lastUsedAt;
    Counts accepted;
    Counts rejected;
    QList<CodeCounts> rejectedByCode;
    QList<HourlyPoint> hourly; // oldest first
};

struct MonthUsage
{
    QString month; // "2026-06"
    qint64 used = 0;
    qint64 limit = 0;
};

struct MinutePoint
{
    qint64 t = 0;
    qint64 accepted = 0;
    qint64 rateLimited = 0;
    qint64 limit = 0;
};

struct KeyUsage
{
    QString keyId;
    QString plan;
    qint64 perMinute = 0;
    qint64 perMonth = 0;
    MonthUsage currentMonth;
    std::optional<qint64> resetsAt;
    QList<MonthUsage> months;   // newest first
    QList<MinutePoint> minutes; // oldest first
};

struct RequestLogEntry
{
    qint64 at = 0;
    QString method;
    QString path;
    int status = 0;
    QString code;
    double latencyMs = 0;
    QString requestId;
    QString keyId; // filled in by the app when it merges several keys' logs
    QString keyName;
};

struct ServerStatus
{
    QString version;
    std::optional<qint64> uptimeS;
    QStringList listen;
    QString databasePath;
    std::optional<qint64> databaseSizeBytes;
    std::optional<qint64> eventsStored;
    std::optional<double> ingestRatePerS;
    std::optional<qint64> ingestQueueDepth;
    QJsonObject raw; // everything the server sent, for fields this app does not know yet
};

struct CreatedKey
{
    Core::ApiKey key;
    QString secret; // the full key, shown exactly once
};

// What the create-key dialog asks the server for.
struct KeyRequest
{
    QString name;
    Core::Permissions permissions;
    Core::TeamAccess teamAccess;
    QString billingTeamId;
    std::optional<qint64> expiresAt;
};

} // namespace Gui

Q_DECLARE_METATYPE(Gui::ApiFailure)
