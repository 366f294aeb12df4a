#include "jsonparse.h"

#include "core/model/timeutil.h"
#include "wire/keyreports.h"
#include "wire/values.h"

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

TeamInfo teamInfo(const QJsonObject &o)
{
    TeamInfo info{Wire::teamFromJson(o), Core::roleFromName(o.value("role"_L1).toString())};
    if (!info.myRole)
        info.myRole = Core::roleFromName(o.value("my_role"_L1).toString());
    return info;
}

MemberInfo member(const QJsonObject &o)
{
    MemberInfo info{Wire::membershipFromJson(o), o.value("email"_L1).toString(),
                    o.value("name"_L1).toString()};
    const QJsonObject nested = o.value("user"_L1).toObject();
    if (!nested.isEmpty()) {
        if (info.email.isEmpty())
            info.email = nested.value("email"_L1).toString();
        if (info.name.isEmpty())
            info.name = nested.value("name"_L1).toString();
        if (info.membership.userId.isEmpty())
            info.membership.userId = Wire::idFromJson(nested.value("id"_L1));
    }
    return info;
}

MeInfo me(const QJsonObject &o)
{
    MeInfo info;
    const QJsonObject nested = o.value("user"_L1).toObject();
    info.user = Wire::userFromJson(nested.isEmpty() ? o : nested);
    for (const QJsonValue &m : o.value("memberships"_L1).toArray())
        info.memberships << Wire::membershipFromJson(m.toObject());
    return info;
}

LoginResult login(const QJsonObject &o)
{
    return {o.value("token"_L1).toString(), Wire::userFromJson(o.value("user"_L1).toObject()),
            Wire::timeFromJson(o.value("expires_at"_L1))};
}

RequestLogEntry requestLogEntry(const QJsonObject &o)
{
    return {Wire::requestLogEntryFromJson(o), {}, {}};
}

namespace {
AnalyticsTotals analyticsTotals(const QJsonObject &o)
{
    return {o.value("pageviews"_L1).toInteger(), o.value("visitors"_L1).toInteger(),
            o.value("sessions"_L1).toInteger(), o.value("events"_L1).toInteger(),
            o.value("bounce_rate"_L1).toDouble(), o.value("visit_duration"_L1).toInteger()};
}

QList<AnalyticsCount> analyticsCounts(const QJsonValue &v)
{
    QList<AnalyticsCount> out;
    for (const QJsonValue &row : v.toArray()) {
        const QJsonObject o = row.toObject();
        out.append({o.value("value"_L1).toString(), o.value("count"_L1).toInteger()});
    }
    return out;
}
} // namespace

WebsiteAnalytics websiteAnalytics(const QJsonObject &o)
{
    WebsiteAnalytics a;
    a.websiteId = o.value("website_id"_L1).toString();
    a.from = QDate::fromString(o.value("from"_L1).toString(), Qt::ISODate);
    a.to = QDate::fromString(o.value("to"_L1).toString(), Qt::ISODate);
    a.hourly = o.value("interval"_L1).toString() == "hour"_L1;
    a.totals = analyticsTotals(o.value("totals"_L1).toObject());
    if (o.value("previous_totals"_L1).isObject())
        a.previous = analyticsTotals(o.value("previous_totals"_L1).toObject());
    for (const QJsonValue &row : o.value("timeseries"_L1).toArray()) {
        const QJsonObject p = row.toObject();
        const auto t = Wire::timeFromJson(p.value("t"_L1));
        if (t)
            a.timeseries.append({*t, p.value("pageviews"_L1).toInteger(), p.value("visitors"_L1).toInteger()});
    }
    a.pages = analyticsCounts(o.value("pages"_L1));
    a.referrers = analyticsCounts(o.value("referrers"_L1));
    a.browsers = analyticsCounts(o.value("browsers"_L1));
    a.os = analyticsCounts(o.value("os"_L1));
    a.devices = analyticsCounts(o.value("devices"_L1));
    a.entryPages = analyticsCounts(o.value("entry_pages"_L1));
    a.utmSources = analyticsCounts(o.value("utm_sources"_L1));
    a.utmMediums = analyticsCounts(o.value("utm_mediums"_L1));
    a.utmCampaigns = analyticsCounts(o.value("utm_campaigns"_L1));
    a.events = analyticsCounts(o.value("events"_L1));
    a.exitPages = analyticsCounts(o.value("exit_pages"_L1));
    a.countries = analyticsCounts(o.value("countries"_L1));
    const QJsonObject filters = o.value("filters"_L1).toObject();
    for (auto it = filters.begin(); it != filters.end(); ++it)
        a.filters.append({it.key(), it.value().toString()});
    a.filtersSince = Wire::timeFromJson(o.value("filters_since"_L1)).value_or(0);
    return a;
}

EventProperties eventProperties(const QJsonObject &o)
{
    EventProperties e;
    e.name = o.value("name"_L1).toString();
    e.events = o.value("events"_L1).toInteger();
    for (const QJsonValue &p : o.value("properties"_L1).toArray()) {
        const QJsonObject property = p.toObject();
        const QString key = property.value("key"_L1).toString();
        for (const AnalyticsCount &c : analyticsCounts(property.value("values"_L1)))
            e.values.append({key, c.value, c.count});
    }
    return e;
}

WebsiteRealtime websiteRealtime(const QJsonObject &o)
{
    WebsiteRealtime r;
    r.at = Wire::timeFromJson(o.value("at"_L1)).value_or(0);
    r.visitors = o.value("visitors"_L1).toInteger();
    for (const QJsonValue &n : o.value("pageviews_per_minute"_L1).toArray())
        r.pageviewsPerMinute.append(n.toInteger());
    r.pages = analyticsCounts(o.value("pages"_L1));
    return r;
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
        if (const auto limits = Wire::planLimitsFromJson(row.toObject()))
            out << *limits;
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
    o.insert("team_access"_L1, Wire::toJson(request.teamAccess));
    o.insert("billing_team_id"_L1, request.billingTeamId);
    if (request.expiresAt)
        o.insert("expires_at"_L1, Core::Time::toIso(*request.expiresAt));
    return o;
}

} // namespace Json
} // namespace Gui
