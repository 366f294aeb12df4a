#include "apiclient.h"

#include "jsonparse.h"

#include "wire/keyreports.h"
#include "wire/serverstatus.h"
#include "wire/values.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcClient, "zenovay.ui.client")

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
// What went wrong on the way, in words (Qt's own text can be "Unknown error").
QString networkProblem(const QNetworkReply *reply)
{
    const QString host = reply->url().host();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return ApiClient::tr("The server did not answer in time.");
    case QNetworkReply::ConnectionRefusedError:
        return ApiClient::tr("nothing answers at %1 (is the server running?)").arg(reply->url().authority());
    case QNetworkReply::HostNotFoundError:
        return ApiClient::tr("the name %1 could not be found").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return ApiClient::tr("the server closed the connection");
    case QNetworkReply::SslHandshakeFailedError:
        return ApiClient::tr("no secure connection could be made (%1)").arg(reply->errorString());
    default:
        break;
    }
    const QString qt = reply->errorString();
    return qt.isEmpty() || qt.contains(QLatin1String("Unknown error"))
               ? ApiClient::tr("the connection failed (network error %1)").arg(int(reply->error()))
               : qt;
}
} // namespace

namespace {
constexpr int PageSize = 100;
constexpr int MaxPages = 50;

template <typename T, typename F>
QList<T> mapArray(const QJsonArray &array, F f)
{
    QList<T> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out << f(v.toObject());
    return out;
}

// "&name=value" for each analytics filter, every byte of a value encoded ('+', '&', '#'
// stay themselves).
QString filterQuery(const QList<std::pair<QString, QString>> &filters)
{
    QString out;
    for (const auto &[name, value] : filters)
        out += u'&' + name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    return out;
}
} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // Loopback and LAN servers: never route through a system proxy by surprise.
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    if (m_baseUrl.path().endsWith(u'/'))
        m_baseUrl.setPath(m_baseUrl.path().chopped(1));
}

QUrl ApiClient::url(const QString &path, const QString &query) const
{
    QUrl u = m_baseUrl;
    u.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QUrl ApiClient::adminUrl(const QString &path, const QString &query) const
{
    return url(u"/api/admin/v1"_s + path, query);
}

void ApiClient::send(const QByteArray &verb, const QUrl &target, const QJsonObject *body, bool authenticated,
                     QObject *context, Raw done, Failed failed)
{
    QNetworkRequest request(target);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (authenticated && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply =
        body || verb != "GET" ? m_nam->sendCustomRequest(request, verb, payload) : m_nam->get(request);
    if (++m_pending == 1)
        Q_EMIT busyChanged(true);
    const bool hadContext = context != nullptr;
    QPointer<QObject> guard(context);
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, authenticated, guard, hadContext, done = std::move(done), failed = std::move(failed)] {
            finished(reply, authenticated, guard, hadContext, done, failed);
        });
}

void ApiClient::finished(QNetworkReply *reply, bool authenticated, QPointer<QObject> context, bool hadContext,
                         const Raw &done, const Failed &failed)
{
    reply->deleteLater();
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const bool reachable = status != 0;
    if (reachable != m_reachable) {
        m_reachable = reachable;
        Q_EMIT reachabilityChanged(reachable);
    }
    const bool contextGone = hadContext && context.isNull();

    if (status >= 200 && status < 300) {
        QJsonParseError error{};
        const QJsonDocument doc = body.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(body, &error);
        if (!body.isEmpty() && error.error != QJsonParseError::NoError) {
            ApiFailure f;
            f.status = status;
            f.code = u"BAD_RESPONSE"_s;
            f.message = tr("The server's answer is not valid JSON (%1).").arg(error.errorString());
            f.requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
            if (!contextGone && failed)
                failed(f);
            return;
        }
        if (!contextGone && done)
            done(doc);
        return;
    }

    ApiFailure f;
    if (status == 0) {
        f.code = u"NETWORK_ERROR"_s;
        f.message = networkProblem(reply);
    } else {
        f = Json::failure(status, body, reply->rawHeader("X-Request-Id"));
        if (f.message.isEmpty())
            f.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    }
    qCInfo(lcClient) << reply->operation() << reply->url().path() << f.summary();
    if (status == 401 && authenticated && !m_token.isEmpty())
        Q_EMIT sessionRejected(f);
    if (!contextGone && failed)
        failed(f);
}

void ApiClient::getAll(const QString &path, QObject *context, Done<QJsonArray> done, Failed failed)
{
    getPage(path, 1, {}, context, std::move(done), std::move(failed));
}

