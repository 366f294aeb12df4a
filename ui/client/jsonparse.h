#pragma once

#include "apitypes.h"

#include <QJsonObject>
#include <QJsonValue>

// Reading the admin API's own compositions (me, a team with my role, a member with their
// name, a sign-in, a failure) and writing a key request. The contract's value types and
// reports are read by the wire library (wire/values.h, wire/keyreports.h,
// wire/serverstatus.h). Tolerant like it: a missing or mistyped optional field becomes its
// default, so an older or newer server does not break the app.
namespace Gui::Json {

TeamInfo teamInfo(const QJsonObject &o);
MemberInfo member(const QJsonObject &o);
MeInfo me(const QJsonObject &o);
LoginResult login(const QJsonObject &o);
RequestLogEntry requestLogEntry(const QJsonObject &o);
QList<Core::PlanLimits> planLimits(const QJsonValue &v);
WebsiteAnalytics websiteAnalytics(const QJsonObject &o);
WebsiteRealtime websiteRealtime(const QJsonObject &o);
EventProperties eventProperties(const QJsonObject &o);
ApiFailure failure(int status, const QByteArray &body, const QByteArray &requestIdHeader);

QJsonObject keyRequest(const KeyRequest &request);

} // namespace Gui::Json
