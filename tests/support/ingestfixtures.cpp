#include "ingestfixtures.h"

#include "core/storage/teamrepository.h"
#include "core/storage/websiterepository.h"

#include <QDateTime>
#include <QJsonDocument>

namespace TestSupport {

Core::Website createWebsite(const Core::Database &db, const QString &trackingCode)
{
    Core::Team team{Core::newId(), QStringLiteral("Test team"), Core::Plan::Pro,
                    QDateTime::currentMSecsSinceEpoch()};
    Core::TeamRepository(db).insert(team);
    Core::Website w;
    w.id = Core::newId();
    w.teamId = team.id;
    w.name = QStringLiteral("Example");
    w.url = QStringLiteral("https://example.com");
    w.domain = QStringLiteral("example.com");
    w.trackingCode = trackingCode.isEmpty() ? Core::newTrackingCode() : trackingCode;
    w.createdAt = team.createdAt;
    Core::WebsiteRepository(db).insert(w);
    return w;
}

QJsonObject sampleEvent(const QString &path, const QString &sessionId)
{
    return QJsonObject{{QStringLiteral("event_type"), QStringLiteral("pageview")},
                       {QStringLiteral("url"), QString(QStringLiteral("https://example.com") + path)},
                       {QStringLiteral("session_id"), sessionId},
                       {QStringLiteral("user_agent"), QStringLiteral("MyServer/1.0")},
                       {QStringLiteral("device_type"), QStringLiteral("desktop")},
                       {QStringLiteral("browser"), QStringLiteral("Server")},
                       {QStringLiteral("os"), QStringLiteral("Linux")}};
}

QByteArray toJsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace TestSupport