void ApiClient::getPage(const QString &path, int page, QJsonArray soFar, QObject *context,
                        Done<QJsonArray> done, Failed failed)
{
    QUrlQuery query;
    query.addQueryItem(u"page"_s, QString::number(page));
    query.addQueryItem(u"per_page"_s, QString::number(PageSize));
    const QUrl target = adminUrl(path, query.toString());
    QPointer<QObject> guard(context);
    send(
        "GET", target, nullptr, true, context,
        [this, path, page, soFar, guard, context, done, failed](const QJsonDocument &doc) mutable {
            const QJsonObject o = doc.object();
            const QJsonArray rows = doc.isArray() ? doc.array() : o.value("data"_L1).toArray();
            for (const QJsonValue &v : rows)
                soFar.append(v);
            const qint64 total = Wire::integerFromJson(o.value("total"_L1), soFar.size());
            if (!rows.isEmpty() && soFar.size() < total && page < MaxPages && doc.isObject()) {
                if (context && guard.isNull())
                    return;
                getPage(path, page + 1, soFar, context, done, failed);
                return;
            }
            done(soFar);
        },
        failed);
}

void ApiClient::health(QObject *context, Done<QString> done, Failed failed)
{
    send(
        "GET", url(u"/healthz"_s), nullptr, false, context,
        [done](const QJsonDocument &doc) { done(doc.object().value("version"_L1).toString()); }, failed);
}

void ApiClient::needsSetup(QObject *context, Done<bool> done, Failed failed)
{
    // GET /setup asks without trying: no failed setup in the server's logs and audit at
    // every launch (issue 15).
    send(
        "GET", adminUrl(u"/setup"_s), nullptr, false, context,
        [done, failed](const QJsonDocument &doc) {
            const QJsonValue required = doc.object().value(u"setup_required"_s);
            if (!required.isBool()) {
                ApiFailure f;
                f.status = 200;
                f.message = tr("The server's answer to GET /setup has no setup_required.");
                failed(f);
                return;
            }
            done(required.toBool());
        },
        failed);
}

void ApiClient::setup(const QString &email, const QString &name, const QString &password, QObject *context,
                      Done<QJsonObject> done, Failed failed)
{
    const QJsonObject body{{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, password}};
    send(
        "POST", adminUrl(u"/setup"_s), &body, false, context,
        [done](const QJsonDocument &doc) { done(doc.object()); }, failed);
}

void ApiClient::login(const QString &email, const QString &password, QObject *context, Done<LoginResult> done,
                      Failed failed)
{
    const QJsonObject body{{u"email"_s, email}, {u"password"_s, password}};
    send(
        "POST", adminUrl(u"/login"_s), &body, false, context,
        [done](const QJsonDocument &doc) { done(Json::login(doc.object())); }, failed);
}

void ApiClient::logout(QObject *context, Done<bool> done, Failed failed)
{
    const QJsonObject empty;
    // Fire and forget is fine here: either callback may be empty.
    send(
        "POST", adminUrl(u"/logout"_s), &empty, true, context,
        [done](const QJsonDocument &) {
            if (done)
                done(true);
        },
        failed);
}

void ApiClient::me(QObject *context, Done<MeInfo> done, Failed failed)
{
    send(
        "GET", adminUrl(u"/me"_s), nullptr, true, context,
        [done](const QJsonDocument &doc) { done(Json::me(doc.object())); }, failed);
}

void ApiClient::teams(QObject *context, Done<QList<TeamInfo>> done, Failed failed)
{
    getAll(
        u"/teams"_s, context, [done](const QJsonArray &a) { done(mapArray<TeamInfo>(a, Json::teamInfo)); },
        failed);
}

void ApiClient::createTeam(const QString &name, QObject *context, Done<Core::Team> done, Failed failed)
{
    const QJsonObject body{{u"name"_s, name}};
    send(
        "POST", adminUrl(u"/teams"_s), &body, true, context,
        [done](const QJsonDocument &doc) { done(Wire::teamFromJson(doc.object())); }, failed);
}

void ApiClient::updateTeam(const QString &teamId, const QJsonObject &changes, QObject *context,
                           Done<Core::Team> done, Failed failed)
{
    send(
        "PATCH", adminUrl(u"/teams/"_s + teamId), &changes, true, context,
        [done](const QJsonDocument &doc) { done(Wire::teamFromJson(doc.object())); }, failed);
}

void ApiClient::deleteTeam(const QString &teamId, QObject *context, Done<bool> done, Failed failed)
{
    send(
        "DELETE", adminUrl(u"/teams/"_s + teamId), nullptr, true, context,
        [done](const QJsonDocument &) { done(true); }, failed);
}

