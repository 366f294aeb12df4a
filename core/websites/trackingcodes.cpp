#include "trackingcodes.h"

#include "core/model/clock.h"
#include "core/storage/websiterepository.h"

namespace Core {

std::optional<QString> TrackingCodes::websiteIdFor(const QString &trackingCode)
{
    const qint64 now = m_clock.nowMs();
    const auto it = m_entries.constFind(trackingCode);
    if (it != m_entries.cend()) {
        const qint64 ttl = it->websiteId.isEmpty() ? UnknownTtlMs : KnownTtlMs;
        const qint64 age = now - it->fetchedAtMs;
        if (age >= 0 && age < ttl)
            return it->websiteId.isEmpty() ? std::nullopt : std::optional<QString>(it->websiteId);
    }
    if (m_entries.size() >= MaxEntries)
        m_entries.clear();
    const auto website = WebsiteRepository(m_db).findByTrackingCode(trackingCode);
    m_entries.insert(trackingCode, {website ? website->id : QString(), now});
    return website ? std::optional<QString>(website->id) : std::nullopt;
}

} // namespace Core
