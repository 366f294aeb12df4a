#pragma once

#include "core/model/domain.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace Gui {

// NeedsPaidPlan: neither revoked nor expired, but billed to a team on the Free plan, so
// every call gets 403 API_PAID_PLAN_REQUIRED.
enum class KeyStatus { Active, NeedsPaidPlan, Expired, Revoked };

// How the app writes times, sizes, permissions and statuses, in the user's language.
class Format final
{
    Q_DECLARE_TR_FUNCTIONS(Gui::Format)
public:
    static qint64 nowMs();
    // "just now", "5 minutes ago", "in 3 days", "never".
    static QString relative(std::optional<qint64> epochMs, qint64 now = nowMs());
    // Local date and time in the locale's short format.
    static QString dateTime(std::optional<qint64> epochMs, const QString &ifNone = {});
    static QString date(std::optional<qint64> epochMs, const QString &ifNone = {});
    static QString permissions(Core::Permissions p);
    static QString teamAccess(const Core::TeamAccess &access, const QHash<QString, QString> &teamNames);
    static QString plan(Core::Plan plan);
    static QString plan(const QString &planName);
    static QString role(Core::Role role);
    // billingPlan: the plan of the team the key is billed to, when known.
    static KeyStatus keyStatus(const Core::ApiKey &key, qint64 now = nowMs(),
                               std::optional<Core::Plan> billingPlan = std::nullopt);
    static QString keyStatus(KeyStatus status);
    static QString bytes(qint64 bytes);
    static QString duration(qint64 seconds);
    static QString number(qint64 n);
    // "Germany (DE)" in English, "Deutschland (DE)" in German (ICU's names); "XX" and
    // anything that is not a two-letter code: "Unknown" or the text as it is.
    static QString country(const QString &isoCode);
    static QString month(const QString &monthKey); // "2026-06" -> "Jun 2026"
};

} // namespace Gui
