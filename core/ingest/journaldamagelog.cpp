#include "journaldamagelog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace Core::JournalDamageLog {

std::optional<QString> append(const QString &journalDirectory, const QStringList &reports)
{
    if (reports.isEmpty())
        return std::nullopt;
    QFile f(QDir(journalDirectory).filePath(QLatin1String(FileName)));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QByteArray text;
    for (QString line : reports) {
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        text += (now + QLatin1Char(' ') + line + QLatin1Char('\n')).toUtf8();
    }
    if (f.write(text) != text.size() || !f.flush())
        return QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
    return std::nullopt;
}

Summary read(const QString &journalDirectory)
{
    constexpr qint64 TailBytes = 64 * 1024; // enough for the last line; entries counted in full
    Summary out;
    const QDir dir(journalDirectory);
    out.damagedSegments = dir.entryList({QStringLiteral("journal-*.damaged")}, QDir::Files, QDir::Name);
    QFile f(dir.filePath(QLatin1String(FileName)));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    out.file = f.fileName();
    QByteArray tail;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(TailBytes);
        if (chunk.isEmpty())
            break;
        out.entries += chunk.count('\n');
        tail = QByteArray(tail + chunk).right(TailBytes);
    }
    const QList<QByteArray> lines = tail.trimmed().split('\n');
    out.last = QString::fromUtf8(lines.last());
    if (!tail.isEmpty() && !tail.endsWith('\n'))
        ++out.entries; // a last line without its newline
    return out;
}

} // namespace Core::JournalDamageLog
