#include "serverstatus.h"

#include "values.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Wire {

QJsonObject toJson(const DatabaseStatus &database)
{
    return {{u"path"_s, database.path},
            {u"size_bytes"_s, database.sizeBytes},
            {u"schema_version"_s, database.schemaVersion}};
}

QJsonObject toJson(const IngestStatus &ingest)
{
    return {{u"events_per_second"_s, ingest.eventsPerSecond},
            {u"queue_depth"_s, ingest.queueDepth},
            {u"committed_since_start"_s, ingest.committedSinceStart},
            {u"replayed_at_start"_s, ingest.replayedAtStart}};
}

ServerStatus serverStatusFromJson(const QJsonObject &o)
{
    ServerStatus s;
    s.raw = o;
    s.version = o.value(StatusField::Version).toString();
    s.uptimeS = optionalIntegerFromJson(o.value(StatusField::UptimeSeconds));
    s.publicUrl = o.value(StatusField::PublicUrl).toString();
    s.publicUrlConfigured = o.value(StatusField::PublicUrlSource).toString() == "config"_L1;
    const QJsonValue listening = o.value(StatusField::Listening);
    if (listening.isArray()) {
        for (const QJsonValue &v : listening.toArray())
            s.listen << v.toString();
    } else if (listening.isString()) {
        s.listen << listening.toString();
    }
    const QJsonObject db = o.value(StatusField::Database).toObject();
    s.databasePath = db.value("path"_L1).toString();
    s.databaseSizeBytes = optionalIntegerFromJson(db.value("size_bytes"_L1));
    s.eventsStored = optionalIntegerFromJson(o.value(StatusField::EventsStored));
    const QJsonObject ingest = o.value(StatusField::Ingest).toObject();
    if (ingest.value("events_per_second"_L1).isDouble())
        s.ingestRatePerS = ingest.value("events_per_second"_L1).toDouble();
    s.ingestQueueDepth = optionalIntegerFromJson(ingest.value("queue_depth"_L1));
    return s;
}

} // namespace Wire
