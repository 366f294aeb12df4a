#include "keyreports.h"

#include "values.h"

#include "core/model/timeutil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Wire {

namespace {

QJsonObject countsJson(const Core::PeriodCounts &c)
{
    return {{u"last_24h"_s, c.last24h}, {u"last_7d"_s, c.last7d}, {u"all_time"_s, c.allTime}};
}

Core::PeriodCounts countsFromJson(const QJsonObject &o)
{
    return {integerFromJson(o.value("last_24h"_L1)), integerFromJson(o.value("last_7d"_L1)),
            integerFromJson(o.value("all_time"_L1))};
}

QJsonObject monthJson(const Core::MonthUsage &m)
{
    return {{u"month"_s, m.month}, {u"used"_s, m.used}, {u"limit"_s, m.limit}};
}

Core::MonthUsage monthFromJson(const QJsonObject &o)
{
    return {o.value("month"_L1).toString(), integerFromJson(o.value("used"_L1)),
            integerFromJson(o.value("limit"_L1))};
}

} // namespace

QJsonObject toJson(const Core::KeyActivityReport &report)
{
    QJsonArray byCode;
    for (const Core::CodeCounts &c : report.rejectedByCode) {
        QJsonObject o = countsJson(c.counts);
        o.insert(u"code"_s, c.code);
        byCode.append(o);
    }
    QJsonArray hourly;
    for (const Core::HourlyPoint &h : report.hourly)
        hourly.append(QJsonObject{
            {u"t"_s, Core::Time::toIso(h.t)}, {u"accepted"_s, h.accepted}, {u"rejected"_s, h.rejected}});
    return {{u"key_id"_s, report.keyId},
            {u"last_used_at"_s, optionalTimeToJson(report.lastUsedAt)},
            {u"accepted"_s, countsJson(report.accepted)},
            {u"rejected"_s, countsJson(report.rejected)},
            {u"rejected_by_code"_s, byCode},
            {u"hourly"_s, hourly}};
}

Core::KeyActivityReport keyActivityFromJson(const QJsonObject &o)
{
    Core::KeyActivityReport a;
    a.keyId = idFromJson(o.value("key_id"_L1));
    a.lastUsedAt = timeFromJson(o.value("last_used_at"_L1));
    a.accepted = countsFromJson(o.value("accepted"_L1).toObject());
    a.rejected = countsFromJson(o.value("rejected"_L1).toObject());
    for (const QJsonValue &v : o.value("rejected_by_code"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        a.rejectedByCode << Core::CodeCounts{c.value("code"_L1).toString(), countsFromJson(c)};
    }
    for (const QJsonValue &v : o.value("hourly"_L1).toArray()) {
        const QJsonObject h = v.toObject();
        if (const auto t = timeFromJson(h.value("t"_L1)))
            a.hourly << Core::HourlyPoint{*t, integerFromJson(h.value("accepted"_L1)),
                                          integerFromJson(h.value("rejected"_L1))};
    }
    return a;
}

QJsonObject toJson(const Core::KeyUsageReport &report)
{
    QJsonObject current = monthJson(report.currentMonth);
    current.insert(u"resets_at"_s, optionalTimeToJson(report.resetsAt));
    QJsonArray months;
    for (const Core::MonthUsage &m : report.months)
        months.append(monthJson(m));
    QJsonArray minutes;
    for (const Core::MinutePoint &m : report.minutes)
        minutes.append(QJsonObject{{u"t"_s, Core::Time::toIso(m.t)},
                                   {u"accepted"_s, m.accepted},
                                   {u"rate_limited"_s, m.rateLimited},
                                   {u"limit"_s, m.limit}});
    return {
        {u"key_id"_s, report.keyId},
        {u"plan"_s, report.plan},
        {u"limits"_s, QJsonObject{{u"per_minute"_s, report.perMinute}, {u"per_month"_s, report.perMonth}}},
        {u"current_month"_s, current},
        {u"months"_s, months},
        {u"minutes"_s, minutes}};
}

Core::KeyUsageReport keyUsageFromJson(const QJsonObject &o)
{
    Core::KeyUsageReport u;
    u.keyId = idFromJson(o.value("key_id"_L1));
    u.plan = o.value("plan"_L1).toString();
    const QJsonObject limits = o.value("limits"_L1).toObject();
    u.perMinute = integerFromJson(limits.value("per_minute"_L1));
    u.perMonth = integerFromJson(limits.value("per_month"_L1));
    const QJsonObject current = o.value("current_month"_L1).toObject();
    u.currentMonth = monthFromJson(current);
    u.resetsAt = timeFromJson(current.value("resets_at"_L1));
    for (const QJsonValue &v : o.value("months"_L1).toArray())
        u.months << monthFromJson(v.toObject());
    for (const QJsonValue &v : o.value("minutes"_L1).toArray()) {
        const QJsonObject m = v.toObject();
        if (const auto t = timeFromJson(m.value("t"_L1)))
            u.minutes << Core::MinutePoint{*t, integerFromJson(m.value("accepted"_L1)),
                                           integerFromJson(m.value("rate_limited"_L1)),
                                           integerFromJson(m.value("limit"_L1))};
    }
    return u;
}

QJsonObject toJson(const Core::RequestLogEntry &e)
{
    return {{u"at"_s, Core::Time::toIso(e.at)},
            {u"method"_s, e.method},
            {u"path"_s, e.path},
            {u"status"_s, e.status},
            {u"code"_s, e.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.code)},
            {u"latency_ms"_s, e.latencyMs},
            {u"request_id"_s, e.requestId}};
}

Core::RequestLogEntry requestLogEntryFromJson(const QJsonObject &o)
{
    Core::RequestLogEntry e;
    e.at = timeFromJson(o.value("at"_L1)).value_or(0);
    e.method = o.value("method"_L1).toString();
    e.path = o.value("path"_L1).toString();
    e.status = int(integerFromJson(o.value("status"_L1)));
    e.code = o.value("code"_L1).toString();
    e.latencyMs = o.value("latency_ms"_L1).toDouble();
    e.requestId = o.value("request_id"_L1).toString();
    return e;
}

QJsonObject toJson(const Core::RequestLogPage &page)
{
    QJsonArray data;
    for (const Core::RequestLogEntry &e : page.entries)
        data.append(toJson(e));
    return {{u"data"_s, data}, {u"page"_s, 1}, {u"per_page"_s, page.perPage}, {u"total"_s, page.total}};
}

Core::RequestLogPage requestLogPageFromJson(const QJsonObject &o)
{
    Core::RequestLogPage page;
    for (const QJsonValue &v : o.value("data"_L1).toArray())
        page.entries << requestLogEntryFromJson(v.toObject());
    page.perPage = int(integerFromJson(o.value("per_page"_L1)));
    page.total = integerFromJson(o.value("total"_L1));
    return page;
}

} // namespace Wire