void ApiClient::members(const QString &teamId, QObject *context, Done<QList<MemberInfo>> done, Failed failed)
{
    getAll(
        u"/teams/"_s + teamId + u"/members"_s, context,
        [done](const QJsonArray &a) { done(mapArray<MemberInfo>(a, Json::member)); }, failed);
}

void ApiClient::addMember(const QString &teamId, const QString &email, Core::Role role, QObject *context,
                          Done<MemberInfo> done, Failed failed)
{
    const QJsonObject body{{u"email"_s, email}, {u"role"_s, Core::roleName(role)}};
    send(
        "POST", adminUrl(u"/teams/"_s + teamId + u"/members"_s), &body, true, context,
        [done](const QJsonDocument &doc) { done(Json::member(doc.object())); }, failed);
}

void ApiClient::setMemberRole(const QString &teamId, const QString &userId, Core::Role role, QObject *context,
                              Done<MemberInfo> done, Failed failed)
{
    const QJsonObject body{{u"role"_s, Core::roleName(role)}};
    send(
        "PATCH", adminUrl(u"/teams/"_s + teamId + u"/members/"_s + userId), &body, true, context,
        [done](const QJsonDocument &doc) { done(Json::member(doc.object())); }, failed);
}

void ApiClient::removeMember(const QString &teamId, const QString &userId, QObject *context, Done<bool> done,
                             Failed failed)
{
    send(
        "DELETE", adminUrl(u"/teams/"_s + teamId + u"/members/"_s + userId), nullptr, true, context,
        [done](const QJsonDocument &) { done(true); }, failed);
}

void ApiClient::websites(QObject *context, Done<QList<Core::Website>> done, Failed failed)
{
    getAll(
        u"/websites"_s, context,
        [done](const QJsonArray &a) { done(mapArray<Core::Website>(a, Wire::websiteFromJson)); }, failed);
}

void ApiClient::websiteAnalytics(const QString &websiteId, const QDate &from, const QDate &to, bool hourly,
                                 const QList<std::pair<QString, QString>> &filters, QObject *context,
                                 Done<WebsiteAnalytics> done, Failed failed)
{
    const QString query = u"from=%1&to=%2&interval=%3&compare=previous"_s.arg(
                              from.toString(Qt::ISODate), to.toString(Qt::ISODate), hourly ? u"hour"_s : u"day"_s) +
                          filterQuery(filters);
    send(
        "GET", adminUrl(u"/websites/"_s + websiteId + u"/analytics"_s, query), nullptr, true, context,
        [done](const QJsonDocument &doc) { done(Json::websiteAnalytics(doc.object())); }, failed);
}

void ApiClient::eventProperties(const QString &websiteId, const QString &name, const QDate &from, const QDate &to,
                                QObject *context, Done<EventProperties> done, Failed failed)
{
    const QString query = u"name=%1&from=%2&to=%3"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                                                        from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    send(
        "GET", adminUrl(u"/websites/"_s + websiteId + u"/analytics/event-properties"_s, query), nullptr, true,
        context, [done](const QJsonDocument &doc) { done(Json::eventProperties(doc.object())); }, failed);
}

void ApiClient::websiteRealtime(const QString &websiteId, const QList<std::pair<QString, QString>> &filters,
                                QObject *context, Done<WebsiteRealtime> done, Failed failed)
{
    QString query = filterQuery(filters);
    if (!query.isEmpty())
        query.remove(0, 1); // the leading '&'
    send(
        "GET", adminUrl(u"/websites/"_s + websiteId + u"/analytics/realtime"_s, query), nullptr, true, context,
        [done](const QJsonDocument &doc) { done(Json::websiteRealtime(doc.object())); }, failed);
}

void ApiClient::createWebsite(const QString &teamId, const QString &name, const QString &url,
                              const QStringList &excludedIps, QObject *context, Done<Core::Website> done,
                              Failed failed)
{
    const QJsonObject body{{u"team_id"_s, teamId},
                           {u"name"_s, name},
                           {u"url"_s, url},
                           {u"excluded_ips"_s, QJsonArray::fromStringList(excludedIps)}};
    send(
        "POST", adminUrl(u"/websites"_s), &body, true, context,
        [done](const QJsonDocument &doc) { done(Wire::websiteFromJson(doc.object())); }, failed);
}

