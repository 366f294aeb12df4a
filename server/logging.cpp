#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <cstdio>

#include <sys/stat.h>

namespace Server {

std::optional<LogSettings::Level> LogSettings::parseLevel(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("debug"))
        return Level::Debug;
    if (t == QLatin1String("info"))
        return Level::Info;
    if (t == QLatin1String("warning"))
        return Level::Warning;
    if (t == QLatin1String("error"))
        return Level::Error;
    return std::nullopt;
}

std::optional<LogSettings::Format> LogSettings::parseFormat(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("text"))
        return Format::Text;
    if (t == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

namespace Logging {

namespace {
const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// syslog(3) priorities: debug 7, info 6, warning 4, err 3, crit 2.
int priority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

QString oneLine(const QString &message)
{
    QString out;
    out.reserve(message.size());
    for (const QChar c : message) {
        if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (c == QLatin1Char('\r'))
            out += QLatin1String("\\r");
        else if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else if (c.unicode() == 0x2028 || c.unicode() == 0x2029) // line and paragraph separators
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the journal's stream when stdout or
// stderr goes to the journal (systemd.exec(5)); it is inherited, so it counts only when
// it names what stderr is now.
bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    struct stat st
    {};
    if (stream.isEmpty() || ::fstat(2, &st) != 0)
        return false;
    return stream == QByteArray::number(quint64(st.st_dev)) + ':' + QByteArray::number(quint64(st.st_ino));
}

QMutex handlerMutex;
LogSettings current;
bool journald = false;

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&handlerMutex); // workers log too; install() may change the settings
    const QByteArray line = formatLine(type, context.category, message, current.format, journald,
                                       QDateTime::currentMSecsSinceEpoch());
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
} // namespace

QByteArray formatLine(QtMsgType type, const char *category, const QString &message,
                      LogSettings::Format format, bool journaldStream, qint64 timeMs)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QLatin1String categoryName(category && *category ? category : "default");
    QByteArray line;
    if (journaldStream)
        line += '<' + QByteArray::number(priority(type)) + '>';
    if (format == LogSettings::Format::Json) {
        QJsonObject o{{QStringLiteral("level"), QLatin1String(levelName(type))},
                      {QStringLiteral("category"), categoryName},
                      {QStringLiteral("message"), message}};
        if (!journaldStream)
            o.insert(QStringLiteral("time"), time);
        line += QJsonDocument(o).toJson(QJsonDocument::Compact); // escapes control characters
    } else {
        if (!journaldStream)
            line += time.toLatin1() + ' ';
        line += QByteArray(levelName(type)) + ' ' + QByteArray(categoryName.data(), categoryName.size()) +
                ": " + oneLine(message).toUtf8();
    }
    line += '\n';
    return line;
}

void install(const LogSettings &settings)
{
    {
        QMutexLocker lock(&handlerMutex);
        current = settings;
        journald = stderrIsJournal();
    }
    static const bool installed = [] {
        qInstallMessageHandler(handler);
        return true;
    }();
    Q_UNUSED(installed);
    QString rules;
    switch (settings.level) {
    case LogSettings::Level::Debug:
        rules = QStringLiteral("*.debug=false\nzenovay.*.debug=true");
        break;
    case LogSettings::Level::Info:
        rules = QStringLiteral("*.debug=false");
        break;
    case LogSettings::Level::Warning:
        rules = QStringLiteral("*.debug=false\n*.info=false");
        break;
    case LogSettings::Level::Error:
        rules = QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
        break;
    }
    // The access log is its own switch, whatever the level.
    rules += settings.access ? QStringLiteral("\nzenovay.access.info=true")
                             : QStringLiteral("\nzenovay.access.info=false");
    QLoggingCategory::setFilterRules(rules);
}

QByteArray loggablePath(const QString &decodedPath)
{
    // Whatever looks like an API key or a session token is masked: a client may put one
    // into a path by mistake, and no log line may hold one.
    static const QRegularExpression secret(QStringLiteral("zvs?_[0-9A-Za-z_-]{16,}"));
    QString path = decodedPath;
    path.replace(secret, QStringLiteral("zv_[masked]"));
    const QByteArray utf8 = path.toUtf8();
    QByteArray out;
    out.reserve(qMin<qsizetype>(utf8.size(), 512) + 16);
    for (const char ch : utf8) {
        const auto c = uchar(ch);
        // '?' and '#' too: a decoded "%3F" must not look like a query that was logged.
        const bool escape =
            c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%' || c == '?' || c == '#';
        const QByteArray piece =
            escape ? QByteArray("%" + QByteArray::number(c, 16).rightJustified(2, '0').toUpper())
                   : QByteArray(1, char(c));
        if (out.size() + piece.size() > 512) {
            out += "...";
            break;
        }
        out += piece;
    }
    return out;
}

} // namespace Logging
} // namespace Server
