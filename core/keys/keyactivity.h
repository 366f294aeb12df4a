#pragma once

#include "core/model/reports.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace Core {

class Database;

// What each external API request of a known key did, aggregated in memory (per key:
// hourly accepted/rejected counts by error code, last use, a log of recent requests)
// and written in batches by KeyBookkeeping — never a database write per request.
class KeyActivity final
{
public:
    struct RequestRecord
    {
        QString keyId;
        qint64 atMs = 0;
        QByteArray method;
        QString path;
        int status = 0;
        QByteArray code; // empty for accepted responses
        qint64 latencyUs = 0;
        QByteArray requestId;
    };
    struct Pending
    {
        QHash<QString, QHash<qint64, QHash<QByteArray, qint64>>> hourly; // key -> hour -> code -> count
        QHash<QString, qint64> lastUsed;
        QList<RequestRecord> requests;
        bool isEmpty() const { return hourly.isEmpty() && lastUsed.isEmpty() && requests.isEmpty(); }
    };

    static constexpr int KeptRequestsPerKey = 200;
    static constexpr int MaxPendingRequests = 20'000;

    KeyActivity() = default;
    Q_DISABLE_COPY_MOVE(KeyActivity)

    void record(const RequestRecord &r);
    Pending takePending();
    void restore(Pending pending);
    // Writes inside the caller's transaction; trims each touched key's request log.
    static void write(const Database &db, const Pending &pending);

    // Reports for the admin API (read what has been written: flush first).
    static KeyActivityReport activityReport(const Database &db, const QString &keyId, qint64 nowMs,
                                            int hours);
    static RequestLogPage requestsReport(const Database &db, const QString &keyId, int limit);

private:
    mutable QMutex m_mutex;
    Pending m_pending;
};

} // namespace Core
