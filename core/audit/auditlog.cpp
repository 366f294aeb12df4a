#include "auditlog.h"

#include "core/model/clock.h"
#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAudit, "zenovay.core.audit")

namespace Core {

namespace {
QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

void AuditLog::record(const Actor &actor, const QString &action, const QString &targetType,
                      const QString &targetId, const QJsonObject &details) const
{
    run(m_db,
        QStringLiteral("INSERT INTO audit_log (at, action, actor_user_id, ip, "
                       "target_type, target_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        m_clock.nowMs(), action, nullableText(actor.userId), nullableText(actor.ip), nullableText(targetType),
        nullableText(targetId),
        details.isEmpty()
            ? QVariant(QMetaType::fromType<QString>())
            : QVariant(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))));
    qCInfo(lcAudit).noquote() << action << "actor"
                              << (actor.userId.isEmpty() ? QStringLiteral("-") : actor.userId) << "ip"
                              << (actor.ip.isEmpty() ? QStringLiteral("-") : actor.ip) << targetType
                              << targetId;
}

QList<AuditEntry> AuditLog::list(int offset, int limit) const
{
    Statement q = run(m_db,
                      QStringLiteral("SELECT id, at, action, actor_user_id, ip, target_type, target_id, "
                                     "details FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?"),
                      limit, offset);
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toLongLong();
        e.action = q.value(2).toString();
        e.actorUserId = q.value(3).toString();
        e.ip = q.value(4).toString();
        e.targetType = q.value(5).toString();
        e.targetId = q.value(6).toString();
        e.details = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        out << e;
    }
    return out;
}

qint64 AuditLog::count() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString emailTag(const QString &email)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(email.trimmed().toLower().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

} // namespace Core
