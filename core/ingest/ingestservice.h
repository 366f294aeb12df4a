#pragma once

#include "core/model/serviceerror.h"
#include "core/websites/addresslist.h"
#include "visitorids.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <memory>
#include <optional>

namespace Core {

class Clock;
class CountryLookup;
struct TrackedEvent;
class Database;
class EventPipeline;

// Ingest for a website the caller has already resolved and authorised (a tracking
// code for POST /e/{code}, an API key's reach for POST /api/external/v1/events):
// validation, bot filtering, durable acceptance, and the accepted/dropped statistics.
// Nothing is dropped silently: every event that is not stored is counted with a reason.
class IngestService final
{
public:
    static constexpr qsizetype MaxBatch = 500;

    enum class Status { Accepted, Dropped, Rejected };
    // Why an event was not stored; every reason is counted per website and hour, and
    // shows in the ingest statistics under its name ("bot", "invalid", "rate_limited",
    // "invalid_json", "excluded": from one of the website's excluded_ips).
    enum class DropReason { Bot, Invalid, RateLimited, InvalidJson, Excluded };
    static QString reasonName(DropReason reason);
    // "client_ip" of an event a backend sends: its canonical text ("2001:db8::1",
    // IPv4-mapped IPv6 as IPv4), an empty string when absent, nullopt when malformed.
    static std::optional<QString> clientIpOf(const QJsonObject &json);
    struct ItemResult
    {
        Status status = Status::Accepted;
        QString reason;                    // Dropped: "bot"
        std::optional<ServiceError> error; // Rejected
    };

    IngestService(EventPipeline &pipeline, const Database &db, const Clock &clock)
        : m_pipeline(pipeline), m_db(db), m_clock(clock), m_visitorIds(db, clock)
    {}

    // One event. Returns Accepted or Dropped (bot); throws ServiceError for an invalid
    // event (counted as dropped "invalid") and StorageError when it cannot be made
    // durable (nothing was accepted). clientAddress (canonical text) is the visitor's,
    // when known (the tracker's requests): the visitor id is made from it and the user
    // agent, and the address itself is not kept. Without one the session is the visitor.
    // An event from one of the website's excluded addresses is dropped ("excluded")
    // before anything else.
    ItemResult ingest(const QString &websiteId, const QJsonObject &json, const QString &keyId = {},
                      const QString &clientAddress = {}, const AddressList &excluded = {});
    // Up to MaxBatch events, appended to the journal in one write. Per-item results in
    // input order. Throws ServiceError InvalidArgument for an empty or oversized batch.
    // Batches come from backends with an API key: an event's optional "client_ip" (the
    // visitor's address, as the backend saw it) gives its visitor id and country;
    // without one the session is the visitor.
    QList<ItemResult> ingestBatch(const QString &websiteId, const QJsonArray &items, const QString &keyId = {},
                                  const AddressList &excluded = {});
    static QJsonObject batchResultJson(const QList<ItemResult> &results);

    // Loads (making them when needed) the visitor salts of today and tomorrow, so that
    // ingest does not wait on the database for them. Throws StorageError.
    void prepareVisitorIds() { m_visitorIds.prepare(); }
    // [geoip] database: from then on every event gets its client address's country
    // ("XX" when unknown or no address is known). Null: no countries.
    void setCountryLookup(std::shared_ptr<const CountryLookup> lookup) { m_countries = std::move(lookup); }

    // Counts an event the HTTP layer refused before validation (the per-address rate
    // limit, an unparsable body), so all drops are counted here, under one set of names.
    void countDropped(const QString &websiteId, DropReason reason);

    // {"website_id", "last_24h"|"last_7d"|"all_time": {"accepted", "dropped",
    // "dropped_by_reason": {reason: n}}}; windows are whole UTC hours ending with the current one.
    QJsonObject statsJson(const QString &websiteId) const;
    // Events accepted with the key since the given time (hour-aligned).
    qint64 acceptedForKey(const QString &keyId, qint64 sinceMs) const;

private:
    // The visitor id and country of an accepted event (clientAddress: canonical, or empty).
    void identify(TrackedEvent &e, const QString &clientAddress);

    EventPipeline &m_pipeline;
    const Database &m_db;
    const Clock &m_clock;
    VisitorIds m_visitorIds;
    std::shared_ptr<const CountryLookup> m_countries;
};

} // namespace Core