void ApiClient::updateWebsite(const QString &websiteId, const QString &name, const QString &url,
                              const QStringList &excludedIps, QObject *context, Done<Core::Website> done,
                              Failed failed)
{
    const QJsonObject body{
        {u"name"_s, name}, {u"url"_s, url}, {u"excluded_ips"_s, QJsonArray::fromStringList(excludedIps)}};
    send(
        "PATCH", adminUrl(u"/websites/"_s + websiteId), &body, true, context,
        [done](const QJsonDocument &doc) { done(Wire::websiteFromJson(doc.object())); }, failed);
}

void ApiClient::deleteWebsite(const QString &websiteId, QObject *context, Done<bool> done, Failed failed)
{
    send(
        "DELETE", adminUrl(u"/websites/"_s + websiteId), nullptr, true, context,
        [done](const QJsonDocument &) { done(true); }, failed);
}

void ApiClient::keys(QObject *context, Done<QList<Core::ApiKey>> done, Failed failed)
{
    getAll(
        u"/keys"_s, context,
        [done](const QJsonArray &a) { done(mapArray<Core::ApiKey>(a, Wire::apiKeyFromJson)); }, failed);
}

void ApiClient::createKey(const KeyRequest &request, QObject *context, Done<CreatedKey> done, Failed failed)
{
    const QJsonObject body = Json::keyRequest(request);
    send(
        "POST", adminUrl(u"/keys"_s), &body, true, context,
        [done](const QJsonDocument &doc) {
            const QJsonObject o = doc.object();
            done(CreatedKey{Wire::apiKeyFromJson(o), o.value("key"_L1).toString()});
        },
        failed);
}

void ApiClient::revokeKey(const QString &keyId, QObject *context, Done<Core::ApiKey> done, Failed failed)
{
    const QJsonObject empty;
    send(
        "POST", adminUrl(u"/keys/"_s + keyId + u"/revoke"_s), &empty, true, context,
        [done](const QJsonDocument &doc) { done(Wire::apiKeyFromJson(doc.object())); }, failed);
}

void ApiClient::keyActivity(const QString &keyId, int hours, QObject *context, Done<KeyActivity> done,
                            Failed failed)
{
    send(
        "GET", adminUrl(u"/keys/"_s + keyId + u"/activity"_s, u"hours=%1"_s.arg(hours)), nullptr, true,
        context, [done](const QJsonDocument &doc) { done(Wire::keyActivityFromJson(doc.object())); }, failed);
}

void ApiClient::keyUsage(const QString &keyId, int minutes, QObject *context, Done<KeyUsage> done,
                         Failed failed)
{
    send(
        "GET", adminUrl(u"/keys/"_s + keyId + u"/usage"_s, u"minutes=%1"_s.arg(minutes)), nullptr, true,
        context, [done](const QJsonDocument &doc) { done(Wire::keyUsageFromJson(doc.object())); }, failed);
}

void ApiClient::keyRequests(const QString &keyId, int limit, QObject *context,
                            Done<QList<RequestLogEntry>> done, Failed failed)
{
    send(
        "GET", adminUrl(u"/keys/"_s + keyId + u"/requests"_s, u"limit=%1"_s.arg(limit)), nullptr, true,
        context,
        [done](const QJsonDocument &doc) {
            done(mapArray<RequestLogEntry>(doc.object().value("data"_L1).toArray(), Json::requestLogEntry));
        },
        failed);
}

void ApiClient::serverStatus(QObject *context, Done<ServerStatus> done, Failed failed)
{
    send(
        "GET", adminUrl(u"/server/status"_s), nullptr, true, context,
        [done](const QJsonDocument &doc) { done(Wire::serverStatusFromJson(doc.object())); }, failed);
}

void ApiClient::plans(QObject *context, Done<QList<Core::PlanLimits>> done, Failed failed)
{
    send(
        "GET", adminUrl(u"/server/plans"_s), nullptr, true, context,
        [done](const QJsonDocument &doc) {
            done(Json::planLimits(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object())));
        },
        failed);
}

void ApiClient::updatePlans(const QList<Core::PlanLimits> &limits, QObject *context,
                            Done<QList<Core::PlanLimits>> done, Failed failed)
{
    QJsonArray data;
    for (const Core::PlanLimits &l : limits)
        data.append(QJsonObject{{u"plan"_s, Core::planName(l.plan)},
                                {u"per_minute"_s, l.perMinute},
                                {u"per_month"_s, l.perMonth}});
    const QJsonObject body{{u"data"_s, data}};
    send(
        "PUT", adminUrl(u"/server/plans"_s), &body, true, context,
        [done](const QJsonDocument &doc) {
            done(Json::planLimits(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object())));
        },
        failed);
}

} // namespace Gui
