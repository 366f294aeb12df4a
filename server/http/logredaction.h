#pragma once

namespace Server {

// QHttpServer logs every request with all its headers at debug level (category
// "qt.httpserver"), which would put session tokens and API keys into the log whenever
// debug output is switched on. This keeps that category's debug and info output off
// whatever the logging rules say. Installed once per process; idempotent.
void installLogRedaction();

} // namespace Server
