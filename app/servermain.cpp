// zenovay-server: the headless server.
#include "servercommands.h"
#include "systemdnotifier.h"
#include "unixsignals.h"

#include "server/serverconfig.h"
#include "server/serverinstance.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>

// After [log] is read, the server's own lines go through Qt's logging (level, format,
// journald priority); what comes before (bad arguments, bad configuration) is plain.
Q_LOGGING_CATEGORY(lcMain, "zenovay.server")

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("zenovay"));
    QCoreApplication::setOrganizationName(QStringLiteral("zenovay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZENOVAY_VERSION));

    // zenovay-server backup | restore | check ...
    if (const auto code = App::runServerCommand(app.arguments().mid(1)))
        return *code;

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Zenovay self-hosted analytics server: tracking ingest, external REST API and admin API.\n\n"
        "Maintenance: zenovay-server backup | restore | check (--help after one for its options)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Directory for the database (default: %1).")
                                               .arg(Server::ServerConfig::defaultDataDir()),
                                           QStringLiteral("DIR"));
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on (default 127.0.0.1:8080; port 0 "
                       "picks a free port)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("INI configuration file; command-line options win."),
                                          QStringLiteral("FILE"));
    parser.addOptions({dataDirOption, listenOption, configOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "zenovay-server: unknown command " << parser.positionalArguments().first()
                            << " (commands: backup, restore, check; without one the server runs)" << Qt::endl;
        return 2;
    }

    QTextStream err(stderr);
    Server::ServerConfig config;
    if (parser.isSet(configOption)) {
        if (auto error = config.loadFile(parser.value(configOption))) {
            err << "zenovay-server: " << *error << Qt::endl;
            return 2;
        }
    }
    // command line > environment (ZENOVAY_<SECTION>_<KEY>) > file > default
    if (auto error = config.loadEnvironment(QProcessEnvironment::systemEnvironment())) {
        err << "zenovay-server: " << *error << Qt::endl;
        return 2;
    }
    Server::Logging::install(config.log); // [log]: level, format, journald priorities
    if (parser.isSet(dataDirOption))
        config.dataDir = parser.value(dataDirOption);
    if (parser.isSet(listenOption)) {
        const auto listen = Server::ServerConfig::parseListen(parser.value(listenOption));
        if (!listen) {
            err << "zenovay-server: --listen " << parser.value(listenOption)
                << " is not ADDRESS:PORT (for example 127.0.0.1:8080)" << Qt::endl;
            return 2;
        }
        config.address = listen->first;
        config.port = listen->second;
    }

    // Signals from here on are queued (a SIGHUP from a certificate renewal during a long
    // journal replay must not kill the process) and handled once the server runs.
    App::UnixSignalWatcher signalWatcher;
    Server::ServerInstance server(config);
    if (auto error = server.start()) {
        qCCritical(lcMain).noquote() << "cannot start:" << *error;
        return 1;
    }
    App::SystemdNotifier systemd;
    QObject::connect(&signalWatcher, &App::UnixSignalWatcher::terminationRequested, &app, [&](int sig) {
        qCInfo(lcMain) << "signal" << sig << "- shutting down";
        systemd.stopping();
        server.stop();
        app.quit();
    });
    QObject::connect(&signalWatcher, &App::UnixSignalWatcher::reloadRequested, &app, [&] {
        if (auto error = server.reloadTls())
            qCWarning(lcMain).noquote() << "SIGHUP:" << *error;
        else
            qCInfo(lcMain) << "SIGHUP: TLS certificate reloaded";
    });
    const QString host = server.address().protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + server.address().toString() + QLatin1Char(']')
                             : server.address().toString();
    std::printf("listening on %s://%s:%u\n", qPrintable(server.baseUrl().scheme()), qPrintable(host),
                unsigned(server.port()));
    std::fflush(stdout);
    systemd.ready(QStringLiteral("Serving %1").arg(server.baseUrl().toString()));
    return app.exec();
}
