#pragma once

#include "core/model/actor.h"
#include "core/model/auditentry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Core {

class Clock;
class Database;

// The security audit trail, stored in the database. record() writes on the calling
// thread's connection, so inside a Transaction it commits (or rolls back) with the
// change it describes.
class AuditLog final
{
public:
    AuditLog(const Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    void record(const Actor &actor, const QString &action, const QString &targetType, const QString &targetId,
                const QJsonObject &details = {}) const;
    // Newest first.
    QList<AuditEntry> list(int offset, int limit) const;
    qint64 count() const;

private:
    const Database &m_db;
    const Clock &m_clock;
};

// A short, non-reversible tag for an email that matches no account (first 16 hex
// digits of SHA-256 of the lower-cased address), so failed sign-ins can be correlated
// without storing what was typed (which is sometimes a password).
QString emailTag(const QString &email);

} // namespace Core
