#pragma once

#include "httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace TestSupport {

inline constexpr char AdminPrefix[] = "/api/admin/v1";

// Calls /api/admin/v1 + path with an optional bearer token and JSON body.
HttpResult adminCall(quint16 port, const QByteArray &method, const QString &path,
                     const QByteArray &token = {}, const std::optional<QJsonObject> &body = std::nullopt);
// The same with a raw body (for malformed JSON).
HttpResult adminCallRaw(quint16 port, const QByteArray &method, const QString &path, const QByteArray &token,
                        const QByteArray &body);

// Convenience steps; each returns an empty value when the server did not answer as
// expected (the test then fails on it).
QJsonObject adminSetup(quint16 port, const QString &email, const QString &name, const QString &password);
QByteArray adminLogin(quint16 port, const QString &email, const QString &password);
QString adminCreateUser(quint16 port, const QByteArray &adminToken, const QString &email, const QString &name,
                        const QString &password);

// Fields of a 4xx/5xx body.
inline QString codeOf(const HttpResult &r)
{
    return r.json().value(QStringLiteral("code")).toString();
}
inline QJsonObject detailsOf(const HttpResult &r)
{
    return r.json().value(QStringLiteral("details")).toObject();
}

} // namespace TestSupport
