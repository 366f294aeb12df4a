#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcessEnvironment>

#include <cstdio>

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
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QMutex handlerMutex;
LogSettings current;
bool journald = false;

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = formatLine(type, context.category, message, current.format, journald,
                                       QDateTime::currentMSecsSinceEpoch());
    QMutexLocker lock(&handlerMutex);
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
        // systemd sets JOURNAL_STREAM when stderr is connected to the journal.
        journald = !qEnvironmentVariableIsEmpty("JOURNAL_STREAM");
    }
    static const bool installed = [] {
        qInstallMessageHandler(handler);
        return true;
    }();
    Q_UNUSED(installed);
    QString rules;
    switch (settings.level) {
    case LogSettings::Level::Debug:
        rules = QStringLiteral("*.debug=false\nzenovay.*.debug=true\ndefault.debug=true");
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

QByteArray loggablePath(const QString &path)
{
    const QByteArray utf8 = path.toUtf8();
    QByteArray out;
    out.reserve(qMin<qsizetype>(utf8.size(), 512) + 16);
    for (const char ch : utf8) {
        if (out.size() >= 512) {
            out += "...";
            break;
        }
        const auto c = uchar(ch);
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%')
            out += '%' + QByteArray::number(c, 16).rightJustified(2, '0').toUpper();
        else
            out += char(c);
    }
    return out;
}

} // namespace Logging
} // namespace Server
