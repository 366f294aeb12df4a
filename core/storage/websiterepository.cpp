#include "websiterepository.h"

#include "database.h"

#include <QRandomGenerator>

namespace Core {

namespace {
const QString Columns = QStringLiteral("id, team_id, name, url, domain, tracking_code, created_at, excluded_ips");

Website fromRow(const QSqlQuery &q)
{
    Website w;
    w.id = q.value(0).toString();
    w.teamId = q.value(1).toString();
    w.name = q.value(2).toString();
    w.url = q.value(3).toString();
    w.domain = q.value(4).toString();
    w.trackingCode = q.value(5).toString();
    w.createdAt = q.value(6).toLongLong();
    w.excludedIps = q.value(7).toString();
    return w;
}

// "" for a null string: the column is NOT NULL.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// "?, ?, ?" for n placeholders; the values themselves are always bound.
QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}
} // namespace

QString newTrackingCode()
{
    static constexpr char Alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32, no 0/O/1/I
    QString code = QStringLiteral("ZV-");
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < 12; ++i)
        code += QLatin1Char(Alphabet[rng->bounded(32)]);
    return code;
}

void WebsiteRepository::insert(const Website &w)
{
    run(m_db,
        QStringLiteral("INSERT INTO websites (") + Columns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        w.id, w.teamId, w.name, w.url, w.domain, w.trackingCode, w.createdAt, notNull(w.excludedIps));
}

std::optional<Website> WebsiteRepository::findById(const QString &id) const
{
    return firstRow(
        run(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM websites WHERE id = ?"), id),
        fromRow);
}

std::optional<Website> WebsiteRepository::findByTrackingCode(const QString &code) const
{
    return firstRow(
        run(m_db,
            QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM websites WHERE tracking_code = ?"),
            code),
        fromRow);
}

QList<Website> WebsiteRepository::listForTeams(const QStringList &teamIds, int offset, int limit) const
{
    if (teamIds.isEmpty())
        return {};
    Statement q = m_db.prepare(
        QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM websites WHERE team_id IN (") +
        placeholders(teamIds.size()) + QStringLiteral(") ORDER BY created_at DESC, id LIMIT ? OFFSET ?"));
    for (const QString &t : teamIds)
        q.addBindValue(t);
    q.addBindValue(limit);
    q.addBindValue(offset);
    exec(q);
    QList<Website> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

qint64 WebsiteRepository::countForTeams(const QStringList &teamIds) const
{
    if (teamIds.isEmpty())
        return 0;
    Statement q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM websites WHERE team_id IN (") +
                               placeholders(teamIds.size()) + QStringLiteral(")"));
    for (const QString &t : teamIds)
        q.addBindValue(t);
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool WebsiteRepository::update(const Website &w)
{
    Statement q = run(m_db,
                      QStringLiteral("UPDATE websites SET name = ?, url = ?, domain = ?, excluded_ips = ? WHERE id = ?"),
                      w.name, w.url, w.domain, notNull(w.excludedIps), w.id);
    return q.numRowsAffected() > 0;
}

bool WebsiteRepository::remove(const QString &id)
{
    Statement q = run(m_db, QStringLiteral("DELETE FROM websites WHERE id = ?"), id);
    const bool removed = q.numRowsAffected() > 0;
    // The website's events and everything derived from them (analytics rollups, filtered
    // ones included, session state, ingest statistics).
    for (const char *table : {"events", "rollup_buckets", "rollup_dimensions", "rollup_dimension_spans",
                              "filtered_buckets", "filtered_dimensions", "session_state", "ingest_stats"}) {
        Statement ev =
            m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE website_id = ?").arg(QLatin1String(table)));
        ev.addBindValue(id);
        exec(ev);
    }
    return removed;
}

} // namespace Core
