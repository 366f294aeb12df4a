#pragma once

#include "serverconfig.h"

#include "core/authzepoch.h"
#include "core/clock.h"
#include "core/database.h"

namespace Core {
class EventPipeline;
class IngestService;
} // namespace Core

namespace Server {

// What controllers share: configuration, the database, the clock and the ingest path. Owned by
// ServerInstance; controllers hold a reference.
struct AppContext
{
    const ServerConfig &config;
    Core::Database &db;
    const Core::Clock &clock;
    Core::AuthzEpoch &authzEpoch;
    qint64 startedAtMs = 0;
    // Tracking ingest (issue 5); set by ServerInstance::start() before routes run.
    Core::EventPipeline *eventPipeline = nullptr;
    Core::IngestService *ingest = nullptr;
};

} // namespace Server
