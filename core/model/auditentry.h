#pragma once

#include <QJsonObject>
#include <QString>

namespace Core {

// One row of the security audit trail (core/audit/auditlog.h writes and reads them).
struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    QString action; // "setup", "login.failed", "key.created", ...
    QString actorUserId;
    QString ip;
    QString targetType; // "user", "team", "key", ...
    QString targetId;
    QJsonObject details; // never a password, token or full key
};

} // namespace Core
