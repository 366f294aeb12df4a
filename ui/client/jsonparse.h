#pragma once

#include "apitypes.h"

#include <QJsonObject>
#include <QJsonValue>

// Reading the contract's JSON into value types. Tolerant: a missing or mistyped optional
// field becomes its default, so an older or newer server does not break the app.
namespace Gui::Json {

std::optional<qint64> time(const QJsonValue &value);
qint64 integer(const QJsonValue &value, qint64 fallback = 0);

Core::User user(const QJsonObject &o);
Core::Team team(const QJsonObject &o);
TeamInfo teamInfo(const QJsonObject &o);
Core::Membership membership(const QJsonObject &o);
MemberInfo member(const QJsonObject &o);
Core::Website website(const QJsonObject &o);
Core::ApiKey apiKey(const QJsonObject &o);
MeInfo me(const QJsonObject &o);
LoginResult login(const QJsonObject &o);
KeyActivity keyActivity(const QJsonObject &o);
KeyUsage keyUsage(const QJsonObject &o);
RequestLogEntry requestLogEntry(const QJsonObject &o);
ServerStatus serverStatus(const QJsonObject &o);
QList<Core::PlanLimits> planLimits(const QJsonValue &v);
ApiFailure failure(int status, const QByteArray &body, const QByteArray &requestIdHeader);

QJsonObject keyRequest(const KeyRequest &request);

} // namespace Gui::Json
