#pragma once

#include "core/model/reports.h"

#include <QString>

namespace Server {

// What the admin API shows about one personal API key's use of the external API
// (api-contract section 5: /keys/{id}/activity, /usage, /requests). Implemented by the
// external API, which keeps the books; the admin routes check ownership first.
class KeyReports
{
public:
    virtual ~KeyReports() = default;
    virtual Core::KeyActivityReport activity(const QString &keyId, int hours) = 0;
    virtual Core::KeyUsageReport usage(const QString &keyId, int minutes) = 0;
    virtual Core::RequestLogPage requests(const QString &keyId, int limit) = 0;
};

} // namespace Server
