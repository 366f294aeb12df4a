#pragma once

#include "core/model/domain.h"

#include <QJsonObject>

namespace Core {
class Database;
}

namespace TestSupport {

// A team and a website in the given database; returns the website (tracking code set).
Core::Website createWebsite(const Core::Database &db, const QString &trackingCode = {});
// A valid event, as the guide's Node example sends it, with url https://example.com{path}.
QJsonObject sampleEvent(const QString &path = QStringLiteral("/home"),
                        const QString &sessionId = QStringLiteral("srv-session-abcdef"));
QByteArray toJsonBytes(const QJsonObject &object);

} // namespace TestSupport
