#pragma once

#include <QStringList>

#include <optional>

namespace App {

// zenovay-server's maintenance subcommands (api-contract section 8): backup, restore,
// check. Each prints one line saying what it did (stdout) or why it could not (stderr).
// Exit codes: 0 done, 1 refused or failed (check: damage found), 2 usage.
//
// The command's exit code when arguments (argv without the program name) start with a
// subcommand; nothing when they do not (the server runs).
std::optional<int> runServerCommand(const QStringList &arguments);

} // namespace App
