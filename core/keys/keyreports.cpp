#include "keyreports.h"

#include "keyactivity.h"
#include "keyauthcache.h"
#include "keybookkeeping.h"

#include "core/model/clock.h"

namespace Core {

KeyActivityReport KeyReports::activity(const QString &keyId, int hours)
{
    const qint64 now = m_clock.nowMs();
    m_books.flush(now);
    return KeyActivity::activityReport(m_db, keyId, now, hours);
}

KeyUsageReport KeyReports::usage(const QString &keyId, int minutes)
{
    // The limits of the key's billing team as of now (free when it has none).
    const auto principal = m_cache.loadById(keyId);
    const PlanLimits limits = principal ? principal->limits : PlanLimits{};
    return m_books.usageReport(keyId, limits, m_clock.nowMs(), minutes);
}

RequestLogPage KeyReports::requests(const QString &keyId, int limit)
{
    m_books.flush(m_clock.nowMs());
    return KeyActivity::requestsReport(m_db, keyId, limit);
}

} // namespace Core
