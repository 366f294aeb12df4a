#include "values.h"

#include "core/model/timeutil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Wire {

QJsonValue optionalTimeToJson(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(Core::Time::toIso(*ms)) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> timeFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    return Core::Time::parseIso(value.toString());
}

std::optional<qint64> optionalIntegerFromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    return std::nullopt;
}

qint64 integerFromJson(const QJsonValue &value, qint64 fallback)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const qint64 v = value.toString().toLongLong(&ok);
        return ok ? v : fallback;
    }
    return fallback;
}

QString idFromJson(const QJsonValue &value)
{
    // Ids are opaque strings; tolerate numbers from a server that uses integer ids.
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

QJsonObject toJson(const Core::User &user)
{
    return {{u"id"_s, user.id},
            {u"email"_s, user.email},
            {u"name"_s, user.name},
            {u"created_at"_s, Core::Time::toIso(user.createdAt)},
            {u"is_server_admin"_s, user.isServerAdmin},
            {u"disabled"_s, user.disabled}};
}

QJsonObject toJson(const Core::Team &team)
{
    return {{u"id"_s, team.id},
            {u"name"_s, team.name},
            {u"plan"_s, Core::planName(team.plan)},
            {u"created_at"_s, Core::Time::toIso(team.createdAt)}};
}

QJsonObject toJson(const Core::Membership &m)
{
    return {{u"team_id"_s, m.teamId},
            {u"user_id"_s, m.userId},
            {u"role"_s, Core::roleName(m.role)},
            {u"joined_at"_s, Core::Time::toIso(m.joinedAt)}};
}

namespace {
// The stored ", "-joined form as the list the API shows.
QStringList excludedIpsOf(const Core::Website &w)
{
    return w.excludedIps.isEmpty() ? QStringList() : w.excludedIps.split(u", "_s);
}
} // namespace

QJsonObject toJson(const Core::Website &w)
{
    return {{u"id"_s, w.id},
            {u"excluded_ips"_s, QJsonArray::fromStringList(excludedIpsOf(w))},
            {u"team_id"_s, w.teamId},
            {u"name"_s, w.name},
            {u"url"_s, w.url},
            {u"domain"_s, w.domain},
            {u"tracking_code"_s, w.trackingCode},
            {u"created_at"_s, Core::Time::toIso(w.createdAt)}};
}

void writeJson(JsonWriter &out, const Core::Website &w)
{
    // Keys in QJsonObject's (sorted) order.
    out.beginObject()
        .key(QLatin1StringView("created_at"))
        .value(QLatin1StringView(Core::Time::toIsoLatin1(w.createdAt)))
        .key(QLatin1StringView("domain"))
        .value(w.domain)
        .key(QLatin1StringView("excluded_ips"))
        .beginArray();
    for (const QString &entry : excludedIpsOf(w))
        out.value(entry);
    out.endArray()
        .key(QLatin1StringView("id"))
        .value(w.id)
        .key(QLatin1StringView("name"))
        .value(w.name)
        .key(QLatin1StringView("team_id"))
        .value(w.teamId)
        .key(QLatin1StringView("tracking_code"))
        .value(w.trackingCode)
        .key(QLatin1StringView("url"))
        .value(w.url)
        .endObject();
}

QJsonValue toJson(const Core::TeamAccess &access)
{
    if (access.all)
        return u"all"_s;
    return QJsonArray::fromStringList(access.teamIds);
}

QJsonObject toJson(const Core::ApiKey &k)
{
    return {{u"id"_s, k.id},
            {u"user_id"_s, k.userId},
            {u"name"_s, k.name},
            {u"prefix"_s, k.prefix},
            {u"permissions"_s, QJsonArray::fromStringList(k.permissions.names())},
            {u"team_access"_s, toJson(k.teamAccess)},
            {u"billing_team_id"_s, k.billingTeamId},
            {u"created_at"_s, Core::Time::toIso(k.createdAt)},
            {u"expires_at"_s, optionalTimeToJson(k.expiresAt)},
            {u"revoked_at"_s, optionalTimeToJson(k.revokedAt)},
            {u"last_used_at"_s, optionalTimeToJson(k.lastUsedAt)}};
}

QJsonObject toJson(const Core::PlanLimits &l)
{
    return {
        {u"plan"_s, Core::planName(l.plan)}, {u"per_minute"_s, l.perMinute}, {u"per_month"_s, l.perMonth}};
}

QJsonObject toJson(const Core::AuditEntry &e)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return {{u"id"_s, e.id},
            {u"at"_s, Core::Time::toIso(e.at)},
            {u"action"_s, e.action},
            {u"actor_user_id"_s, orNull(e.actorUserId)},
            {u"ip"_s, orNull(e.ip)},
            {u"target_type"_s, orNull(e.targetType)},
            {u"target_id"_s, orNull(e.targetId)},
            {u"details"_s, e.details}};
}

