#include "workspace.h"

#include "ui/client/apiclient.h"

namespace Gui {

Workspace::Workspace(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

void Workspace::setMe(const MeInfo &me)
{
    m_me = me;
    Q_EMIT meChanged();
}

QHash<QString, QString> Workspace::teamNames() const
{
    QHash<QString, QString> names;
    for (const TeamInfo &t : m_teams)
        names.insert(t.team.id, t.team.name);
    return names;
}

QHash<QString, Core::Plan> Workspace::teamPlans() const
{
    QHash<QString, Core::Plan> plans;
    for (const TeamInfo &t : m_teams)
        plans.insert(t.team.id, t.team.plan);
    return plans;
}

KeyStatus Workspace::keyStatus(const Core::ApiKey &key) const
{
    const auto t = team(key.billingTeamId);
    return Format::keyStatus(key, Format::nowMs(), t ? std::optional<Core::Plan>(t->team.plan) : std::nullopt);
}

std::optional<TeamInfo> Workspace::team(const QString &id) const
{
    for (const TeamInfo &t : m_teams)
        if (t.team.id == id)
            return t;
    return std::nullopt;
}

std::optional<Core::Role> Workspace::roleIn(const QString &teamId) const
{
    if (auto t = team(teamId); t && t->myRole)
        return t->myRole;
    for (const Core::Membership &m : m_me.memberships)
        if (m.teamId == teamId)
            return m.role;
    return std::nullopt;
}

void Workspace::setTeams(const QList<TeamInfo> &teams)
{
    m_teams = teams;
    // GET /teams may not carry my role; /me's memberships do.
    for (TeamInfo &t : m_teams) {
        if (!t.myRole) {
            for (const Core::Membership &m : m_me.memberships)
                if (m.teamId == t.team.id)
                    t.myRole = m.role;
        }
    }
    std::sort(m_teams.begin(), m_teams.end(), [](const TeamInfo &a, const TeamInfo &b) {
        return a.team.name.compare(b.team.name, Qt::CaseInsensitive) < 0;
    });
    Q_EMIT teamsChanged();
}

void Workspace::reloadTeams()
{
    m_client->teams(
        this, [this](const QList<TeamInfo> &teams) { setTeams(teams); },
        [this](const ApiFailure &f) { Q_EMIT teamsFailed(f); });
}

QUrl Workspace::publicBaseUrl() const
{
    return m_client->baseUrl();
}

} // namespace Gui
