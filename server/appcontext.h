#pragma once

#include "serverconfig.h"
#include "statusbuilder.h"

#include "core/accounts/authzepoch.h"
#include "core/model/clock.h"
#include "core/storage/database.h"

namespace Core {
class EventPipeline;
class IngestService;
} // namespace Core

namespace Server {

// What controllers share: configuration, the database, the clock, the authorisation
// epoch, the status fields and the ingest path. Owned by
// ServerInstance; controllers hold a reference.
struct AppContext
{
    const ServerConfig &config;
    Core::Database &db;
    const Core::Clock &clock;
    Core::AuthzEpoch &authzEpoch;
    qint64 startedAtMs = 0;
    // Fields of GET /api/admin/v1/server/status; parts of the server add theirs.
    StatusBuilder status = {};
    // Tracking ingest (issue 5); set by ServerInstance::start() before routes run.
    Core::EventPipeline *eventPipeline = nullptr;
    Core::IngestService *ingest = nullptr;
};

} // namespace Server
