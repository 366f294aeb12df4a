#pragma once

#include "core/model/domain.h"
#include "core/model/reports.h"
#include "wire/serverstatus.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

// Value types the admin client hands to the widgets. Objects of the contract's section 1
// and the key reports are the model's value types (Core::Team, Core::ApiKey,
// Core::KeyActivityReport, ...), read by the wire library; the shapes below are the admin
// API's own compositions and the client's failures.
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

// The admin API's key reports and server status: the wire contract's types, shared with
// the server (core/model/reports.h, wire/serverstatus.h).
using Counts = Core::PeriodCounts;
using CodeCounts = Core::CodeCounts;
using HourlyPoint = Core::HourlyPoint;
using KeyActivity = Core::KeyActivityReport;
using MonthUsage = Core::MonthUsage;
using MinutePoint = Core::MinutePoint;
using KeyUsage = Core::KeyUsageReport;
using ServerStatus = Wire::ServerStatus;

// One row of the requests pages: a logged request, and which of my keys made it (filled
// in by the app when it merges several keys' logs).
struct RequestLogEntry : Core::RequestLogEntry
{
    QString keyId;
    QString keyName;
};

// GET /websites/{id}/analytics (api-contract section 9): a website's traffic over whole
// UTC days, with the previous period's totals (compare=previous).
struct AnalyticsTotals
{
    qint64 pageviews = 0;
    qint64 visitors = 0;
    qint64 sessions = 0;
    qint64 events = 0;
    double bounceRate = 0; // percent
    qint64 visitDuration = 0; // mean seconds per visit
};

struct AnalyticsPoint
{
    qint64 t = 0; // the bucket's start
    qint64 pageviews = 0;
    qint64 visitors = 0;
};

struct AnalyticsCount
{
    QString value;
    qint64 count = 0;
};

struct WebsiteAnalytics
{
    QString websiteId;
    QDate from, to;
    bool hourly = false;
    AnalyticsTotals totals;
    std::optional<AnalyticsTotals> previous;
    QList<AnalyticsPoint> timeseries;
    QList<AnalyticsCount> pages, referrers, browsers, os, devices;
    QList<AnalyticsCount> entryPages, utmSources, utmMediums, utmCampaigns, events, exitPages, countries;
    // The filters the server applied (parameter, value), in its order.
    QList<std::pair<QString, QString>> filters;
    // Filtered numbers exist from this moment on (a server upgraded while the range ran); 0: from the start.
    qint64 filtersSince = 0;
};

// GET /websites/{id}/analytics/event-properties: one custom event's property values.
struct EventPropertyValue
{
    QString key, value;
    qint64 count = 0;
};
struct EventProperties
{
    QString name;
    qint64 events = 0;
    QList<EventPropertyValue> values; // every key's top values, as the server lists them
};

// GET /websites/{id}/analytics/realtime.
struct WebsiteRealtime
{
    qint64 at = 0;
    qint64 visitors = 0;
    QList<qint64> pageviewsPerMinute; // oldest first, the current minute last
    QList<AnalyticsCount> pages;
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
