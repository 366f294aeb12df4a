#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// GET /api/admin/v1/server/status. The server assembles it from parts (the admin routes,
// the ingest pipeline, the listener, the journal), each under one of the field names
// below, and the desktop app reads it with serverStatusFromJson: both sides spell every
// field through this file, so they cannot drift apart.
namespace Wire {

namespace StatusField {
inline constexpr QLatin1StringView Version{"version"};
inline constexpr QLatin1StringView StartedAt{"started_at"};
inline constexpr QLatin1StringView UptimeSeconds{"uptime_seconds"};
inline constexpr QLatin1StringView Listening{"listening"};
inline constexpr QLatin1StringView Database{"database"};
inline constexpr QLatin1StringView EventsStored{"events_stored"};
inline constexpr QLatin1StringView Ingest{"ingest"};
inline constexpr QLatin1StringView Journal{"journal"};
// The address visitors' browsers use ([server] public_url, else the scheme and host the
// status request came in with, behind a trusted proxy its X-Forwarded-Proto/Host), and
// which of the two it is: "config" or "request".
inline constexpr QLatin1StringView PublicUrl{"public_url"};
inline constexpr QLatin1StringView PublicUrlSource{"public_url_source"};
} // namespace StatusField

// The "database" part.
struct DatabaseStatus
{
    QString path;
    qint64 sizeBytes = 0;
    int schemaVersion = 0;
};
QJsonObject toJson(const DatabaseStatus &database);

// The "ingest" part.
struct IngestStatus
{
    double eventsPerSecond = 0; // acknowledged per second over the last 10 s
    qint64 queueDepth = 0;      // acknowledged, not yet committed
    qint64 committedSinceStart = 0;
    qint64 replayedAtStart = 0;
};
QJsonObject toJson(const IngestStatus &ingest);

// What the desktop app shows. Tolerant like every reader: what is missing stays empty.
struct ServerStatus
{
    QString version;
    std::optional<qint64> uptimeS;
    QStringList listen;
    QString publicUrl;
    bool publicUrlConfigured = false;
    QString databasePath;
    std::optional<qint64> databaseSizeBytes;
    std::optional<qint64> eventsStored;
    std::optional<double> ingestRatePerS;
    std::optional<qint64> ingestQueueDepth;
    QJsonObject raw; // everything the server sent, for fields this app does not know yet
};
ServerStatus serverStatusFromJson(const QJsonObject &object);

} // namespace Wire