Core::User userFromJson(const QJsonObject &o)
{
    Core::User u;
    u.id = idFromJson(o.value("id"_L1));
    u.email = o.value("email"_L1).toString();
    u.name = o.value("name"_L1).toString();
    u.createdAt = timeFromJson(o.value("created_at"_L1)).value_or(0);
    u.isServerAdmin = o.value("is_server_admin"_L1).toBool();
    u.disabled = o.value("disabled"_L1).toBool();
    return u;
}

Core::Team teamFromJson(const QJsonObject &o)
{
    Core::Team t;
    t.id = idFromJson(o.value("id"_L1));
    t.name = o.value("name"_L1).toString();
    t.plan = Core::planFromName(o.value("plan"_L1).toString()).value_or(Core::Plan::Free);
    t.createdAt = timeFromJson(o.value("created_at"_L1)).value_or(0);
    return t;
}

Core::Membership membershipFromJson(const QJsonObject &o)
{
    Core::Membership m;
    m.teamId = idFromJson(o.value("team_id"_L1));
    m.userId = idFromJson(o.value("user_id"_L1));
    m.role = Core::roleFromName(o.value("role"_L1).toString()).value_or(Core::Role::Member);
    m.joinedAt = timeFromJson(o.value("joined_at"_L1)).value_or(0);
    return m;
}

Core::Website websiteFromJson(const QJsonObject &o)
{
    Core::Website w;
    w.id = idFromJson(o.value("id"_L1));
    w.teamId = idFromJson(o.value("team_id"_L1));
    w.name = o.value("name"_L1).toString();
    w.url = o.value("url"_L1).toString();
    w.domain = o.value("domain"_L1).toString();
    w.trackingCode = o.value("tracking_code"_L1).toString();
    w.createdAt = timeFromJson(o.value("created_at"_L1)).value_or(0);
    QStringList excluded;
    for (const QJsonValue &entry : o.value("excluded_ips"_L1).toArray())
        excluded << entry.toString();
    w.excludedIps = excluded.join(u", "_s);
    return w;
}

Core::ApiKey apiKeyFromJson(const QJsonObject &o)
{
    Core::ApiKey k;
    k.id = idFromJson(o.value("id"_L1));
    k.userId = idFromJson(o.value("user_id"_L1));
    k.name = o.value("name"_L1).toString();
    k.prefix = o.value("prefix"_L1).toString();
    QStringList permissions;
    for (const QJsonValue &p : o.value("permissions"_L1).toArray())
        permissions << p.toString();
    k.permissions = Core::Permissions::fromNames(permissions).value_or(Core::Permissions{});
    const QJsonValue access = o.value("team_access"_L1);
    if (access.isArray()) {
        k.teamAccess.all = false;
        for (const QJsonValue &t : access.toArray())
            k.teamAccess.teamIds << idFromJson(t);
    } else {
        k.teamAccess.all = true;
    }
    k.billingTeamId = idFromJson(o.value("billing_team_id"_L1));
    k.createdAt = timeFromJson(o.value("created_at"_L1)).value_or(0);
    k.expiresAt = timeFromJson(o.value("expires_at"_L1));
    k.revokedAt = timeFromJson(o.value("revoked_at"_L1));
    k.lastUsedAt = timeFromJson(o.value("last_used_at"_L1));
    return k;
}

std::optional<Core::PlanLimits> planLimitsFromJson(const QJsonObject &o)
{
    const auto plan = Core::planFromName(o.value("plan"_L1).toString());
    if (!plan)
        return std::nullopt;
    return Core::PlanLimits{*plan, integerFromJson(o.value("per_minute"_L1)),
                            integerFromJson(o.value("per_month"_L1))};
}

} // namespace Wire
