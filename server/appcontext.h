#pragma once

#include "serverconfig.h"

#include "core/authzepoch.h"
#include "core/clock.h"
#include "core/database.h"

namespace Server {

// What controllers share: configuration, the database and the clock. Owned by
// ServerInstance; controllers hold a reference.
struct AppContext
{
    const ServerConfig &config;
    Core::Database &db;
    const Core::Clock &clock;
    Core::AuthzEpoch &authzEpoch;
    qint64 startedAtMs = 0;
};

} // namespace Server
