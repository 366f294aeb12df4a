#include "servercommands.h"

#include "server/serverconfig.h"

#include "core/model/clock.h"
#include "core/operations/backup.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTextStream>

namespace App {

namespace {
QString count(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

QString contents(const Core::Backup::Summary &s)
{
    return QStringLiteral("%1, %2, %3, %4, %5")
        .arg(count(s.events, "event", "events"), count(s.users, "user", "users"),
             count(s.teams, "team", "teams"), count(s.keys, "API key", "API keys"),
             count(s.websites, "website", "websites"));
}

struct Command
{
    QString name;
    QString description;
    QString usage;
};

const QList<Command> Commands = {
    {QStringLiteral("backup"),
     QStringLiteral(
         "Writes one file holding the database and every event acknowledged before the command started; "
         "works while a server runs on the directory."),
     QStringLiteral("backup [--data-dir DIR | --config FILE] --out FILE")},
    {QStringLiteral("restore"),
     QStringLiteral(
         "Makes an empty data directory (or, with --force, one whose contents are moved aside) hold a "
         "backup; refused while a server holds the directory."),
     QStringLiteral("restore [--data-dir DIR | --config FILE] --from FILE [--force]")},
    {QStringLiteral("check"),
     QStringLiteral("Verifies the database and the event journal; exits 1 when it finds damage."),
     QStringLiteral("check [--data-dir DIR | --config FILE]")},
};
} // namespace

std::optional<int> runServerCommand(const QStringList &given)
{
    // The subcommand is the first argument that is neither an option nor an option's
    // value, wherever it stands ("--data-dir D check" is check, not a server start).
    static const QStringList takesValue = {QStringLiteral("--data-dir"), QStringLiteral("--listen"),
                                           QStringLiteral("--config"), QStringLiteral("--out"),
                                           QStringLiteral("--from")};
    qsizetype at = -1;
    for (qsizetype i = 0; i < given.size(); ++i) {
        if (given[i] == QLatin1String("--"))
            break;
        if (given[i].startsWith(QLatin1Char('-'))) {
            if (takesValue.contains(given[i]))
                ++i;
            continue;
        }
        at = i;
        break;
    }
    if (at < 0)
        return std::nullopt;
    const auto command = std::find_if(Commands.cbegin(), Commands.cend(),
                                      [&](const Command &c) { return c.name == given[at]; });
    if (command == Commands.cend())
        return std::nullopt; // the server's parser refuses it
    QStringList arguments = given;
    arguments.removeAt(at);
    arguments.prepend(command->name);
    // One line of output: the libraries' progress notes stay quiet; warnings remain.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString prefix = QStringLiteral("zenovay-server ") + command->name + QStringLiteral(": ");

    QCommandLineParser parser;
    parser.setApplicationDescription(command->description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Shows this help."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("The data directory (default: [server] data_dir of "
                                                          "--config, else %1).")
                                               .arg(Server::ServerConfig::defaultDataDir()),
                                           QStringLiteral("DIR"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("The server's INI file, for its data_dir."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("The backup file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("The backup file to restore."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral(
            "Restore into a directory that is not empty: its contents go to DIR/replaced-<time>/."));
    parser.addOptions({help, dataDirOption, configOption});
    if (command->name == QLatin1String("backup"))
        parser.addOption(outOption);
    if (command->name == QLatin1String("restore"))
        parser.addOptions({fromOption, forceOption});
    if (!parser.parse(QStringList{QStringLiteral("zenovay-server")} + arguments)) {
        err << prefix << parser.errorText() << "\nusage: zenovay-server " << command->usage << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        // Qt's help with the subcommand's usage line in place of its first line.
        out << "Usage: zenovay-server " << command->usage << '\n'
            << parser.helpText().section(QLatin1Char('\n'), 1);
        out.flush();
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        err << prefix << "unexpected argument " << parser.positionalArguments().at(1)
            << "\nusage: zenovay-server " << command->usage << Qt::endl;
        return 2;
    }

    Server::ServerConfig config;
    if (parser.isSet(configOption)) {
        if (auto error = config.loadFile(parser.value(configOption))) {
            err << prefix << *error << Qt::endl;
            return 2;
        }
    }
    if (auto error = config.loadEnvironment(QProcessEnvironment::systemEnvironment())) {
        err << prefix << *error << Qt::endl;
        return 2;
    }
    if (parser.isSet(dataDirOption))
        config.dataDir = parser.value(dataDirOption);
    if (config.dataDir.isEmpty())
        config.dataDir = Server::ServerConfig::defaultDataDir();
    const Core::SystemClock clock;

    if (command->name == QLatin1String("backup")) {
        if (!parser.isSet(outOption)) {
            err << prefix << "--out FILE is required\nusage: zenovay-server " << command->usage << Qt::endl;
            return 2;
        }
        Core::Backup::Summary s;
        if (auto error = Core::Backup::create(config.dataDir, parser.value(outOption), clock, &s)) {
            err << prefix << *error << Qt::endl;
            return 1;
        }
        out << "backup: wrote " << parser.value(outOption) << " (" << megabytes(s.bytes) << ") from "
            << config.dataDir << ": " << contents(s) << " (" << s.fromJournal
            << " of the events from the journal), schema " << s.schemaVersion;
        if (!s.warnings.isEmpty())
            out << "; warning: the journal was damaged before: " << s.warnings.join(QStringLiteral("; "));
        out << Qt::endl;
        return 0;
    }
    if (command->name == QLatin1String("restore")) {
        if (!parser.isSet(fromOption)) {
            err << prefix << "--from FILE is required\nusage: zenovay-server " << command->usage << Qt::endl;
            return 2;
        }
        Core::Backup::Restored r;
        if (auto error = Core::Backup::restore(parser.value(fromOption), config.dataDir,
                                               parser.isSet(forceOption), clock, &r)) {
            err << prefix << *error << Qt::endl;
            return 1;
        }
        out << "restore: " << config.dataDir << " now holds the backup made "
            << QDateTime::fromMSecsSinceEpoch(r.backup.createdAtMs, Qt::UTC).toString(Qt::ISODate)
            << " by Zenovay " << r.backup.serverVersion << ": " << contents(r.backup);
        if (!r.movedAsideTo.isEmpty())
            out << "; its earlier contents are in " << r.movedAsideTo;
        out << Qt::endl;
        return 0;
    }
    const Core::Backup::CheckReport report = Core::Backup::check(config.dataDir);
    if (!report.found) {
        err << "check: NOT FOUND: " << report.problems.join(QStringLiteral("; ")) << Qt::endl;
        return 1;
    }
    QString line =
        QStringLiteral("check: %1: %2: database schema %3, %4; journal %5, %6 not yet in the database")
            .arg(report.ok() ? QStringLiteral("ok") : QStringLiteral("DAMAGED"), config.dataDir)
            .arg(report.schemaVersion)
            .arg(count(report.events, "event", "events"),
                 count(report.journalSegments, "segment", "segments"),
                 count(report.journalPending, "event", "events"));
    if (!report.problems.isEmpty())
        line += QStringLiteral("; problems: ") + report.problems.join(QStringLiteral("; "));
    if (!report.notes.isEmpty())
        line += QStringLiteral("; notes: ") + report.notes.join(QStringLiteral("; "));
    (report.ok() ? out : err) << line << Qt::endl;
    return report.ok() ? 0 : 1;
}

} // namespace App
