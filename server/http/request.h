#pragma once

#include "httpresponse.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QUrlQuery>

#include <any>

class QHttpServerRequest;

namespace Server {

// Everything a handler knows about one request. Handlers may add headers to
// responseHeaders (rate limits, CORS); they are sent with whatever response follows,
// errors included.
struct Request
{
    // QHttpServer's request while the engine handles it; null once detach()ed (a
    // deferred answer outlives it), header() and body() then read the copies.
    const QHttpServerRequest *raw;
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, no query
    QUrlQuery query;
    QByteArray requestId;
    // The client: the peer, or from a trusted proxy the address it forwarded for
    // (resolveClient); IPv4-mapped addresses normalised to IPv4.
    QHostAddress clientIp;
    qint64 receivedAtMs = 0;
    QHash<QString, QString> params; // from {name} segments of the route
    HeaderList responseHeaders;
    QString routePattern;
    qint64 startedNs = 0; // monotonic (steadyNowNs), for latency
    QString apiKeyId;     // set once an external API request is tied to a known key
    // Who is calling, set by the route's access guard (HttpEngine::setAccessGuard): the
    // admin API's session, the external API's key principal. Read through the owner's
    // typed accessor (Admin::sessionOf, ExternalAuth::principalOf).
    std::any caller;
    // Scheme and host of URLs written for this request: from a trusted proxy's
    // X-Forwarded-Proto / X-Forwarded-Host, else "http" (or "https" on TLS) and Host.
    QByteArray scheme = "http";
    QByteArray host;

    HeaderList detachedHeaders;
    QByteArray detachedBody;
    // clientIp came from a trusted proxy's forwarding header (not the socket's peer).
    bool clientForwarded = false;

    QByteArray header(const QByteArray &name) const;
    // Copies headers and body out of QHttpServer's request, which is gone once the
    // engine returns from it.
    void detach();
    QByteArray body() const;
    // The steady clock, in nanoseconds (what startedNs holds), and the time since then.
    static qint64 steadyNowNs();
    qint64 elapsedNs() const { return steadyNowNs() - startedNs; }
    QString param(const QString &name) const { return params.value(name); }
    bool hasQueryItem(const QString &name) const { return query.hasQueryItem(name); }
    QString queryValue(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }

    // Parses the body as a JSON object (400 INVALID_JSON naming the offset otherwise;
    // invalid UTF-8 and unpaired UTF-16 surrogate escapes included, Core::JsonText::parse).
    // application/json and text/plain (navigator.sendBeacon) are accepted. Every route
    // reads its JSON body through here.
    QJsonObject jsonObject() const;
};

} // namespace Server
