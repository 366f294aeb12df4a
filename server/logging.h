#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class QMessageLogContext;

namespace Server {

// [log] in the config file (api-contract section 8): every log line goes to stderr, one
// line each, with its level; text or JSON; under systemd (JOURNAL_STREAM set) each line
// starts with its syslog priority ("<6>") so the journal files it at the right level.
struct LogSettings
{
    enum class Level { Debug, Info, Warning, Error };
    enum class Format { Text, Json };
    Level level = Level::Info;
    Format format = Format::Text;
    bool access = false; // one line per request (category zenovay.access)

    static std::optional<Level> parseLevel(const QString &text);
    static std::optional<Format> parseFormat(const QString &text);
};

namespace Logging {

// One formatted line (with its trailing line feed) for a message: text
// "2026-12-02T10:15:00.123Z info zenovay.server: serving ..." (without the time under
// journald, which stamps lines itself), or JSON {"time","level","category","message"}.
// Control characters in the message are escaped, so one message is always one line.
QByteArray formatLine(QtMsgType type, const char *category, const QString &message,
                      LogSettings::Format format, bool journald, qint64 timeMs);

// For the headless server: installs the message handler writing formatLine() to stderr,
// and the category rules for the level (debug enables only Zenovay's own debug output).
// Once per process; later calls change the settings.
void install(const LogSettings &settings);

// A request path fit for a log line: at most 512 bytes, with bytes outside printable
// ASCII, spaces, quotes and backslashes percent-encoded (no line can be forged).
QByteArray loggablePath(const QString &path);

} // namespace Logging
} // namespace Server
