// GET /server/status, GET/PUT /server/plans, GET /audit
#include "adminapi.h"

#include "server/http/request.h"
#include "server/http/router.h"

#include "core/audit/auditlog.h"
#include "core/json/jsoninput.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "wire/serverstatus.h"
#include "wire/values.h"

#include <QSet>
#include <QSqlQuery>

namespace Server::Admin {

namespace {
constexpr qint64 MaxLimit = 1'000'000'000'000LL;

QJsonObject plansJson(const QList<Core::PlanLimits> &plans)
{
    QJsonArray data;
    for (const auto &p : plans)
        data.append(Wire::toJson(p));
    return {{QStringLiteral("data"), data},
            {QStringLiteral("page"), 1},
            {QStringLiteral("per_page"), data.size()},
            {QStringLiteral("total"), data.size()}};
}

// {"data": [{"plan", "per_minute", "per_month"}, ...]}: the plans listed are changed,
// others keep their limits. Wrong JSON types -> 400; rule violations -> 422 naming
// "data[i].field".
QList<Core::PlanLimits> parsePlans(const QJsonObject &body)
{
    const QJsonValue data = body.value(QStringLiteral("data"));
    if (!data.isArray())
        Core::JsonInput::throwWrongType(QStringLiteral("data"), QStringLiteral("an array of plan limits"));
    QList<Core::PlanLimits> out;
    QMap<QString, QString> details;
    QSet<QString> seen;
    const QJsonArray items = data.toArray();
    if (items.isEmpty())
        details.insert(QStringLiteral("data"), QStringLiteral("List at least one plan"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("data[%1]").arg(i);
        if (!items[i].isObject())
            Core::JsonInput::throwWrongType(at, QStringLiteral("an object"));
        const QJsonObject o = items[i].toObject();
        const QJsonValue planValue = o.value(QStringLiteral("plan"));
        if (!planValue.isString() && !planValue.isUndefined() && !planValue.isNull())
            Core::JsonInput::throwWrongType(at + QStringLiteral(".plan"), QStringLiteral("a string"));
        const auto plan = Core::planFromName(planValue.toString());
        std::optional<qint64> perMinute;
        std::optional<qint64> perMonth;
        for (auto &[name, value] : {std::pair{QStringLiteral("per_minute"), &perMinute},
                                    std::pair{QStringLiteral("per_month"), &perMonth}}) {
            try {
                *value = Core::JsonInput::optionalInteger(o, name);
            } catch (const Core::ServiceError &) {
                Core::JsonInput::throwWrongType(at + QLatin1Char('.') + name,
                                                QStringLiteral("a whole number"));
            }
        }
        if (!plan)
            details.insert(at + QStringLiteral(".plan"),
                           QStringLiteral("Plan must be free, pro, scale or enterprise"));
        else if (seen.contains(Core::planName(*plan)))
            details.insert(at + QStringLiteral(".plan"), QStringLiteral("Plan listed twice"));
        for (const auto &[name, value] : {std::pair{QStringLiteral("per_minute"), perMinute},
                                          std::pair{QStringLiteral("per_month"), perMonth}}) {
            if (!value)
                details.insert(at + QLatin1Char('.') + name, QStringLiteral("Required"));
            else if (*value < 0 || *value > MaxLimit)
                details.insert(at + QLatin1Char('.') + name,
                               QStringLiteral("Must be a whole number from 0 to %1").arg(MaxLimit));
        }
        if (plan) {
            seen.insert(Core::planName(*plan));
            out.append({*plan, perMinute.value_or(0), perMonth.value_or(0)});
        }
    }
    if (!details.isEmpty())
        throw Core::ServiceError::validation(details);
    return out;
}
} // namespace

void registerServerRoutes(Router &router, const std::shared_ptr<AdminApi> &api)
{
    AppContext &ctx = api->ctx;
    ctx.status.add(Wire::StatusField::Version, [] { return QStringLiteral(ZENOVAY_VERSION); });
    ctx.status.add(Wire::StatusField::StartedAt, [&ctx] { return Core::Time::toIso(ctx.startedAtMs); });
    ctx.status.add(Wire::StatusField::UptimeSeconds,
                   [&ctx] { return qMax<qint64>(0, (ctx.clock.nowMs() - ctx.startedAtMs) / 1000); });
    ctx.status.add(Wire::StatusField::Database, [&ctx] {
        return Wire::toJson(
            Wire::DatabaseStatus{ctx.db.filePath(), ctx.db.fileSizeBytes(), ctx.db.schemaVersion()});
    });
    ctx.status.add(Wire::StatusField::EventsStored, [&ctx] {
        Core::Statement q = ctx.db.prepare(QStringLiteral("SELECT COUNT(*) FROM events"));
        Core::exec(q);
        return q.next() ? q.value(0).toLongLong() : 0;
    });

    router.add(signedIn("GET", QStringLiteral("/server/status")), [api](Request &request) {
        QJsonObject status = api->ctx.status.build();
        const QUrl &configured = api->ctx.config.publicUrl;
        status.insert(Wire::StatusField::PublicUrl,
                      !configured.isEmpty()
                          ? configured.toString()
                          : QString::fromLatin1(request.scheme + "://" +
                                                (request.host.isEmpty() ? "localhost" : request.host)));
        status.insert(Wire::StatusField::PublicUrlSource,
                      configured.isEmpty() ? QStringLiteral("request") : QStringLiteral("config"));
        return HttpResponse::json(200, status);
    });

    router.add(signedIn("GET", QStringLiteral("/server/plans")),
               [api](Request &) { return HttpResponse::json(200, plansJson(api->plans.list())); });

    router.add(signedIn("PUT", QStringLiteral("/server/plans")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session); // before the body is read: its errors are for admins
        const QList<Core::PlanLimits> changes = parsePlans(request.jsonObject());
        return HttpResponse::json(200, plansJson(api->plans.update(session.actor, changes)));
    });

    router.add(signedIn("GET", QStringLiteral("/audit")), [api](Request &request) {
        const Session &session = sessionOf(request);
        requireServerAdmin(session);
        const Params::Page page = Params::page(request);
        const Core::AuditLog audit(api->ctx.db, api->ctx.clock);
        QJsonArray data;
        for (const auto &e : audit.list((page.page - 1) * page.perPage, page.perPage))
            data.append(Wire::toJson(e));
        return HttpResponse::jsonBytes(200, Params::pageEnvelope(data, page, audit.count()));
    });
}

} // namespace Server::Admin
