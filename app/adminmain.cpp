// zenovay-admin: the desktop admin app. Starts the server in-process on its own thread
// (or connects to a remote one) and manages it over HTTP like any client.
#include "embeddedconnector.h"
#include "keychainsecretstore.h"

#include "ui/client/apiclient.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"zenovay-admin"_s);
    QApplication::setOrganizationName(u"zenovay"_s);
    QApplication::setApplicationDisplayName(u"Zenovay Admin"_s);
    QApplication::setApplicationVersion(QStringLiteral(ZENOVAY_VERSION));
    // The desktop entry and AppStream id (packaging/com.zenovay.Admin.desktop), so the
    // desktop shows the app's own icon and name for its windows.
    QApplication::setDesktopFileName(u"com.zenovay.Admin"_s);
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/zenovay/icons/%1x%1/apps/com.zenovay.Admin.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Zenovay self-hosted: the desktop admin app."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s, u"Connect to a remote server instead of the built-in one."_s, u"URL"_s);
    const QCommandLineOption dataDirOption(
        u"data-dir"_s,
        u"Data directory of the built-in server (default: %1)."_s.arg(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
        u"DIR"_s);
    const QCommandLineOption langOption(u"lang"_s, u"User interface language (for example de or en)."_s,
                                        u"LANG"_s);
    parser.addOptions({serverOption, dataDirOption, langOption});
    parser.process(app);

    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system();
    Gui::installTranslations(&app, locale);

    const QString dataDir = parser.isSet(dataDirOption)
                                ? parser.value(dataDirOption)
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    App::EmbeddedConnector connector(dataDir);
    App::KeychainSecretStore secrets(u"zenovay-admin"_s);
    Gui::ApiClient client;
    Gui::MainWindow window(&client, &secrets, &connector);
    window.show();
    if (parser.isSet(serverOption)) {
        Gui::ConnectionTarget target;
        target.embedded = false;
        target.remoteUrl = QUrl::fromUserInput(parser.value(serverOption));
        window.start(target);
    } else {
        window.start();
    }
    return app.exec();
}
