#pragma once

#include "serverconfig.h"
#include "statusbuilder.h"

#include "core/authzepoch.h"
#include "core/clock.h"
#include "core/database.h"

namespace Server {

// What controllers share: configuration, the database, the clock, the authorisation
// epoch and the status fields. Owned by
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
};

} // namespace Server
