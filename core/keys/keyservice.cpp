#include "keyservice.h"

#include "apikeyformat.h"
#include "core/accounts/authzepoch.h"
#include "core/accounts/validation.h"
#include "core/audit/auditlog.h"
#include "core/json/jsoninput.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/model/timeutil.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcKeys, "zenovay.core.keys")

namespace Core {

KeyInput KeyInput::fromJson(const QJsonObject &body)
{
    KeyInput in;
    in.name = JsonInput::string(body, QStringLiteral("name"));
    in.permissions = JsonInput::optionalStringList(body, QStringLiteral("permissions"));
    const QJsonValue access = body.value(QStringLiteral("team_access"));
    if (access.isString()) {
        in.teamAccessText = access.toString();
    } else if (access.isArray()) {
        in.teamAccessIds = JsonInput::optionalStringList(body, QStringLiteral("team_access"));
    } else if (!access.isUndefined() && !access.isNull()) {
        JsonInput::throwWrongType(QStringLiteral("team_access"),
                                  QStringLiteral("\"all\" or an array of team ids"));
    }
    in.teamAccessGiven = in.teamAccessText || in.teamAccessIds;
    in.billingTeamId = JsonInput::string(body, QStringLiteral("billing_team_id"));
    in.expiresAt = JsonInput::optionalString(body, QStringLiteral("expires_at"));
    return in;
}

KeyService::KeyService(const Database &db, const Clock &clock, AuthzEpoch &epoch)
    : m_db(db), m_clock(clock), m_epoch(epoch)
{}

KeyService::CreatedKey KeyService::create(const Actor &actor, const KeyInput &in)
{
    const qint64 now = m_clock.nowMs();
    TeamRepository teams(m_db);
    QStringList myTeams;
    for (const Membership &m : teams.membershipsOfUser(actor.userId))
        myTeams << m.teamId;

    QMap<QString, QString> details;
    if (auto e = Validation::checkName(in.name))
        details.insert(QStringLiteral("name"), *e);

    Permissions permissions;
    if (!in.permissions || in.permissions->isEmpty()) {
        details.insert(QStringLiteral("permissions"),
                       QStringLiteral("Choose at least one permission: read, write, admin"));
    } else if (const auto p = Permissions::fromNames(*in.permissions)) {
        permissions = *p;
    } else {
        details.insert(QStringLiteral("permissions"),
                       QStringLiteral("Permissions must be read, write or admin"));
    }

    TeamAccess access;
    if (!in.teamAccessGiven) {
        details.insert(QStringLiteral("team_access"),
                       QStringLiteral("Team access is required: \"all\" or team ids"));
    } else if (in.teamAccessText) {
        if (*in.teamAccessText != QLatin1String("all"))
            details.insert(QStringLiteral("team_access"),
                           QStringLiteral("Team access must be \"all\" or a list of team ids"));
    } else {
        access.all = false;
        for (const QString &id : *in.teamAccessIds) {
            if (!myTeams.contains(id)) {
                details.insert(QStringLiteral("team_access"),
                               QStringLiteral("Not a team you belong to: %1").arg(id.left(64)));
                break;
            }
            if (!access.teamIds.contains(id))
                access.teamIds << id;
        }
        if (access.teamIds.isEmpty() && !details.contains(QStringLiteral("team_access")))
            details.insert(QStringLiteral("team_access"),
                           QStringLiteral("Select at least one team, or \"all\""));
    }

    if (in.billingTeamId.isEmpty())
        details.insert(QStringLiteral("billing_team_id"), QStringLiteral("Billing team is required"));
    else if (!myTeams.contains(in.billingTeamId))
        details.insert(QStringLiteral("billing_team_id"), QStringLiteral("Not a team you belong to"));

    std::optional<qint64> expiresAt;
    if (in.expiresAt) {
        expiresAt = Time::parseIso(*in.expiresAt);
        if (!expiresAt)
            details.insert(QStringLiteral("expires_at"),
                           QStringLiteral("Invalid date-time (use ISO-8601, e.g. 2026-06-13T12:00:00Z)"));
        else if (*expiresAt <= now)
            details.insert(QStringLiteral("expires_at"), QStringLiteral("Expiry must be in the future"));
    }
    if (!details.isEmpty())
        throw ServiceError::validation(details);

    const ApiKeyFormat::GeneratedKey generated = ApiKeyFormat::generate();
    ApiKey key;
    key.id = newId();
    key.userId = actor.userId;
    key.name = in.name.trimmed();
    key.prefix = generated.prefix;
    key.hash = generated.hash;
    key.permissions = permissions;
    key.teamAccess = access;
    key.billingTeamId = in.billingTeamId;
    key.createdAt = now;
    key.expiresAt = expiresAt;

    Transaction tx(m_db);
    ApiKeyRepository(m_db).insert(key);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("key.created"), QStringLiteral("key"), key.id,
                {{QStringLiteral("prefix"), key.prefix},
                 {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions.names())},
                 {QStringLiteral("billing_team_id"), key.billingTeamId}});
    tx.commit();
    qCInfo(lcKeys) << "created key" << key.id << key.prefix << "for user" << actor.userId;
    key.hash.clear();
    return {key, generated.key};
}

QList<ApiKey> KeyService::list(const QString &userId) const
{
    return ApiKeyRepository(m_db).listForUser(userId);
}

ApiKey KeyService::get(const Actor &actor, const QString &id) const
{
    const auto key = ApiKeyRepository(m_db).findById(id);
    if (!key || key->userId != actor.userId)
        throw ServiceError::notFound(QStringLiteral("API key not found"));
    return *key;
}

ApiKey KeyService::revoke(const Actor &actor, const QString &id)
{
    ApiKey key = get(actor, id);
    if (key.revokedAt)
        return key;
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    ApiKeyRepository(m_db).revoke(id, now);
    AuditLog(m_db, m_clock)
        .record(actor, QStringLiteral("key.revoked"), QStringLiteral("key"), id,
                {{QStringLiteral("prefix"), key.prefix}});
    tx.commit();
    m_epoch.bump();
    qCInfo(lcKeys) << "revoked key" << key.id << key.prefix;
    key.revokedAt = now;
    return key;
}

bool KeyService::reachesTeam(const ApiKey &key, const QString &teamId) const
{
    const qint64 now = m_clock.nowMs();
    if (key.revokedAt || (key.expiresAt && *key.expiresAt <= now))
        return false;
    if (!key.teamAccess.allows(teamId))
        return false;
    const auto user = UserRepository(m_db).findById(key.userId);
    if (!user || user->disabled)
        return false;
    return TeamRepository(m_db).membership(teamId, key.userId).has_value();
}

} // namespace Core
