#pragma once

#include "core/model/reports.h"

#include <QString>

namespace Core {

class Clock;
class Database;
class KeyAuthCache;
class KeyBookkeeping;

// What the admin API shows about one personal API key's use of the external API
// (api-contract section 5: /keys/{id}/activity, /usage, /requests), read from the books
// the external API keeps. Each report flushes the books first, so it includes every
// request answered so far. The admin routes check the caller may see the key.
class KeyReports final
{
public:
    KeyReports(const Database &db, KeyBookkeeping &books, KeyAuthCache &cache, const Clock &clock)
        : m_db(db), m_books(books), m_cache(cache), m_clock(clock)
    {}

    KeyActivityReport activity(const QString &keyId, int hours);
    KeyUsageReport usage(const QString &keyId, int minutes);
    RequestLogPage requests(const QString &keyId, int limit);

private:
    const Database &m_db;
    KeyBookkeeping &m_books;
    KeyAuthCache &m_cache;
    const Clock &m_clock;
};

} // namespace Core
