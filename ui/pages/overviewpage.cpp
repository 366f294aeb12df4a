#include "overviewpage.h"

#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/widgets/statcard.h"
#include "ui/workspace.h"

#include <QGridLayout>

#include <algorithm>
#include <array>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

OverviewPage::OverviewPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Overview"), parent), m_greeting(new QLabel(this)),
      m_teams(new StatCard(u"teamsCard"_s, tr("Teams"), this)),
      m_websites(new StatCard(u"websitesCard"_s, tr("Websites"), this)),
      m_keys(new StatCard(u"keysCard"_s, tr("Active API keys"), this)),
      m_events(new StatCard(u"eventsCard"_s, tr("Events stored on this server"), this)),
      m_steps(new QLabel(this))
{
    setObjectName(u"overviewPage"_s);
    m_greeting->setObjectName(u"greeting"_s);
    m_greeting->setWordWrap(true);
    auto *cards = new QHBoxLayout;
    for (StatCard *c : {m_teams, m_websites, m_keys, m_events})
        cards->addWidget(c);
    m_steps->setObjectName(u"gettingStarted"_s);
    m_steps->setWordWrap(true);
    m_steps->setTextFormat(Qt::RichText);
    m_steps->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_steps->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_steps, &QLabel::linkActivated, this, [this](const QString &link) { Q_EMIT goTo(link); });
    contentLayout()->addWidget(m_greeting);
    contentLayout()->addLayout(cards);
    contentLayout()->addSpacing(8);
    contentLayout()->addWidget(m_steps);
    contentLayout()->addStretch(1);
}

void OverviewPage::refresh()
{
    const Core::User &me = workspace()->me().user;
    m_greeting->setText(
        me.isServerAdmin
            ? tr("Signed in as %1 <%2>, server admin, on %3.")
                  .arg(me.name, me.email, workspace()->connectionName())
            : tr("Signed in as %1 <%2> on %3.").arg(me.name, me.email, workspace()->connectionName()));
    m_teams->setValue(Format::number(workspace()->teams().size()));
    showSteps();
    client()->websites(
        this,
        [this](const QList<Core::Website> &sites) {
            m_websites->setValue(Format::number(sites.size()));
            m_siteCount = sites.size();
            showSteps();
            markLoaded();
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load the websites."), f); });
    client()->keys(
        this,
        [this](const QList<Core::ApiKey> &keys) {
            qint64 active = 0;
            for (const Core::ApiKey &k : keys)
                active += workspace()->keyStatus(k) == KeyStatus::Active;
            m_keys->setValue(Format::number(active), tr("%n key(s) in all", nullptr, int(keys.size())));
            m_keyList = keys;
            showSteps();
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load your API keys."), f); });
    client()->serverStatus(
        this,
        [this](const ServerStatus &s) {
            m_events->setValue(s.eventsStored ? Format::number(*s.eventsStored) : u"—"_s);
        },
        [this](const ApiFailure &) { m_events->setValue(u"—"_s); });
}

// Which getting-started steps are done, from what the server says: a website exists, a
// team is on a paid plan, a key exists, a key was used.
std::array<bool, 4> OverviewPage::stepState() const
{
    const QList<TeamInfo> teams = workspace()->teams();
    const QList<Core::ApiKey> keys = m_keyList.value_or(QList<Core::ApiKey>());
    return {
        m_siteCount.value_or(0) > 0,
        std::any_of(teams.cbegin(), teams.cend(), [](const TeamInfo &t) { return t.team.plan != Core::Plan::Free; }),
        std::any_of(keys.cbegin(), keys.cend(), [](const Core::ApiKey &k) { return !k.revokedAt; }),
        std::any_of(keys.cbegin(), keys.cend(), [](const Core::ApiKey &k) { return k.lastUsedAt.has_value(); }),
    };
}

int OverviewPage::stepsDone() const
{
    const std::array<bool, 4> done = stepState();
    return int(std::count(done.cbegin(), done.cend(), true));
}

// The steps, each ticked off once done.
void OverviewPage::showSteps()
{
    const std::array<bool, 4> done = stepState();
    const QString base = workspace()->publicBaseUrl().toString(QUrl::RemoveUserInfo).toHtmlEscaped();
    const QString steps[] = {
        tr("<a href=\"websitesPage\">Add a website</a> and paste its tracking snippet into your pages."),
        tr("API keys need a paid plan: a server admin sets a team's plan on the <a href=\"teamsPage\">Teams</a> "
           "page."),
        tr("<a href=\"keysPage\">Create a personal API key</a> and copy it: it is shown once."),
        tr("Try it: <tt>curl -H \"X-API-Key: zv_...\" %1/api/external/v1/usage</tt>").arg(base),
    };
    QString html = u"<h3>"_s + tr("Getting started: %1 of %2 done").arg(int(std::count(done.cbegin(), done.cend(), true))).arg(std::size(steps)) + u"</h3><ol>"_s;
    for (size_t i = 0; i < std::size(steps); ++i)
        html += done[i] ? u"<li><span style=\"color:#2e7d32\">✓</span> <span style=\"color:#808080\">"_s +
                              steps[i] + u"</span></li>"_s
                        : u"<li>"_s + steps[i] + u"</li>"_s;
    html += u"<li>"_s + tr("Open the key on the API keys page to watch its activity.") + u"</li></ol>"_s;
    m_steps->setText(html);
}

} // namespace Gui
