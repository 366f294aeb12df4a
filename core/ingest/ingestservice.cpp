#include "ingestservice.h"

#include "botdetector.h"
#include "countrylookup.h"
#include "core/model/clock.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "eventpipeline.h"
#include "eventvalidator.h"

#include <QLoggingCategory>

#include <limits>

Q_DECLARE_LOGGING_CATEGORY(lcIngest)

namespace Core {

namespace {
const QString ClientIpProblem = QStringLiteral("Must be the visitor's IPv4 or IPv6 address");
const QString Bot = IngestService::reasonName(IngestService::DropReason::Bot);
const QString Invalid = IngestService::reasonName(IngestService::DropReason::Invalid);
const QString Excluded = IngestService::reasonName(IngestService::DropReason::Excluded);

// The event's error, with client_ip's among the field errors when it is malformed too (every
// failing field at once).
ServiceError withClientIpProblem(const std::variant<TrackedEvent, ServiceError> &parsed, bool clientIpOk)
{
    const ServiceError *error = std::get_if<ServiceError>(&parsed);
    if (clientIpOk)
        return *error;
    if (error && error->kind() != ServiceError::Kind::Validation)
        return *error;
    QMap<QString, QString> details = error ? error->details() : QMap<QString, QString>();
    details.insert(QStringLiteral("client_ip"), ClientIpProblem);
    return ServiceError::validation(std::move(details));
}

QJsonObject errorJson(const ServiceError &e)
{
    QJsonObject details;
    for (auto it = e.details().cbegin(); it != e.details().cend(); ++it)
        details.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("code"), QString::fromLatin1(e.code())},
                       {QStringLiteral("error"), e.message()},
                       {QStringLiteral("details"), details}};
}
} // namespace

IngestService::ItemResult IngestService::ingest(const QString &websiteId, const QJsonObject &json,
                                                const QString &keyId, const QString &clientAddress,
                                                const AddressList &excluded)
{
    // The tracker's events are identified by the request's address, whatever they say; an
    // API caller (a backend) may name the visitor's.
    const std::optional<QString> given =
        keyId.isEmpty() || !clientAddress.isEmpty() ? std::optional<QString>(QString()) : clientIpOf(json);
    const QString address = clientAddress.isEmpty() ? given.value_or(QString())
                                                    : AddressList::canonical(clientAddress).value_or(clientAddress);
    if (excluded.contains(address)) {
        m_pipeline.countDropped(websiteId, Excluded);
        return {Status::Dropped, Excluded, std::nullopt};
    }
    auto parsed = EventValidation::parse(json, websiteId, m_clock.nowMs());
    if (std::holds_alternative<ServiceError>(parsed) || !given) {
        m_pipeline.countDropped(websiteId, Invalid);
        throw withClientIpProblem(parsed, given.has_value());
    }
    TrackedEvent &e = std::get<TrackedEvent>(parsed);
    if (BotDetector::match(e.userAgent)) {
        m_pipeline.countDropped(websiteId, Bot);
        return {Status::Dropped, Bot, std::nullopt};
    }
    e.keyId = keyId;
    identify(e, address);
    QList<TrackedEvent> one;
    one.append(std::move(e));
    m_pipeline.submit(std::move(one));
    return {};
}

QList<IngestService::ItemResult> IngestService::ingestBatch(const QString &websiteId, const QJsonArray &items,
                                                            const QString &keyId, const AddressList &excluded)
{
    if (items.isEmpty() || items.size() > MaxBatch)
        throw ServiceError(ServiceError::Kind::InvalidArgument, "INVALID_PARAMETER",
                           QStringLiteral("Invalid parameter 'events': must hold 1 to %1 events, not %2")
                               .arg(MaxBatch)
                               .arg(items.size()),
                           {{QStringLiteral("parameter"), QStringLiteral("events")}});
    const qint64 now = m_clock.nowMs();
    QList<ItemResult> results(items.size());
    QList<TrackedEvent> accepted;
    qint64 invalid = 0, bots = 0, excludedCount = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            results[i] = {
                Status::Rejected,
                {},
                ServiceError(ServiceError::Kind::InvalidArgument, "INVALID_PARAMETER",
                             QStringLiteral("Invalid parameter 'events[%1]': must be an object").arg(i),
                             {{QStringLiteral("parameter"), QStringLiteral("events[%1]").arg(i)}})};
            ++invalid;
            continue;
        }
        const QJsonObject json = items.at(i).toObject();
        const std::optional<QString> address = clientIpOf(json);
        if (address && excluded.contains(*address)) {
            results[i] = {Status::Dropped, Excluded, std::nullopt};
            ++excludedCount;
            continue;
        }
        auto parsed = EventValidation::parse(json, websiteId, now);
        if (std::holds_alternative<ServiceError>(parsed) || !address) {
            results[i] = {Status::Rejected, {}, withClientIpProblem(parsed, address.has_value())};
            ++invalid;
            continue;
        }
        TrackedEvent &e = std::get<TrackedEvent>(parsed);
        if (BotDetector::match(e.userAgent)) {
            results[i] = {Status::Dropped, Bot, std::nullopt};
            ++bots;
            continue;
        }
        e.keyId = keyId;
        identify(e, *address);
        accepted.append(std::move(e));
    }
    m_pipeline.submit(std::move(accepted)); // one journal write for the whole batch
    if (invalid)
        m_pipeline.countDropped(websiteId, Invalid, invalid);
    if (bots)
        m_pipeline.countDropped(websiteId, Bot, bots);
    if (excludedCount)
        m_pipeline.countDropped(websiteId, Excluded, excludedCount);
    return results;
}

