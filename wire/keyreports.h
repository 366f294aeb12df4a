#pragma once

#include "core/model/reports.h"

#include <QJsonObject>

// The JSON of the admin API's key reports (api-contract section 5), both ways: the server
// writes them with toJson, the desktop app reads them with the *FromJson functions. The
// readers are tolerant: a missing or mistyped field becomes its default, so an older or
// newer server does not break the app.
namespace Wire {

// GET /keys/{id}/activity
QJsonObject toJson(const Core::KeyActivityReport &report);
Core::KeyActivityReport keyActivityFromJson(const QJsonObject &object);

// GET /keys/{id}/usage
QJsonObject toJson(const Core::KeyUsageReport &report);
Core::KeyUsageReport keyUsageFromJson(const QJsonObject &object);

// GET /keys/{id}/requests: {"data": [...], "page": 1, "per_page": N, "total": T}
QJsonObject toJson(const Core::RequestLogEntry &entry);
Core::RequestLogEntry requestLogEntryFromJson(const QJsonObject &object);
QJsonObject toJson(const Core::RequestLogPage &page);
Core::RequestLogPage requestLogPageFromJson(const QJsonObject &object);

} // namespace Wire
