#include "keyactivity.h"

#include "core/model/timeutil.h"
#include "core/storage/database.h"

#include <QJsonArray>

namespace Core {

namespace {
constexpr qint64 HourMs = 3'600'000;

QJsonValue isoOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(Time::toIso(v.toLongLong()));
}
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

QJsonObject KeyActivity::activityReport(const Database &db, const QString &keyId, qint64 nowMs, int hours)
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
    qint64 acc[3] = {0, 0, 0}, rej[3] = {0, 0, 0};
    QJsonArray byCode;
    while (q.next()) {
        const QString code = q.value(0).toString();
        const qint64 v[3] = {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()};
        qint64 *target = code.isEmpty() ? acc : rej;
        for (int i = 0; i < 3; ++i)
            target[i] += v[i];
        if (!code.isEmpty())
            byCode.append(QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("last_24h"), v[0]},
                                      {QStringLiteral("last_7d"), v[1]},
                                      {QStringLiteral("all_time"), v[2]}});
    }
    auto triple = [](const qint64 *v) {
        return QJsonObject{{QStringLiteral("last_24h"), v[0]},
                           {QStringLiteral("last_7d"), v[1]},
                           {QStringLiteral("all_time"), v[2]}};
    };

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
    QJsonArray hourly;
    for (qint64 h = firstHour; h <= thisHour; h += HourMs) {
        const auto v = perHour.value(h);
        hourly.append(QJsonObject{{QStringLiteral("t"), Time::toIso(h)},
                                  {QStringLiteral("accepted"), v.first},
                                  {QStringLiteral("rejected"), v.second}});
    }

    Statement last = db.prepare(QStringLiteral("SELECT last_used_at FROM api_keys WHERE id = ?"));
    last.addBindValue(keyId);
    exec(last);
    return QJsonObject{
        {QStringLiteral("key_id"), keyId},
        {QStringLiteral("last_used_at"), last.next() ? isoOrNull(last.value(0)) : QJsonValue()},
        {QStringLiteral("accepted"), triple(acc)},
        {QStringLiteral("rejected"), triple(rej)},
        {QStringLiteral("rejected_by_code"), byCode},
        {QStringLiteral("hourly"), hourly}};
}

QJsonObject KeyActivity::requestsReport(const Database &db, const QString &keyId, int limit)
{
    Statement q = db.prepare(QStringLiteral(
        "SELECT at, method, path, status, code, latency_us, request_id FROM key_requests WHERE key_id = ? "
        "ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(keyId);
    q.addBindValue(limit);
    exec(q);
    QJsonArray data;
    while (q.next()) {
        data.append(QJsonObject{
            {QStringLiteral("at"), Time::toIso(q.value(0).toLongLong())},
            {QStringLiteral("method"), q.value(1).toString()},
            {QStringLiteral("path"), q.value(2).toString()},
            {QStringLiteral("status"), q.value(3).toInt()},
            {QStringLiteral("code"), q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString())},
            {QStringLiteral("latency_ms"), double(q.value(5).toLongLong()) / 1000.0},
            {QStringLiteral("request_id"), q.value(6).toString()},
        });
    }
    Statement count = db.prepare(QStringLiteral("SELECT COUNT(*) FROM key_requests WHERE key_id = ?"));
    count.addBindValue(keyId);
    exec(count);
    return QJsonObject{{QStringLiteral("data"), data},
                       {QStringLiteral("page"), 1},
                       {QStringLiteral("per_page"), limit},
                       {QStringLiteral("total"), count.next() ? count.value(0).toLongLong() : 0}};
}

} // namespace Core
