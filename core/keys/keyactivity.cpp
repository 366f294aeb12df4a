#include "keyactivity.h"

#include "core/model/timeutil.h"
#include "core/storage/database.h"

namespace Core {

namespace {
constexpr qint64 HourMs = 3'600'000;
} // namespace

void KeyActivity::record(const RequestRecord &r)
{
    QMutexLocker lock(&m_mutex);
    m_pending.hourly[r.keyId][Time::startOfHour(r.atMs)][r.status < 400 ? QByteArray() : r.code] += 1;
    qint64 &last = m_pending.lastUsed[r.keyId];
    last = qMax(last, r.atMs);
    // The log is a convenience; counts are what must never be lost. Bound the backlog.
    if (m_pending.requests.size() >= MaxPendingRequests)
        m_pending.requests.removeFirst();
    m_pending.requests.append(r);
}

KeyActivity::Pending KeyActivity::takePending()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_pending, {});
}

void KeyActivity::restore(Pending pending)
{
    QMutexLocker lock(&m_mutex);
    for (auto k = pending.hourly.cbegin(); k != pending.hourly.cend(); ++k)
        for (auto h = k->cbegin(); h != k->cend(); ++h)
            for (auto c = h->cbegin(); c != h->cend(); ++c)
                m_pending.hourly[k.key()][h.key()][c.key()] += c.value();
    for (auto it = pending.lastUsed.cbegin(); it != pending.lastUsed.cend(); ++it) {
        qint64 &last = m_pending.lastUsed[it.key()];
        last = qMax(last, it.value());
    }
    pending.requests.append(m_pending.requests);
    m_pending.requests = std::move(pending.requests);
    while (m_pending.requests.size() > MaxPendingRequests)
        m_pending.requests.removeFirst();
}

