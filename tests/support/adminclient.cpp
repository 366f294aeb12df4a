#include "adminclient.h"

#include <QJsonDocument>

namespace TestSupport {

HttpResult adminCallRaw(quint16 port, const QByteArray &method, const QString &path, const QByteArray &token,
                        const QByteArray &body)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append({QByteArray("Authorization"), QByteArray("Bearer ") + token});
    if (!body.isEmpty())
        headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    return httpRequest(port, method, QByteArray(AdminPrefix) + path.toUtf8(), headers, body);
}

HttpResult adminCall(quint16 port, const QByteArray &method, const QString &path, const QByteArray &token,
                     const std::optional<QJsonObject> &body)
{
    return adminCallRaw(port, method, path, token,
                        body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray());
}

QJsonObject adminSetup(quint16 port, const QString &email, const QString &name, const QString &password)
{
    const HttpResult r = adminCall(port, "POST", QStringLiteral("/setup"), {},
                                   QJsonObject{{QStringLiteral("email"), email},
                                               {QStringLiteral("name"), name},
                                               {QStringLiteral("password"), password}});
    return r.status == 201 ? r.json() : QJsonObject();
}

QByteArray adminLogin(quint16 port, const QString &email, const QString &password)
{
    const HttpResult r =
        adminCall(port, "POST", QStringLiteral("/login"), {},
                  QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    return r.status == 200 ? r.json().value(QStringLiteral("token")).toString().toLatin1() : QByteArray();
}

QString adminCreateUser(quint16 port, const QByteArray &adminToken, const QString &email, const QString &name,
                        const QString &password)
{
    const HttpResult r = adminCall(port, "POST", QStringLiteral("/users"), adminToken,
                                   QJsonObject{{QStringLiteral("email"), email},
                                               {QStringLiteral("name"), name},
                                               {QStringLiteral("password"), password}});
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toString() : QString();
}

} // namespace TestSupport
