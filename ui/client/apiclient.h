#pragma once

#include "apitypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Gui {

template <typename T>
using Done = std::function<void(const T &)>;
using Failed = std::function<void(const ApiFailure &)>;

// The typed, asynchronous client of the admin API (contract section 5). Every call
// returns at once; its callback runs on the caller's thread when the answer arrives, and
// not at all if `context` is destroyed first. Exactly one of `done` and `failed` runs.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    bool isBusy() const { return m_pending > 0; }
    int pendingCount() const { return m_pending; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // GET /healthz (no auth): the server's version, or a failure.
    void health(QObject *context, Done<QString> done, Failed failed);
    // Whether POST /setup is still open: probed with an empty body (409 = already set up).
    void needsSetup(QObject *context, Done<bool> done, Failed failed);
    void setup(const QString &email, const QString &name, const QString &password, QObject *context,
               Done<QJsonObject> done, Failed failed);
    void login(const QString &email, const QString &password, QObject *context, Done<LoginResult> done,
               Failed failed);
    void logout(QObject *context, Done<bool> done, Failed failed);
    void me(QObject *context, Done<MeInfo> done, Failed failed);

    void teams(QObject *context, Done<QList<TeamInfo>> done, Failed failed);
    void createTeam(const QString &name, QObject *context, Done<Core::Team> done, Failed failed);
    void updateTeam(const QString &teamId, const QJsonObject &changes, QObject *context,
                    Done<Core::Team> done, Failed failed);
    void deleteTeam(const QString &teamId, QObject *context, Done<bool> done, Failed failed);
    void members(const QString &teamId, QObject *context, Done<QList<MemberInfo>> done, Failed failed);
    void addMember(const QString &teamId, const QString &email, Core::Role role, QObject *context,
                   Done<MemberInfo> done, Failed failed);
    void setMemberRole(const QString &teamId, const QString &userId, Core::Role role, QObject *context,
                       Done<MemberInfo> done, Failed failed);
    void removeMember(const QString &teamId, const QString &userId, QObject *context, Done<bool> done,
                      Failed failed);

    void websites(QObject *context, Done<QList<Core::Website>> done, Failed failed);
    // excludedIps: addresses and CIDR ranges whose visits are not counted (as typed; the
    // server checks them and names a bad one).
    void createWebsite(const QString &teamId, const QString &name, const QString &url,
                       const QStringList &excludedIps, QObject *context, Done<Core::Website> done, Failed failed);
    void updateWebsite(const QString &websiteId, const QString &name, const QString &url,
                       const QStringList &excludedIps, QObject *context, Done<Core::Website> done, Failed failed);
    void deleteWebsite(const QString &websiteId, QObject *context, Done<bool> done, Failed failed);
    // GET /websites/{id}/analytics/realtime, narrowed by filters as websiteAnalytics is.
    void websiteRealtime(const QString &websiteId, const QList<std::pair<QString, QString>> &filters,
                         QObject *context, Done<WebsiteRealtime> done, Failed failed);
    // GET /websites/{id}/analytics/event-properties?name= over [from, to] (at most 92 days).
    void eventProperties(const QString &websiteId, const QString &name, const QDate &from, const QDate &to,
                         QObject *context, Done<EventProperties> done, Failed failed);
    // GET /websites/{id}/analytics over [from, to] (UTC days), hourly or daily, with the
    // previous period's totals.
    // filters: (parameter, value) pairs such as ("page", "/pricing"), combined by the server.
    void websiteAnalytics(const QString &websiteId, const QDate &from, const QDate &to, bool hourly,
                          const QList<std::pair<QString, QString>> &filters, QObject *context,
                          Done<WebsiteAnalytics> done, Failed failed);

    void keys(QObject *context, Done<QList<Core::ApiKey>> done, Failed failed);
    void createKey(const KeyRequest &request, QObject *context, Done<CreatedKey> done, Failed failed);
    void revokeKey(const QString &keyId, QObject *context, Done<Core::ApiKey> done, Failed failed);
    void keyActivity(const QString &keyId, int hours, QObject *context, Done<KeyActivity> done,
                     Failed failed);
    void keyUsage(const QString &keyId, int minutes, QObject *context, Done<KeyUsage> done, Failed failed);
    void keyRequests(const QString &keyId, int limit, QObject *context, Done<QList<RequestLogEntry>> done,
                     Failed failed);

    void serverStatus(QObject *context, Done<ServerStatus> done, Failed failed);
    void plans(QObject *context, Done<QList<Core::PlanLimits>> done, Failed failed);
    // PUT /server/plans (server admins): the limits of the plans listed.
    void updatePlans(const QList<Core::PlanLimits> &limits, QObject *context, Done<QList<Core::PlanLimits>> done,
                     Failed failed);

    // The URL of an admin API path ("/keys" -> BASE/api/admin/v1/keys).
    QUrl adminUrl(const QString &path, const QString &query = {}) const;
    QUrl url(const QString &path, const QString &query = {}) const;

Q_SIGNALS:
    void busyChanged(bool busy);
    // A signed-in call came back 401: the session ended (expired, signed out elsewhere).
    void sessionRejected(const Gui::ApiFailure &failure);
    // Every answer (or its absence), for the status bar's connection indicator.
    void reachabilityChanged(bool reachable);

private:
    using Raw = std::function<void(const QJsonDocument &)>;
    void send(const QByteArray &verb, const QUrl &url, const QJsonObject *body, bool authenticated,
              QObject *context, Raw done, Failed failed);
    // GET a paginated list, following pages until `total` rows arrived (at most 50 pages).
    void getAll(const QString &path, QObject *context, Done<QJsonArray> done, Failed failed);
    void getPage(const QString &path, int page, QJsonArray soFar, QObject *context, Done<QJsonArray> done,
                 Failed failed);
    void finished(QNetworkReply *reply, bool authenticated, QPointer<QObject> context, bool hadContext,
                  const Raw &done, const Failed &failed);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_pending = 0;
    int m_timeoutMs = 30'000;
    bool m_reachable = true;
};

} // namespace Gui
