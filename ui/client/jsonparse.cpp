#include "jsonparse.h"

#include "core/model/timeutil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Gui {

QString ApiFailure::summary() const
{
    QString text = status == 0 ? u"no response"_s : u"HTTP %1"_s.arg(status);
    if (!code.isEmpty())
        text += u' ' + code;
    if (!message.isEmpty())
        text += u": "_s + message;
    if (!requestId.isEmpty())
        text += u" (request id "_s + requestId + u')';
    return text;
}

namespace Json {

std::optional<qint64> time(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    return Core::Time::parseIso(value.toString());
}

qint64 integer(const QJsonValue &value, qint64 fallback)
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

namespace {
std::optional<qint64> optionalInteger(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    return std::nullopt;
}

QString idOf(const QJsonValue &value)
{
    // Ids are opaque strings; tolerate numbers from a server that uses integer ids.
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

Counts counts(const QJsonObject &o)
{
    return {integer(o.value("last_24h"_L1)), integer(o.value("last_7d"_L1)), integer(o.value("all_time"_L1))};
}

MonthUsage monthUsage(const QJsonObject &o)
{
    return {o.value("month"_L1).toString(), integer(o.value("used"_L1)), integer(o.value("limit"_L1))};
}
} // namespace

Core::User user(const QJsonObject &o)
{
    Core::User u;
    u.id = idOf(o.value("id"_L1));
    u.email = o.value("email"_L1).toString();
    u.name = o.value("name"_L1).toString();
    u.createdAt = time(o.value("created_at"_L1)).value_or(0);
    u.isServerAdmin = o.value("is_server_admin"_L1).toBool();
    u.disabled = o.value("disabled"_L1).toBool();
    return u;
}

Core::Team team(const QJsonObject &o)
{
    Core::Team t;
    t.id = idOf(o.value("id"_L1));
    t.name = o.value("name"_L1).toString();
    t.plan = Core::planFromName(o.value("plan"_L1).toString()).value_or(Core::Plan::Free);
    t.createdAt = time(o.value("created_at"_L1)).value_or(0);
    return t;
}

TeamInfo teamInfo(const QJsonObject &o)
{
    TeamInfo info{team(o), Core::roleFromName(o.value("role"_L1).toString())};
    if (!info.myRole)
        info.myRole = Core::roleFromName(o.value("my_role"_L1).toString());
    return info;
}

Core::Membership membership(const QJsonObject &o)
{
    Core::Membership m;
    m.teamId = idOf(o.value("team_id"_L1));
    m.userId = idOf(o.value("user_id"_L1));
    m.role = Core::roleFromName(o.value("role"_L1).toString()).value_or(Core::Role::Member);
    m.joinedAt = time(o.value("joined_at"_L1)).value_or(0);
    return m;
}

MemberInfo member(const QJsonObject &o)
{
    MemberInfo info{membership(o), o.value("email"_L1).toString(), o.value("name"_L1).toString()};
    const QJsonObject nested = o.value("user"_L1).toObject();
    if (!nested.isEmpty()) {
        if (info.email.isEmpty())
            info.email = nested.value("email"_L1).toString();
        if (info.name.isEmpty())
            info.name = nested.value("name"_L1).toString();
        if (info.membership.userId.isEmpty())
            info.membership.userId = idOf(nested.value("id"_L1));
    }
    return info;
}

Core::Website website(const QJsonObject &o)
{
    Core::Website w;
    w.id = idOf(o.value("id"_L1));
    w.teamId = idOf(o.value("team_id"_L1));
    w.name = o.value("name"_L1).toString();
    w.url = o.value("url"_L1).toString();
    w.domain = o.value("domain"_L1).toString();
    w.trackingCode = o.value("tracking_code"_L1).toString();
    w.createdAt = time(o.value("created_at"_L1)).value_or(0);
    return w;
}

Core::ApiKey apiKey(const QJsonObject &o)
{
    Core::ApiKey k;
    k.id = idOf(o.value("id"_L1));
    k.userId = idOf(o.value("user_id"_L1));
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
            k.teamAccess.teamIds << idOf(t);
    } else {
        k.teamAccess.all = true;
    }
    k.billingTeamId = idOf(o.value("billing_team_id"_L1));
    k.createdAt = time(o.value("created_at"_L1)).value_or(0);
    k.expiresAt = time(o.value("expires_at"_L1));
    k.revokedAt = time(o.value("revoked_at"_L1));
    k.lastUsedAt = time(o.value("last_used_at"_L1));
    return k;
}

MeInfo me(const QJsonObject &o)
{
    MeInfo info;
    const QJsonObject nested = o.value("user"_L1).toObject();
    info.user = user(nested.isEmpty() ? o : nested);
    for (const QJsonValue &m : o.value("memberships"_L1).toArray())
        info.memberships << membership(m.toObject());
    return info;
}

LoginResult login(const QJsonObject &o)
{
    return {o.value("token"_L1).toString(), user(o.value("user"_L1).toObject()),
            time(o.value("expires_at"_L1))};
}

KeyActivity keyActivity(const QJsonObject &o)
{
    KeyActivity a;
    a.keyId = idOf(o.value("key_id"_L1));
    a.lastUsedAt = time(o.value("last_used_at"_L1));
    a.accepted = counts(o.value("accepted"_L1).toObject());
    a.rejected = counts(o.value("rejected"_L1).toObject());
    for (const QJsonValue &v : o.value("rejected_by_code"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        a.rejectedByCode << CodeCounts{c.value("code"_L1).toString(), counts(c)};
    }
    for (const QJsonValue &v : o.value("hourly"_L1).toArray()) {
        const QJsonObject h = v.toObject();
        if (auto t = time(h.value("t"_L1)))
            a.hourly << HourlyPoint{*t, integer(h.value("accepted"_L1)), integer(h.value("rejected"_L1))};
    }
    return a;
}

KeyUsage keyUsage(const QJsonObject &o)
{
    KeyUsage u;
    u.keyId = idOf(o.value("key_id"_L1));
    u.plan = o.value("plan"_L1).toString();
    const QJsonObject limits = o.value("limits"_L1).toObject();
    u.perMinute = integer(limits.value("per_minute"_L1));
    u.perMonth = integer(limits.value("per_month"_L1));
    const QJsonObject current = o.value("current_month"_L1).toObject();
    u.currentMonth = monthUsage(current);
    u.resetsAt = time(current.value("resets_at"_L1));
    for (const QJsonValue &v : o.value("months"_L1).toArray())
        u.months << monthUsage(v.toObject());
    for (const QJsonValue &v : o.value("minutes"_L1).toArray()) {
        const QJsonObject m = v.toObject();
        if (auto t = time(m.value("t"_L1)))
            u.minutes << MinutePoint{*t, integer(m.value("accepted"_L1)), integer(m.value("rate_limited"_L1)),
                                     integer(m.value("limit"_L1))};
    }
    return u;
}

RequestLogEntry requestLogEntry(const QJsonObject &o)
{
    RequestLogEntry e;
    e.at = time(o.value("at"_L1)).value_or(0);
    e.method = o.value("method"_L1).toString();
    e.path = o.value("path"_L1).toString();
    e.status = int(integer(o.value("status"_L1)));
    e.code = o.value("code"_L1).toString();
    e.latencyMs = o.value("latency_ms"_L1).toDouble();
    e.requestId = o.value("request_id"_L1).toString();
    return e;
}

ServerStatus serverStatus(const QJsonObject &o)
{
    ServerStatus s;
    s.raw = o;
    s.version = o.value("version"_L1).toString();
    s.uptimeS = optionalInteger(o.value("uptime_s"_L1));
    if (!s.uptimeS)
        s.uptimeS = optionalInteger(o.value("uptime_seconds"_L1));
    QJsonValue listen = o.value("listen"_L1);
    if (listen.isUndefined())
        listen = o.value("listening"_L1);
    if (listen.isArray()) {
        for (const QJsonValue &v : listen.toArray())
            s.listen << v.toString();
    } else if (listen.isString()) {
        s.listen << listen.toString();
    }
    const QJsonObject db = o.value("database"_L1).toObject();
    s.databasePath = db.value("path"_L1).toString();
    s.databaseSizeBytes = optionalInteger(db.value("size_bytes"_L1));
    s.eventsStored = optionalInteger(o.value("events_stored"_L1));
    const QJsonObject ingest = o.value("ingest"_L1).toObject();
    if (ingest.value("rate_per_s"_L1).isDouble())
        s.ingestRatePerS = ingest.value("rate_per_s"_L1).toDouble();
    s.ingestQueueDepth = optionalInteger(ingest.value("queue_depth"_L1));
    return s;
}

QList<Core::PlanLimits> planLimits(const QJsonValue &v)
{
    QJsonArray rows;
    if (v.isArray())
        rows = v.toArray();
    else
        rows = v.toObject().value("data"_L1).toArray();
    QList<Core::PlanLimits> out;
    for (const QJsonValue &row : rows) {
        const QJsonObject o = row.toObject();
        const auto plan = Core::planFromName(o.value("plan"_L1).toString());
        if (plan)
            out << Core::PlanLimits{*plan, integer(o.value("per_minute"_L1)),
                                    integer(o.value("per_month"_L1))};
    }
    return out;
}

ApiFailure failure(int status, const QByteArray &body, const QByteArray &requestIdHeader)
{
    ApiFailure f;
    f.status = status;
    f.requestId = QString::fromLatin1(requestIdHeader);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    f.code = o.value("code"_L1).toString();
    f.message = o.value("error"_L1).toString();
    if (f.requestId.isEmpty())
        f.requestId = o.value("request_id"_L1).toString();
    const QJsonObject details = o.value("details"_L1).toObject();
    for (auto it = details.begin(); it != details.end(); ++it)
        f.details.insert(it.key(), it.value().toString());
    if (status == 422 && f.code.isEmpty())
        f.code = u"VALIDATION_ERROR"_s;
    if (f.message.isEmpty() && !body.isEmpty() && o.isEmpty())
        f.message = QString::fromUtf8(body.left(200)).simplified();
    return f;
}

QJsonObject keyRequest(const KeyRequest &request)
{
    QJsonObject o;
    o.insert("name"_L1, request.name);
    o.insert("permissions"_L1, QJsonArray::fromStringList(request.permissions.names()));
    if (request.teamAccess.all)
        o.insert("team_access"_L1, u"all"_s);
    else
        o.insert("team_access"_L1, QJsonArray::fromStringList(request.teamAccess.teamIds));
    o.insert("billing_team_id"_L1, request.billingTeamId);
    if (request.expiresAt)
        o.insert("expires_at"_L1, Core::Time::toIso(*request.expiresAt));
    return o;
}

} // namespace Json
} // namespace Gui
