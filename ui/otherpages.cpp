#include "otherpages.h"

#include "apiclient.h"
#include "charts.h"
#include "models.h"
#include "statcard.h"
#include "workspace.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

// ---- Overview ------------------------------------------------------------------------

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
                active += Format::keyStatus(k) == KeyStatus::Active;
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

// ---- Usage ---------------------------------------------------------------------------

UsagePage::UsagePage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Usage"), parent), m_model(new UsageModel(this)),
      m_table(makeTable(u"usageTable"_s, this)), m_chart(Charts::makeView(u"quotaChart"_s, this)),
      m_includeInactive(new QCheckBox(tr("Show revoked and expired keys"), this))
{
    setObjectName(u"usagePage"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table->setModel(proxy);
    m_table->sortByColumn(UsageModel::Percent, Qt::DescendingOrder);
    m_table->setColumnWidth(UsageModel::Key, 200);
    m_table->setColumnWidth(UsageModel::Prefix, 110);
    m_table->setColumnWidth(UsageModel::Plan, 90);
    m_table->setColumnWidth(UsageModel::Used, 130);
    m_table->setColumnWidth(UsageModel::Limit, 120);
    m_table->setColumnWidth(UsageModel::Percent, 80);
    m_table->setColumnWidth(UsageModel::PerMinute, 90);
    m_includeInactive->setObjectName(u"usageIncludeInactive"_s);
    auto *intro =
        new QLabel(tr("Requests counted this month for each key, against the monthly quota of its billing "
                      "team's plan. Requests refused with 429 are not counted."),
                   this);
    intro->setWordWrap(true);
    contentLayout()->addWidget(intro);
    contentLayout()->addWidget(m_includeInactive);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setChildrenCollapsible(false);
    contentLayout()->addWidget(split, 1);
    connect(m_includeInactive, &QCheckBox::toggled, this, &UsagePage::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsagePage::updateChart);
}

void UsagePage::refresh()
{
    const int generation = ++m_generation;
    client()->keys(
        this,
        [this, generation](const QList<Core::ApiKey> &keys) {
            if (generation != m_generation)
                return;
            clearFailure();
            markLoaded();
            QList<UsageRow> rows;
            for (const Core::ApiKey &k : keys)
                if (m_includeInactive->isChecked() || Format::keyStatus(k) == KeyStatus::Active)
                    rows << UsageRow{k, std::nullopt, {}};
            m_model->setRows(rows);
            updateChart();
            for (const UsageRow &row : rows) {
                const QString id = row.key.id;
                client()->keyUsage(
                    id, 1, this,
                    [this, id, generation](const KeyUsage &u) {
                        const int r = m_model->rowOf(id);
                        if (generation != m_generation || r < 0)
                            return;
                        UsageRow updated = m_model->rowAt(r);
                        updated.usage = u;
                        m_model->updateRow(r, updated);
                    },
                    [this, id, generation](const ApiFailure &f) {
                        const int r = m_model->rowOf(id);
                        if (generation != m_generation || r < 0)
                            return;
                        UsageRow updated = m_model->rowAt(r);
                        updated.error = f.summary();
                        m_model->updateRow(r, updated);
                    });
            }
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load your API keys."), f); });
}

void UsagePage::updateChart()
{
    QStringList names;
    QList<double> percents;
    for (const UsageRow &r : m_model->rows()) {
        if (!r.usage || r.usage->currentMonth.limit <= 0)
            continue;
        names << u"%1 (%2)"_s.arg(r.key.name, r.key.prefix);
        percents << 100.0 * double(r.usage->currentMonth.used) / double(r.usage->currentMonth.limit);
    }
    Charts::setQuotaByKey(m_chart, names, percents);
}

// ---- Requests ------------------------------------------------------------------------

RequestsPage::RequestsPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Requests"), parent), m_model(new RequestLogModel(this)),
      m_table(makeTable(u"requestsTable"_s, this)), m_key(new QComboBox(this)),
      m_errorsOnly(new QCheckBox(tr("&Errors only"), this))
{
    setObjectName(u"requestsPage"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table->setModel(proxy);
    m_table->sortByColumn(RequestLogModel::Time, Qt::DescendingOrder);
    m_table->setColumnWidth(RequestLogModel::Time, 150);
    m_table->setColumnWidth(RequestLogModel::Key, 150);
    m_table->setColumnWidth(RequestLogModel::Method, 70);
    m_table->setColumnWidth(RequestLogModel::Path, 260);
    m_table->setColumnWidth(RequestLogModel::Status, 60);
    m_table->setColumnWidth(RequestLogModel::Code, 190);
    m_key->setObjectName(u"requestsKeyFilter"_s);
    m_errorsOnly->setObjectName(u"requestsErrorsOnly"_s);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Key:"), this));
    bar->addWidget(m_key);
    bar->addWidget(m_errorsOnly);
    bar->addStretch(1);
    contentLayout()->addLayout(bar);
    contentLayout()->addWidget(m_table, 1);
    connect(m_key, &QComboBox::currentIndexChanged, this, &RequestsPage::reload);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &RequestsPage::reload);
}

void RequestsPage::refresh()
{
    const int generation = ++m_generation;
    client()->keys(
        this,
        [this, generation](const QList<Core::ApiKey> &keys) {
            if (generation != m_generation)
                return;
            clearFailure();
            markLoaded();
            const QString current = m_key->currentData().toString();
            m_key->blockSignals(true);
            m_key->clear();
            m_key->addItem(tr("All keys"), QString());
            for (const Core::ApiKey &k : keys)
                m_key->addItem(u"%1 (%2…)"_s.arg(k.name, k.prefix), k.id);
            m_key->setCurrentIndex(qMax(0, m_key->findData(current)));
            m_key->blockSignals(false);
            m_all.clear();
            auto remaining = std::make_shared<int>(int(keys.size()));
            if (keys.isEmpty())
                reload();
            for (const Core::ApiKey &k : keys) {
                const QString name = k.name;
                const QString id = k.id;
                client()->keyRequests(
                    id, 50, this,
                    [this, name, id, generation, remaining](QList<RequestLogEntry> entries) {
                        if (generation != m_generation)
                            return;
                        for (RequestLogEntry &e : entries) {
                            e.keyId = id;
                            e.keyName = name;
                            m_all << e;
                        }
                        if (--*remaining == 0)
                            reload();
                    },
                    [this, generation, remaining](const ApiFailure &f) {
                        if (generation != m_generation)
                            return;
                        showFailure(tr("Could not load a key's requests."), f);
                        if (--*remaining == 0)
                            reload();
                    });
            }
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load your API keys."), f); });
}

void RequestsPage::reload()
{
    const QString keyId = m_key->currentData().toString();
    QList<RequestLogEntry> shown;
    for (const RequestLogEntry &e : std::as_const(m_all)) {
        if (!keyId.isEmpty() && e.keyId != keyId)
            continue;
        if (m_errorsOnly->isChecked() && e.status < 400)
            continue;
        shown << e;
    }
    std::sort(shown.begin(), shown.end(),
              [](const RequestLogEntry &a, const RequestLogEntry &b) { return a.at > b.at; });
    m_model->setRows(shown);
    if (isVisible())
        Q_EMIT statusMessage(tr("%n request(s)", nullptr, int(shown.size())));
}

// ---- Server --------------------------------------------------------------------------

ServerPage::ServerPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Server"), parent), m_form(new QFormLayout), m_version(new QLabel(this)),
      m_uptime(new QLabel(this)), m_listen(new QLabel(this)), m_connection(new QLabel(this)),
      m_dbPath(new QLabel(this)), m_dbSize(new QLabel(this)), m_events(new QLabel(this)),
      m_ingestRate(new QLabel(this)), m_queueDepth(new QLabel(this)), m_plans(new QLabel(this)),
      m_chart(Charts::makeView(u"ingestChart"_s, this)), m_timer(new QTimer(this))
{
    setObjectName(u"serverPage"_s);
    m_version->setObjectName(u"serverVersion"_s);
    m_events->setObjectName(u"serverEvents"_s);
    m_ingestRate->setObjectName(u"serverIngestRate"_s);
    for (QLabel *l : {m_version, m_uptime, m_listen, m_connection, m_dbPath, m_dbSize, m_events, m_ingestRate,
                      m_queueDepth, m_plans})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dbPath->setWordWrap(true);
    auto *change = new QPushButton(tr("Connect to another server…"), this);
    change->setObjectName(u"changeServerButton"_s);
    auto *connRow = new QHBoxLayout;
    connRow->addWidget(m_connection, 1);
    connRow->addWidget(change);
    m_form->addRow(tr("Connection:"), connRow);
    m_form->addRow(tr("Version:"), m_version);
    m_form->addRow(tr("Uptime:"), m_uptime);
    m_form->addRow(tr("Listening on:"), m_listen);
    m_form->addRow(tr("Database:"), m_dbPath);
    m_form->addRow(tr("Database size:"), m_dbSize);
    m_form->addRow(tr("Events stored:"), m_events);
    m_form->addRow(tr("Ingest rate:"), m_ingestRate);
    m_form->addRow(tr("Ingest queue:"), m_queueDepth);
    m_form->addRow(tr("Plan limits:"), m_plans);
    contentLayout()->addLayout(m_form);
    contentLayout()->addWidget(m_chart, 1);
    connect(change, &QPushButton::clicked, this, &ServerPage::changeServerRequested);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &ServerPage::sample);
    Charts::setIngestRate(m_chart, {});
}

void ServerPage::setSampleIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

void ServerPage::refresh()
{
    m_connection->setText(workspace()->connectionName());
    sample();
    client()->plans(
        this,
        [this](const QList<Core::PlanLimits> &plans) {
            QStringList lines;
            for (const Core::PlanLimits &p : plans)
                lines << tr("%1: %2 per minute, %3 per month")
                             .arg(Format::plan(p.plan), Format::number(p.perMinute),
                                  Format::number(p.perMonth));
            m_plans->setText(lines.isEmpty() ? tr("not reported") : lines.join(u'\n'));
        },
        [this](const ApiFailure &f) { m_plans->setText(tr("not available (%1)").arg(f.summary())); });
}

void ServerPage::sample()
{
    client()->serverStatus(
        this,
        [this](const ServerStatus &s) {
            clearFailure();
            markLoaded();
            const QString unknown = tr("not reported");
            m_version->setText(s.version.isEmpty() ? unknown : s.version);
            m_uptime->setText(s.uptimeS ? Format::duration(*s.uptimeS) : unknown);
            m_listen->setText(
                s.listen.isEmpty()
                    ? tr("%1 (this connection)").arg(client()->baseUrl().toString(QUrl::RemoveUserInfo))
                    : s.listen.join(u", "_s));
            m_dbPath->setText(s.databasePath.isEmpty() ? unknown : s.databasePath);
            m_dbSize->setText(s.databaseSizeBytes ? Format::bytes(*s.databaseSizeBytes) : unknown);
            m_events->setText(s.eventsStored ? Format::number(*s.eventsStored) : unknown);
            m_queueDepth->setText(
                s.ingestQueueDepth ? tr("%n event(s) waiting", nullptr, int(*s.ingestQueueDepth)) : unknown);
            const qint64 now = Format::nowMs();
            std::optional<double> rate = s.ingestRatePerS;
            if (!rate && s.eventsStored && m_lastEventCount && now > m_lastEventCount->first)
                rate = double(*s.eventsStored - m_lastEventCount->second) * 1000.0 /
                       double(now - m_lastEventCount->first);
            if (s.eventsStored)
                m_lastEventCount = std::make_pair(now, *s.eventsStored);
            m_ingestRate->setText(rate ? tr("%1 events/s").arg(QLocale().toString(*rate, 'f', 1)) : unknown);
            if (rate) {
                m_rateSamples << QPointF(double(now), qMax(0.0, *rate));
                while (m_rateSamples.size() > 120)
                    m_rateSamples.removeFirst();
                Charts::setIngestRate(m_chart, m_rateSamples);
            }
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load the server status."), f); });
}

void ServerPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_timer->start();
}

void ServerPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    Page::hideEvent(event);
}

} // namespace Gui
