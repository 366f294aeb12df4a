#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Gui {

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    // Numbers and dates follow the chosen language too ("10.000", "26.11.26"), not only
    // the texts: every QLocale() the app formats with is this one.
    QLocale::setDefault(locale);
    // Qt's own texts (Cancel, Yes, the file and colour dialogs) from Debian's
    // qt6-translations-l10n, where it is installed.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // English is the source language, but its plural forms ("%n key(s)") live in
    // zenovay_en: fall back to it for languages without a translation.
    auto *own = new QTranslator(app);
    if (own->load(locale, u"zenovay"_s, u"_"_s, u":/i18n"_s) ||
        own->load(QLocale(QLocale::English), u"zenovay"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(own);
        return own->language();
    }
    delete own;
    return {};
}

} // namespace Gui
