#pragma once

#include <QLocale>

class QCoreApplication;

namespace Gui {

// Installs the app's translation (built into the binary from translations/*.ts) and Qt's
// own for `locale`. English is the source language; returns the language loaded.
QString installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace Gui
