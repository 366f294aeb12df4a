#pragma once

#include "ui/client/apitypes.h"
#include "ui/format.h"

#include <QHash>
#include <QObject>
#include <QUrl>

namespace Gui {

class ApiClient;

// What every page shares once signed in: the client, who I am, my teams.
class Workspace final : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(ApiClient *client, QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    const MeInfo &me() const { return m_me; }
    void setMe(const MeInfo &me);
    bool isServerAdmin() const { return m_me.user.isServerAdmin; }
    const QList<TeamInfo> &teams() const { return m_teams; }
    QHash<QString, QString> teamNames() const;
    QHash<QString, Core::Plan> teamPlans() const;
    // A key's status, knowing the plan of the team it is billed to (Format::keyStatus).
    KeyStatus keyStatus(const Core::ApiKey &key) const;
    std::optional<TeamInfo> team(const QString &id) const;
    std::optional<Core::Role> roleIn(const QString &teamId) const;
    void setTeams(const QList<TeamInfo> &teams);
    void reloadTeams();
    // Where the server is, for snippets and cURL lines ("http://127.0.0.1:8080").
    QUrl publicBaseUrl() const;
    QString connectionName() const { return m_connectionName; }
    void setConnectionName(const QString &name) { m_connectionName = name; }

Q_SIGNALS:
    void teamsChanged();
    void meChanged();
    void teamsFailed(const Gui::ApiFailure &failure);

private:
    ApiClient *m_client;
    MeInfo m_me;
    QList<TeamInfo> m_teams;
    QString m_connectionName;
};

} // namespace Gui
