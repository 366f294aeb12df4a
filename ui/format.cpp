#include "format.h"

#include <QDateTime>

#include <unicode/uloc.h>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Gui {

qint64 Format::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString Format::relative(std::optional<qint64> epochMs, qint64 now)
{
    if (!epochMs)
        return tr("never");
    const qint64 delta = now - *epochMs;
    const qint64 seconds = (delta >= 0 ? delta : -delta) / 1000;
    const bool future = delta < 0;
    if (seconds < 45)
        return future ? tr("in a moment") : tr("just now");
    const int minutes = int(seconds / 60 ? seconds / 60 : 1);
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    if (hours < 1)
        return future ? tr("in %n minute(s)", nullptr, minutes) : tr("%n minute(s) ago", nullptr, minutes);
    if (days < 1)
        return future ? tr("in %n hour(s)", nullptr, hours) : tr("%n hour(s) ago", nullptr, hours);
    if (days < 45)
        return future ? tr("in %n day(s)", nullptr, days) : tr("%n day(s) ago", nullptr, days);
    return future ? tr("on %1").arg(date(epochMs)) : date(epochMs);
}

QString Format::dateTime(std::optional<qint64> epochMs, const QString &ifNone)
{
    if (!epochMs)
        return ifNone;
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*epochMs).toLocalTime(), QLocale::ShortFormat);
}

QString Format::date(std::optional<qint64> epochMs, const QString &ifNone)
{
    if (!epochMs)
        return ifNone;
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*epochMs).toLocalTime().date(),
                              QLocale::ShortFormat);
}

QString Format::permissions(Core::Permissions p)
{
    if (p.isFullAccess())
        return tr("Full access");
    QStringList parts;
    if (p.has(Core::Permissions::Read))
        parts << tr("Read");
    if (p.has(Core::Permissions::Write))
        parts << tr("Write");
    if (p.has(Core::Permissions::Admin))
        parts << tr("Admin");
    return parts.isEmpty() ? tr("None") : parts.join(u", "_s);
}

QString Format::teamAccess(const Core::TeamAccess &access, const QHash<QString, QString> &teamNames)
{
    if (access.all)
        return tr("All teams");
    QStringList names;
    for (const QString &id : access.teamIds)
        names << teamNames.value(id, tr("unknown team"));
    names.sort(Qt::CaseInsensitive);
    return names.join(u", "_s);
}

QString Format::plan(Core::Plan p)
{
    switch (p) {
    case Core::Plan::Free:
        return tr("Free");
    case Core::Plan::Pro:
        return tr("Pro");
    case Core::Plan::Scale:
        return tr("Scale");
    case Core::Plan::Enterprise:
        return tr("Enterprise");
    }
    return {};
}

QString Format::plan(const QString &planName)
{
    const auto p = Core::planFromName(planName);
    return p ? plan(*p) : planName;
}

QString Format::role(Core::Role r)
{
    switch (r) {
    case Core::Role::Owner:
        return tr("Owner");
    case Core::Role::Admin:
        return tr("Admin");
    case Core::Role::Member:
        return tr("Member");
    }
    return {};
}

KeyStatus Format::keyStatus(const Core::ApiKey &key, qint64 now, std::optional<Core::Plan> billingPlan)
{
    if (key.revokedAt)
        return KeyStatus::Revoked;
    if (key.expiresAt && *key.expiresAt <= now)
        return KeyStatus::Expired;
    if (billingPlan == Core::Plan::Free)
        return KeyStatus::NeedsPaidPlan;
    return KeyStatus::Active;
}

QString Format::keyStatus(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return tr("Active");
    case KeyStatus::NeedsPaidPlan:
        return tr("Inactive: Free plan");
    case KeyStatus::Expired:
        return tr("Expired");
    case KeyStatus::Revoked:
        return tr("Revoked");
    }
    return {};
}

QString Format::bytes(qint64 n)
{
    return QLocale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
}

QString Format::duration(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    return tr("%1 s").arg(seconds);
}

QString Format::country(const QString &isoCode)
{
    if (isoCode == "XX"_L1)
        return tr("Unknown");
    if (isoCode.size() != 2 || !isoCode.at(0).isUpper() || !isoCode.at(1).isUpper() || isoCode.at(0).unicode() > 'Z' ||
        isoCode.at(1).unicode() > 'Z')
        return isoCode;
    const QByteArray locale = "und_" + isoCode.toLatin1();
    const QByteArray display = QLocale().name().toLatin1();
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = uloc_getDisplayCountry(locale.constData(), display.constData(), name, 128, &status);
    // ICU answers the code itself for a region it has no name for.
    if (U_FAILURE(status) || length <= 0 || length > 128)
        return isoCode;
    const QString text = QString::fromUtf16(reinterpret_cast<const char16_t *>(name), length);
    return text == isoCode ? isoCode : tr("%1 (%2)").arg(text, isoCode);
}

QString Format::number(qint64 n)
{
    return QLocale().toString(n);
}

QString Format::month(const QString &monthKey)
{
    const QDate d = QDate::fromString(monthKey + u"-01"_s, Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, u"MMM yyyy"_s) : monthKey;
}

} // namespace Gui
