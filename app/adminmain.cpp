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

namespace {
struct Options
{
    QCommandLineOption server{u"server"_s, u"Connect to a remote server instead of the built-in one."_s,
                              u"URL"_s};
    QCommandLineOption dataDir{u"data-dir"_s,
                               u"Data directory of the built-in server (default: %1)."_s.arg(
                                   QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
                               u"DIR"_s};
    QCommandLineOption lang{u"lang"_s, u"User interface language (for example de or en)."_s, u"LANG"_s};
};

void describe(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(u"Zenovay self-hosted: the desktop admin app."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.server, options.dataDir, options.lang});
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(u"zenovay-admin"_s);
    QCoreApplication::setOrganizationName(u"zenovay"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ZENOVAY_VERSION));
    // --help and --version answer without a display (a terminal, ssh, a package test):
    // QApplication would need a platform plugin first.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version") {
            QCoreApplication core(argc, argv);
            QCommandLineParser parser;
            const Options options;
            describe(parser, options);
            parser.process(core); // prints and exits
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(u"Zenovay Admin"_s);
    // The desktop entry and AppStream id (packaging/com.zenovay.Admin.desktop), so the
    // desktop shows the app's own icon and name for its windows.
    QApplication::setDesktopFileName(u"com.zenovay.Admin"_s);
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/zenovay/icons/%1x%1/apps/com.zenovay.Admin.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    const Options options;
    describe(parser, options);
    parser.process(app);
    const QCommandLineOption &serverOption = options.server;
    const QCommandLineOption &dataDirOption = options.dataDir;
    const QCommandLineOption &langOption = options.lang;

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
