// The German translation is complete and loads: every message translated (plural forms
// too) with the same placeholders, and widgets show German text under a German locale.
#include "ui/client/apiclient.h"
#include "ui/client/servermessages.h"
#include "ui/format.h"
#include "ui/pages/keyspage.h"
#include "ui/translations.h"
#include "ui/workspace.h"

#include <QDate>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanFileIsComplete()
    {
        QFile file(QStringLiteral(ZENOVAY_TS_DIR "/zenovay_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        QStringList forms;
        QString translation;
        bool unfinished = false;
        static const QRegularExpression placeholder(u"%(\\d|n)"_s);
        auto placeholders = [](const QString &text) {
            QStringList out;
            auto it = placeholder.globalMatch(text);
            while (it.hasNext())
                out << it.next().captured(0);
            out.sort();
            out.removeDuplicates();
            return out;
        };
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == "message"_L1) {
                source.clear();
                forms.clear();
                translation.clear();
                unfinished = false;
            } else if (xml.isStartElement() && xml.name() == "source"_L1) {
                source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == "translation"_L1) {
                unfinished = xml.attributes().value("type"_L1) == "unfinished"_L1 ||
                             xml.attributes().value("type"_L1) == "vanished"_L1;
                translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (xml.isStartElement() && xml.name() == "numerusform"_L1) {
                forms << xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == "message"_L1) {
                ++messages;
                QVERIFY2(!unfinished, qPrintable(u"unfinished: "_s + source));
                const QStringList texts = forms.isEmpty() ? QStringList{translation} : forms;
                for (const QString &t : texts) {
                    QVERIFY2(!t.trimmed().isEmpty(), qPrintable(u"empty translation: "_s + source));
                    QCOMPARE(placeholders(t), placeholders(source));
                }
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(messages > 300, "the .ts file lists the app's messages");
    }

    void germanLoadsForAGermanLocale()
    {
        const QString language = Gui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(language.startsWith(u"de"_s), qPrintable(language));
        QCOMPARE(QCoreApplication::translate("Gui::KeysPage", "Personal API keys"),
                 u"Persönliche API-Schlüssel"_s);
        QCOMPARE(QCoreApplication::translate("Gui::Format", "%n minute(s) ago", nullptr, 1),
                 u"vor 1 Minute"_s);
        QCOMPARE(QCoreApplication::translate("Gui::Format", "%n minute(s) ago", nullptr, 5),
                 u"vor 5 Minuten"_s);
        // A real page built now speaks German.
        Gui::ApiClient client;
        Gui::Workspace workspace(&client);
        Gui::KeysPage page(&workspace);
        QCOMPARE(page.title(), u"Persönliche API-Schlüssel"_s);
        QCOMPARE(page.findChild<QPushButton *>(u"newKeyButton"_s)->text(), u"&Neuer Schlüssel…"_s);
        // Numbers and dates in German too, and Qt's own buttons (qt6-translations-l10n).
        QCOMPARE(Gui::Format::number(10000), u"10.000"_s);
        QCOMPARE(QLocale().toString(QDate(2026, 12, 1), QLocale::ShortFormat), u"01.12.26"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
        // The server's messages the app knows, with their numbers in German.
        QCOMPARE(Gui::localizedServerMessage(u"Invalid URL format"_s), u"Ungültiges URL-Format"_s);
        QCOMPARE(Gui::localizedServerMessage(u"Password too short (min 12 characters)"_s),
                 u"Passwort zu kurz (mindestens 12 Zeichen)"_s);
        QCOMPARE(Gui::localizedServerMessage(u"Name too long (max 1000 characters)"_s),
                 u"Name zu lang (höchstens 1.000 Zeichen)"_s);
        QCOMPARE(Gui::localizedServerMessage(u"Something new the app does not know"_s),
                 u"Something new the app does not know"_s);
    }

    // Every server message the app translates is one the server still writes: a message
    // changed on the server would otherwise silently stay English.
    void translatedServerMessagesExistInTheServer()
    {
        QString sources;
        QDirIterator it(QStringLiteral(ZENOVAY_CORE_DIR), {QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            sources += QString::fromUtf8(f.readAll());
        }
        QFile ts(QStringLiteral(ZENOVAY_TS_DIR "/zenovay_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        int checked = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == "name"_L1)
                context = xml.readElementText();
            if (xml.isStartElement() && xml.name() == "source"_L1 && context == "Gui::ServerMessages"_L1) {
                const QString source = xml.readElementText();
                QVERIFY2(sources.contains(u'"' + source + u'"'), qPrintable(u"not in core/: "_s + source));
                ++checked;
            }
        }
        QVERIFY(checked >= 20);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
