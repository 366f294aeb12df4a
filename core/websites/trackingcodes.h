#pragma once

#include "addresslist.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Core {

class Clock;
class Database;

// Tracking code -> website id for POST /e/{code}, without a database look-up per event:
// a known code is remembered for 10 s, an unknown one for 2 s, so a new website starts
// receiving within 2 s and a deleted one stops within 10 s. At most 100,000 codes are
// held (then the cache starts over). Not thread-safe: one per thread.
class TrackingCodes final
{
public:
    TrackingCodes(const Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}
    Q_DISABLE_COPY_MOVE(TrackingCodes)

    static constexpr qint64 KnownTtlMs = 10'000;
    static constexpr qint64 UnknownTtlMs = 2'000;
    static constexpr qsizetype MaxEntries = 100'000;

    struct Site
    {
        QString websiteId;
        AddressList excluded; // its excluded_ips
    };
    // The website of a code (with its excluded addresses, as fresh as the website), or
    // nothing for an unknown one.
    std::optional<Site> find(const QString &trackingCode);
    std::optional<QString> websiteIdFor(const QString &trackingCode)
    {
        const auto site = find(trackingCode);
        return site ? std::optional<QString>(site->websiteId) : std::nullopt;
    }

private:
    struct Entry
    {
        Site site; // websiteId empty: unknown code
        qint64 fetchedAtMs = 0;
    };
    const Database &m_db;
    const Clock &m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace Core
