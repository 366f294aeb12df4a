#pragma once

#include <QString>

namespace Gui {

// The server speaks English (its messages are part of the API). The app shows the ones
// it knows in the user's language ("Invalid URL format" -> "Ungültiges URL-Format"),
// numbers in them included; anything else stays as the server wrote it.
QString localizedServerMessage(const QString &message);

} // namespace Gui
