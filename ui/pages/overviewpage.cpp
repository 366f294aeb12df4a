#include "overviewpage.h"

#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/widgets/statcard.h"
#include "ui/workspace.h"

#include <QGridLayout>
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
    const QString base = workspace()->publicBaseUrl().toString(QUrl::RemoveUserInfo);
    m_steps->setText(
        tr("<h3>Getting started</h3><ol>"
           "<li><a href=\"websitesPage\">Add a website</a> and paste its tracking snippet into your "
           "pages.</li>"
           "<li>API keys need a paid plan: a server admin sets a team's plan on the <a "
           "href=\"teamsPage\">Teams</a> "
           "page.</li>"
           "<li><a href=\"keysPage\">Create a personal API key</a> and copy it: it is shown once.</li>"
           "<li>Try it: <tt>curl -H \"X-API-Key: zv_...\" %1/api/external/v1/usage</tt></li>"
           "<li>Open the key on the API keys page to watch its activity.</li></ol>")
            .arg(base.toHtmlEscaped()));
    client()->websites(
        this,
        [this](const QList<Core::Website> &sites) {
            m_websites->setValue(Format::number(sites.size()));
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
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load your API keys."), f); });
    client()->serverStatus(
        this,
        [this](const ServerStatus &s) {
            m_events->setValue(s.eventsStored ? Format::number(*s.eventsStored) : u"—"_s);
        },
        [this](const ApiFailure &) { m_events->setValue(u"—"_s); });
}

} // namespace Gui
