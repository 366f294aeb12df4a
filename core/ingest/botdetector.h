#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Core::BotDetector {

// Known crawlers, link-preview fetchers, monitors, HTTP libraries and headless
// browsers, recognised by a case-insensitive substring of the user agent. Returns the
// matched pattern (for logs), or nothing for a regular browser or a self-declared
// server (the guide's "MyServer/1.0" is accepted). Such events are dropped and counted
// as dropped with reason "bot"; they are never dropped silently.
std::optional<QString> match(const QString &userAgent);

// The patterns in the order they are tried: match() answers the first one that occurs.
QList<QByteArray> patterns();

} // namespace Core::BotDetector
