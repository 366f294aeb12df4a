#pragma once

#include "core/audit/auditlog.h"
#include "core/model/domain.h"
#include "jsonwriter.h"

#include <QJsonObject>

#include <optional>

// The wire form of the value types (api-contract section 1): exactly its field names,
// times as "2026-06-13T12:01:00.000Z". Used by both APIs and by the desktop app's
// client. An API key exposes only its prefix, never its hash.
namespace Core::Json {

QJsonObject toJson(const User &user);
QJsonObject toJson(const Team &team);
QJsonObject toJson(const Membership &membership);
QJsonObject toJson(const Website &website);
// The same object, streamed (identical bytes to QJsonDocument(toJson(website)) compact).
void writeJson(JsonWriter &out, const Website &website);
QJsonObject toJson(const ApiKey &key);
QJsonObject toJson(const PlanLimits &limits);
QJsonObject toJson(const AuditEntry &entry);

// "all" or an array of team ids.
QJsonValue teamAccessToJson(const TeamAccess &access);

// The reverse, for clients. Nothing when a required field is missing or malformed.
std::optional<User> userFromJson(const QJsonObject &object);
std::optional<Team> teamFromJson(const QJsonObject &object);
std::optional<Membership> membershipFromJson(const QJsonObject &object);
std::optional<Website> websiteFromJson(const QJsonObject &object);
std::optional<ApiKey> apiKeyFromJson(const QJsonObject &object);
std::optional<PlanLimits> planLimitsFromJson(const QJsonObject &object);

} // namespace Core::Json
