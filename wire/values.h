#pragma once

#include "jsonwriter.h"

#include "core/model/auditentry.h"
#include "core/model/domain.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// The wire form of the value types (api-contract section 1), both ways: exactly its field
// names, times as "2026-06-13T12:01:00.000Z". The server writes with toJson/writeJson; the
// desktop app reads with the *FromJson functions. An API key exposes only its prefix,
// never its hash.
//
// The readers are tolerant: a missing or mistyped field becomes its default (an empty
// string, 0, the first enumerator), so an older or newer server does not break the app.
namespace Wire {

QJsonObject toJson(const Core::User &user);
QJsonObject toJson(const Core::Team &team);
QJsonObject toJson(const Core::Membership &membership);
QJsonObject toJson(const Core::Website &website);
// The same object, streamed (identical bytes to QJsonDocument(toJson(website)) compact).
void writeJson(JsonWriter &out, const Core::Website &website);
QJsonObject toJson(const Core::ApiKey &key);
QJsonObject toJson(const Core::PlanLimits &limits);
QJsonObject toJson(const Core::AuditEntry &entry);
// "all" or an array of team ids.
QJsonValue toJson(const Core::TeamAccess &access);

Core::User userFromJson(const QJsonObject &object);
Core::Team teamFromJson(const QJsonObject &object);
Core::Membership membershipFromJson(const QJsonObject &object);
Core::Website websiteFromJson(const QJsonObject &object);
Core::ApiKey apiKeyFromJson(const QJsonObject &object);
// Nothing for a plan name this build does not know.
std::optional<Core::PlanLimits> planLimitsFromJson(const QJsonObject &object);

// Field readers the above are made of.
QJsonValue optionalTimeToJson(const std::optional<qint64> &ms); // null when empty
std::optional<qint64> timeFromJson(const QJsonValue &value);    // an ISO 8601 string
qint64 integerFromJson(const QJsonValue &value, qint64 fallback = 0);
std::optional<qint64> optionalIntegerFromJson(const QJsonValue &value); // a number, else nullopt
QString idFromJson(const QJsonValue &value);                            // opaque strings; numbers tolerated

} // namespace Wire
