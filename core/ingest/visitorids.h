#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace Core {

class Clock;
class Database;

// Daily visitor ids (api-contract section 9). A visitor id is a keyed hash (BLAKE2b,
// 16 bytes) of (website, client address, user agent) under a random 32-byte salt of the
// current UTC day: the same person in three tabs is one visitor, a different website or
// another day gives an unrelated id, and nothing stored leads back to the address.
//
// Salts are kept in visitor_salts so a restart keeps the day's ids (and every server
// process on one database agrees on them); a salt is deleted two days after its day,
// which also makes yesterday's ids unlinkable to today's.
//
// The request path does not wait on the database: prepare() (at start-up) makes and loads
// today's and tomorrow's salts, and the first id of a new day loads the next one. Only a
// day whose salt could never be loaded makes the database a condition of ingest.
// Thread-safe.
class VisitorIds final
{
public:
    static constexpr qsizetype Bytes = 16;

    VisitorIds(const Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // Makes and loads the salts of today and tomorrow, deletes those older than
    // yesterday. Throws StorageError.
    void prepare();

    // The id of a visitor seen at `address` (its canonical text) with `userAgent`.
    QByteArray forAddress(const QString &websiteId, const QString &address, const QString &userAgent);
    // When no client address is known (events a backend sends with an API key): the
    // session is the visitor, under the same daily salt.
    QByteArray forSession(const QString &websiteId, const QString &sessionId);

private:
    QByteArray hash(const QString &websiteId, char kind, const QString &a, const QString &b);
    QByteArray saltOfToday();
    // With m_mutex held.
    void load(qint64 day);

    const Database &m_db;
    const Clock &m_clock;
    QMutex m_mutex;
    QHash<qint64, QByteArray> m_salts; // day start -> salt: today and tomorrow
    qint64 m_retryAt = 0;             // after a failed load of tomorrow's salt
};

} // namespace Core
