#include "serverpage.h"

#include "ui/charts/charts.h"
#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/workspace.h"

#include <QChartView>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

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
