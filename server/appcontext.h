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

class SlowReads;

// What controllers share: configuration, the database, the clock, the authorisation
// epoch, the ingest path and the status fields. Built by ServerInstance::start() once
// all of them exist (nothing in it is filled in later); controllers hold a reference.
struct AppContext
{
    const ServerConfig &config;
    Core::Database &db;
    const Core::Clock &clock;
    Core::AuthzEpoch &authzEpoch;
    Core::EventPipeline &eventPipeline;
    Core::IngestService &ingest;
    SlowReads &slowReads; // work too slow for the server thread
    qint64 startedAtMs = 0;
    // Fields of GET /api/admin/v1/server/status; parts of the server add theirs.
    StatusBuilder status = {};
};

} // namespace Server
