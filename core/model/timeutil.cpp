#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Core::Time {

namespace {
constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 86'400'000;
} // namespace

qint64 floorTo(qint64 value, qint64 unit)
{
    const qint64 r = value % unit;
    return r < 0 ? value - r - unit : value - r;
}

QByteArray toIsoLatin1(qint64 epochMs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
    const QDate d = dt.date();
    const QTime t = dt.time();
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(),
                                d.day(), t.hour(), t.minute(), t.second(), t.msec());
    return QByteArray(buf, n);
}

QString toIso(qint64 epochMs)
{
    return QString::fromLatin1(toIsoLatin1(epochMs));
}

std::optional<qint64> parseIso(const QString &text)
{
    // Require a date, a time and an explicit zone so that nothing depends on the local zone.
    static const QRegularExpression re(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$)"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

std::optional<QDate> parseDate(const QString &text)
{
    // [0-9], not \d (Unicode digits); \z, not $ (which also matches before a final newline)
    static const QRegularExpression re(QStringLiteral(R"(\A[0-9]{4}-[0-9]{2}-[0-9]{2}\z)"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

qint64 startOfMinute(qint64 epochMs)
{
    return floorTo(epochMs, MinuteMs);
}
qint64 startOfHour(qint64 epochMs)
{
    return floorTo(epochMs, HourMs);
}
qint64 startOfDay(qint64 epochMs)
{
    return floorTo(epochMs, DayMs);
}

qint64 startOfMonth(qint64 epochMs)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).date();
    return QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

qint64 startOfNextMonth(qint64 epochMs)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).date();
    return QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

QString monthKey(qint64 epochMs)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).date();
    return QString::asprintf("%04d-%02d", d.year(), d.month());
}

} // namespace Core::Time
