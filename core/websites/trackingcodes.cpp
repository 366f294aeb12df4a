#include "trackingcodes.h"

#include "core/model/clock.h"
#include "core/storage/websiterepository.h"

namespace Core {

std::optional<TrackingCodes::Site> TrackingCodes::find(const QString &trackingCode)
{
    const qint64 now = m_clock.nowMs();
    const auto it = m_entries.constFind(trackingCode);
    if (it != m_entries.cend()) {
        const qint64 ttl = it->site.websiteId.isEmpty() ? UnknownTtlMs : KnownTtlMs;
        const qint64 age = now - it->fetchedAtMs;
        if (age >= 0 && age < ttl)
            return it->site.websiteId.isEmpty() ? std::nullopt : std::optional<Site>(it->site);
    }
    if (m_entries.size() >= MaxEntries)
        m_entries.clear();
    const auto website = WebsiteRepository(m_db).findByTrackingCode(trackingCode);
    Site site;
    if (website) {
        site.websiteId = website->id;
        // Stored canonical; a damaged value excludes nothing rather than stopping ingest.
        site.excluded = AddressList::fromText(website->excludedIps).value_or(AddressList());
    }
    m_entries.insert(trackingCode, {site, now});
    return website ? std::optional<Site>(site) : std::nullopt;
}

} // namespace Core
