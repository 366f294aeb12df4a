#pragma once

#include <QString>

class QAbstractButton;

namespace Gui {

// Copies text to the clipboard and says so on the button that did it: its text reads
// "Copied" (its tooltip says what) for a moment, then returns (issue 15: copying gave
// no sign that it happened). Every copy button of the app goes through here.
void copyWithFeedback(QAbstractButton *button, const QString &text, int showMs = 1500);

} // namespace Gui
