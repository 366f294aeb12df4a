#include "jsonmapping.h"

#include "jsonwriter.h"

#include "core/model/timeutil.h"

#include <QJsonArray>

namespace Core::Json {

namespace {

QJsonValue optionalTime(const std::optional<qint64> &t)
{
    return t ? QJsonValue(Time::toIso(*t)) : QJsonValue(QJsonValue::Null);
}

// Reads required fields; `ok` turns false on the first missing or malformed one.
struct Reader
{
    const QJsonObject &o;
    bool ok = true;

    QString text(const char *field)
    {
        const QJsonValue v = o.value(QLatin1String(field));
        if (!v.isString()) {
            ok = false;
            return {};
        }
        return v.toString();
    }
    qint64 time(const char *field)
    {
        const auto t = Time::parseIso(text(field));
        if (!t)
            ok = false;
        return t.value_or(0);
    }
    std::optional<qint64> optionalTime(const char *field)
    {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const auto t = Time::parseIso(v.toString());
        if (!t)
            ok = false;
        return t;
    }
    qint64 integer(const char *field)
    {
        const QJsonValue v = o.value(QLatin1String(field));
        if (!v.isDouble()) {
            ok = false;
            return 0;
        }
        return v.toInteger();
    }
};

} // namespace

QJsonObject toJson(const User &user)
{
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("email"), user.email},
            {QStringLiteral("name"), user.name},
            {QStringLiteral("created_at"), Time::toIso(user.createdAt)},
            {QStringLiteral("is_server_admin"), user.isServerAdmin},
            {QStringLiteral("disabled"), user.disabled}};
}

QJsonObject toJson(const Team &team)
{
    return {{QStringLiteral("id"), team.id},
            {QStringLiteral("name"), team.name},
            {QStringLiteral("plan"), planName(team.plan)},
            {QStringLiteral("created_at"), Time::toIso(team.createdAt)}};
}

QJsonObject toJson(const Membership &m)
{
    return {{QStringLiteral("team_id"), m.teamId},
            {QStringLiteral("user_id"), m.userId},
            {QStringLiteral("role"), roleName(m.role)},
            {QStringLiteral("joined_at"), Time::toIso(m.joinedAt)}};
}

QJsonObject toJson(const Website &w)
{
    return {{QStringLiteral("id"), w.id},
            {QStringLiteral("team_id"), w.teamId},
            {QStringLiteral("name"), w.name},
            {QStringLiteral("url"), w.url},
            {QStringLiteral("domain"), w.domain},
            {QStringLiteral("tracking_code"), w.trackingCode},
            {QStringLiteral("created_at"), Time::toIso(w.createdAt)}};
}

void writeJson(JsonWriter &out, const Website &w)
{
    // Keys in QJsonObject's (sorted) order.
    out.beginObject()
        .key(QLatin1StringView("created_at"))
        .value(QLatin1StringView(Time::toIsoLatin1(w.createdAt)))
        .key(QLatin1StringView("domain"))
        .value(w.domain)
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

QJsonValue teamAccessToJson(const TeamAccess &access)
{
    if (access.all)
        return QStringLiteral("all");
    return QJsonArray::fromStringList(access.teamIds);
}

QJsonObject toJson(const ApiKey &k)
{
    return {{QStringLiteral("id"), k.id},
            {QStringLiteral("user_id"), k.userId},
            {QStringLiteral("name"), k.name},
            {QStringLiteral("prefix"), k.prefix},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(k.permissions.names())},
            {QStringLiteral("team_access"), teamAccessToJson(k.teamAccess)},
            {QStringLiteral("billing_team_id"), k.billingTeamId},
            {QStringLiteral("created_at"), Time::toIso(k.createdAt)},
            {QStringLiteral("expires_at"), optionalTime(k.expiresAt)},
            {QStringLiteral("revoked_at"), optionalTime(k.revokedAt)},
            {QStringLiteral("last_used_at"), optionalTime(k.lastUsedAt)}};
}