void IngestService::identify(TrackedEvent &e, const QString &clientAddress)
{
    e.visitorId = clientAddress.isEmpty() ? m_visitorIds.forSession(e.websiteId, e.sessionId)
                                          : m_visitorIds.forAddress(e.websiteId, clientAddress, e.userAgent);
    if (m_countries)
        e.country = clientAddress.isEmpty() ? QString(CountryLookup::Unknown) : m_countries->countryOf(clientAddress);
}

std::optional<QString> IngestService::clientIpOf(const QJsonObject &json)
{
    const QJsonValue v = json.value(QLatin1String("client_ip"));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return std::nullopt;
    return AddressList::canonical(v.toString().trimmed());
}

QJsonObject IngestService::batchResultJson(const QList<ItemResult> &results)
{
    QJsonArray items;
    qint64 accepted = 0, dropped = 0, rejected = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const ItemResult &r = results.at(i);
        QJsonObject item{{QStringLiteral("index"), i}};
        switch (r.status) {
        case Status::Accepted:
            ++accepted;
            item.insert(QStringLiteral("status"), QStringLiteral("accepted"));
            break;
        case Status::Dropped:
            ++dropped;
            item.insert(QStringLiteral("status"), QStringLiteral("dropped"));
            item.insert(QStringLiteral("reason"), r.reason);
            break;
        case Status::Rejected:
            ++rejected;
            item.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            const QJsonObject error = errorJson(*r.error);
            for (auto it = error.begin(); it != error.end(); ++it)
                item.insert(it.key(), it.value());
            break;
        }
        items.append(item);
    }
    return QJsonObject{{QStringLiteral("accepted"), accepted},
                       {QStringLiteral("dropped"), dropped},
                       {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("results"), items}};
}

QString IngestService::reasonName(DropReason reason)
{
    switch (reason) {
    case DropReason::Bot:
        return QStringLiteral("bot");
    case DropReason::Invalid:
        return QStringLiteral("invalid");
    case DropReason::RateLimited:
        return QStringLiteral("rate_limited");
    case DropReason::InvalidJson:
        return QStringLiteral("invalid_json");
    case DropReason::Excluded:
        return QStringLiteral("excluded");
    }
    Q_UNREACHABLE();
}

void IngestService::countDropped(const QString &websiteId, DropReason reason)
{
    m_pipeline.countDropped(websiteId, reasonName(reason));
}

QJsonObject IngestService::statsJson(const QString &websiteId) const
{
    const qint64 hour = Time::startOfHour(m_clock.nowMs());
    struct Window
    {
        const char *name;
        qint64 since;
    };
    const Window windows[] = {{"last_24h", hour - 23 * 3'600'000LL},
                              {"last_7d", hour - (7 * 24 - 1) * 3'600'000LL},
                              {"all_time", std::numeric_limits<qint64>::min()}};
    QJsonObject out{{QStringLiteral("website_id"), websiteId},
                    {QStringLiteral("generated_at"), Time::toIso(m_clock.nowMs())}};
    Statement q = m_db.prepare(QStringLiteral("SELECT outcome, SUM(count) FROM ingest_stats WHERE website_id "
                                              "= ? AND hour_start >= ? GROUP BY outcome"));
    for (const Window &w : windows) {
        q.bindValue(0, websiteId);
        q.bindValue(1, w.since);
        exec(q);
        qint64 accepted = 0, dropped = 0;
        QJsonObject byReason;
        while (q.next()) {
            const QString outcome = q.value(0).toString();
            const qint64 n = q.value(1).toLongLong();
            if (outcome == QLatin1String("accepted")) {
                accepted += n;
            } else {
                dropped += n;
                byReason.insert(outcome, n);
            }
        }
        out.insert(QLatin1String(w.name), QJsonObject{{QStringLiteral("accepted"), accepted},
                                                      {QStringLiteral("dropped"), dropped},
                                                      {QStringLiteral("dropped_by_reason"), byReason}});
    }
    return out;
}

qint64 IngestService::acceptedForKey(const QString &keyId, qint64 sinceMs) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(accepted), 0) FROM key_ingest_stats WHERE key_id = ? AND hour_start >= ?"));
    q.addBindValue(keyId);
    q.addBindValue(Time::startOfHour(sinceMs));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Core