void KeyActivity::write(const Database &db, const Pending &pending)
{
    Statement hourly = db.prepare(QStringLiteral(
        "INSERT INTO key_activity_hourly (key_id, hour, code, count) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key_id, hour, code) DO UPDATE SET count = key_activity_hourly.count + excluded.count"));
    for (auto k = pending.hourly.cbegin(); k != pending.hourly.cend(); ++k) {
        for (auto h = k->cbegin(); h != k->cend(); ++h) {
            for (auto c = h->cbegin(); c != h->cend(); ++c) {
                hourly.bindValue(0, k.key());
                hourly.bindValue(1, h.key());
                hourly.bindValue(2, c.key().isEmpty() ? QStringLiteral("") : QString::fromLatin1(c.key()));
                hourly.bindValue(3, c.value());
                exec(hourly);
            }
        }
    }
    Statement lastUsed = db.prepare(QStringLiteral(
        "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"));
    for (auto it = pending.lastUsed.cbegin(); it != pending.lastUsed.cend(); ++it) {
        lastUsed.bindValue(0, it.value());
        lastUsed.bindValue(1, it.key());
        lastUsed.bindValue(2, it.value());
        exec(lastUsed);
    }
    Statement log = db.prepare(QStringLiteral(
        "INSERT INTO key_requests (key_id, at, method, path, status, code, latency_us, request_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    // Only the newest KeptRequestsPerKey of each key survive the trim below: the older
    // ones are not written at all (at thousands of requests a second, writing them and
    // deleting them again was most of the flush).
    QHash<QString, int> kept;
    QList<bool> keep(pending.requests.size(), false);
    for (qsizetype i = pending.requests.size() - 1; i >= 0; --i) {
        int &n = kept[pending.requests.at(i).keyId];
        if (n < KeptRequestsPerKey) {
            ++n;
            keep[i] = true;
        }
    }
    for (qsizetype i = 0; i < pending.requests.size(); ++i) {
        if (!keep.at(i))
            continue;
        const RequestRecord &r = pending.requests.at(i);
        log.bindValue(0, r.keyId);
        log.bindValue(1, r.atMs);
        log.bindValue(2, QString::fromLatin1(r.method));
        log.bindValue(3, r.path);
        log.bindValue(4, r.status);
        log.bindValue(5, r.code.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                          : QString::fromLatin1(r.code));
        log.bindValue(6, r.latencyUs);
        log.bindValue(7, QString::fromLatin1(r.requestId));
        exec(log);
    }
    Statement trim = db.prepare(
        QStringLiteral("DELETE FROM key_requests WHERE key_id = ? AND id NOT IN "
                       "(SELECT id FROM key_requests WHERE key_id = ? ORDER BY at DESC, id DESC LIMIT ?)"));
    for (auto it = pending.lastUsed.cbegin(); it != pending.lastUsed.cend(); ++it) {
        trim.bindValue(0, it.key());
        trim.bindValue(1, it.key());
        trim.bindValue(2, KeptRequestsPerKey);
        exec(trim);
    }
}

KeyActivityReport KeyActivity::activityReport(const Database &db, const QString &keyId, qint64 nowMs,
                                              int hours)
{
    const qint64 thisHour = Time::startOfHour(nowMs);
    const qint64 since24h = thisHour - 23 * HourMs;
    const qint64 since7d = thisHour - (7 * 24 - 1) * HourMs;
    Statement q =
        db.prepare(QStringLiteral("SELECT code, SUM(CASE WHEN hour >= ? THEN count ELSE 0 END), "
                                  "SUM(CASE WHEN hour >= ? THEN count ELSE 0 END), SUM(count) "
                                  "FROM key_activity_hourly WHERE key_id = ? GROUP BY code ORDER BY code"));
    q.addBindValue(since24h);
    q.addBindValue(since7d);
    q.addBindValue(keyId);
    exec(q);
    KeyActivityReport report;
    report.keyId = keyId;
    while (q.next()) {
        const QString code = q.value(0).toString();
        const PeriodCounts v{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()};
        PeriodCounts &target = code.isEmpty() ? report.accepted : report.rejected;
        target.last24h += v.last24h;
        target.last7d += v.last7d;
        target.allTime += v.allTime;
        if (!code.isEmpty())
            report.rejectedByCode.append({code, v});
    }

    const qint64 firstHour = thisHour - qint64(hours - 1) * HourMs;
    Statement series =
        db.prepare(QStringLiteral("SELECT hour, SUM(CASE WHEN code = '' THEN count ELSE 0 END), SUM(CASE "
                                  "WHEN code <> '' THEN count ELSE 0 END) "
                                  "FROM key_activity_hourly WHERE key_id = ? AND hour >= ? GROUP BY hour"));
    series.addBindValue(keyId);
    series.addBindValue(firstHour);
    exec(series);
    QHash<qint64, QPair<qint64, qint64>> perHour;
    while (series.next())
        perHour.insert(series.value(0).toLongLong(),
                       {series.value(1).toLongLong(), series.value(2).toLongLong()});
    for (qint64 h = firstHour; h <= thisHour; h += HourMs) {
        const auto v = perHour.value(h);
        report.hourly.append({h, v.first, v.second});
    }

    Statement last = db.prepare(QStringLiteral("SELECT last_used_at FROM api_keys WHERE id = ?"));
    last.addBindValue(keyId);
    exec(last);
    if (last.next() && !last.value(0).isNull())
        report.lastUsedAt = last.value(0).toLongLong();
    return report;
}

RequestLogPage KeyActivity::requestsReport(const Database &db, const QString &keyId, int limit)
{
    Statement q = db.prepare(QStringLiteral(
        "SELECT at, method, path, status, code, latency_us, request_id FROM key_requests WHERE key_id = ? "
        "ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(keyId);
    q.addBindValue(limit);
    exec(q);
    RequestLogPage page;
    page.perPage = limit;
    while (q.next()) {
        page.entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toInt(), q.value(4).isNull() ? QString() : q.value(4).toString(),
                             double(q.value(5).toLongLong()) / 1000.0, q.value(6).toString()});
    }
    Statement count = db.prepare(QStringLiteral("SELECT COUNT(*) FROM key_requests WHERE key_id = ?"));
    count.addBindValue(keyId);
    exec(count);
    page.total = count.next() ? count.value(0).toLongLong() : 0;
    return page;
}

} // namespace Core