QJsonObject toJson(const PlanLimits &l)
{
    return {{QStringLiteral("plan"), planName(l.plan)},
            {QStringLiteral("per_minute"), l.perMinute},
            {QStringLiteral("per_month"), l.perMonth}};
}

QJsonObject toJson(const AuditEntry &e)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), Time::toIso(e.at)},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("actor_user_id"), orNull(e.actorUserId)},
            {QStringLiteral("ip"), orNull(e.ip)},
            {QStringLiteral("target_type"), orNull(e.targetType)},
            {QStringLiteral("target_id"), orNull(e.targetId)},
            {QStringLiteral("details"), e.details}};
}

std::optional<User> userFromJson(const QJsonObject &o)
{
    Reader r{o};
    User u;
    u.id = r.text("id");
    u.email = r.text("email");
    u.name = r.text("name");
    u.createdAt = r.time("created_at");
    u.isServerAdmin = o.value(QStringLiteral("is_server_admin")).toBool();
    u.disabled = o.value(QStringLiteral("disabled")).toBool();
    return r.ok ? std::optional(u) : std::nullopt;
}

std::optional<Team> teamFromJson(const QJsonObject &o)
{
    Reader r{o};
    Team t;
    t.id = r.text("id");
    t.name = r.text("name");
    const auto plan = planFromName(r.text("plan"));
    t.createdAt = r.time("created_at");
    if (!r.ok || !plan)
        return std::nullopt;
    t.plan = *plan;
    return t;
}

std::optional<Membership> membershipFromJson(const QJsonObject &o)
{
    Reader r{o};
    Membership m;
    m.teamId = r.text("team_id");
    m.userId = r.text("user_id");
    const auto role = roleFromName(r.text("role"));
    m.joinedAt = r.time("joined_at");
    if (!r.ok || !role)
        return std::nullopt;
    m.role = *role;
    return m;
}

std::optional<Website> websiteFromJson(const QJsonObject &o)
{
    Reader r{o};
    Website w;
    w.id = r.text("id");
    w.teamId = r.text("team_id");
    w.name = r.text("name");
    w.url = r.text("url");
    w.domain = r.text("domain");
    w.trackingCode = r.text("tracking_code");
    w.createdAt = r.time("created_at");
    return r.ok ? std::optional(w) : std::nullopt;
}

std::optional<ApiKey> apiKeyFromJson(const QJsonObject &o)
{
    Reader r{o};
    ApiKey k;
    k.id = r.text("id");
    k.userId = r.text("user_id");
    k.name = r.text("name");
    k.prefix = r.text("prefix");
    k.billingTeamId = r.text("billing_team_id");
    k.createdAt = r.time("created_at");
    k.expiresAt = r.optionalTime("expires_at");
    k.revokedAt = r.optionalTime("revoked_at");
    k.lastUsedAt = r.optionalTime("last_used_at");
    QStringList names;
    for (const QJsonValue &v : o.value(QStringLiteral("permissions")).toArray())
        names << v.toString();
    const auto permissions = Permissions::fromNames(names);
    const QJsonValue access = o.value(QStringLiteral("team_access"));
    if (access.isString() && access.toString() == QLatin1String("all")) {
        k.teamAccess = {true, {}};
    } else if (access.isArray()) {
        k.teamAccess.all = false;
        for (const QJsonValue &v : access.toArray())
            k.teamAccess.teamIds << v.toString();
    } else {
        r.ok = false;
    }
    if (!r.ok || !permissions || permissions->isEmpty())
        return std::nullopt;
    k.permissions = *permissions;
    return k;
}

std::optional<PlanLimits> planLimitsFromJson(const QJsonObject &o)
{
    Reader r{o};
    PlanLimits l;
    const auto plan = planFromName(r.text("plan"));
    l.perMinute = r.integer("per_minute");
    l.perMonth = r.integer("per_month");
    if (!r.ok || !plan)
        return std::nullopt;
    l.plan = *plan;
    return l;
}

} // namespace Core::Json
