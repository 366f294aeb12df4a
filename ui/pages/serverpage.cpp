#include "serverpage.h"

#include "ui/charts/charts.h"
#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/widgets/fielderror.h"
#include "ui/workspace.h"

#include <QChartView>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QSpinBox>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

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
    m_plans->setObjectName(u"serverPlanLimits"_s);
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
    m_editPlans = new QPushButton(tr("Edit &limits…"), this);
    m_editPlans->setObjectName(u"editPlansButton"_s);
    m_editPlans->setToolTip(tr("Requests per minute and per month for each plan (server admins)"));
    auto *plansRow = new QHBoxLayout;
    plansRow->addWidget(m_plans, 1);
    plansRow->addWidget(m_editPlans, 0, Qt::AlignTop);
    m_form->addRow(tr("Plan limits:"), plansRow);
    connect(m_editPlans, &QPushButton::clicked, this, &ServerPage::editPlans);
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
            m_planLimits = plans;
            m_editPlans->setEnabled(workspace()->isServerAdmin() && !plans.isEmpty());
            QStringList lines;
            for (const Core::PlanLimits &p : plans)
                lines << tr("%1: %2 per minute, %3 per month")
                             .arg(Format::plan(p.plan), Format::number(p.perMinute),
                                  Format::number(p.perMonth));
            m_plans->setText(lines.isEmpty() ? tr("not reported") : lines.join(u'\n'));
        },
        [this](const ApiFailure &f) { m_plans->setText(tr("not available (%1)").arg(f.summary())); });
}

// One row per plan: requests per minute and per month, sent together; the server
// checks them (422 per field) and answers with the limits now in force.
void ServerPage::editPlans()
{
    if (m_planLimits.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"planLimitsDialog"_s);
    dialog->setWindowTitle(tr("Plan limits"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Plan</b>"), dialog), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Requests per minute</b>"), dialog), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Requests per month</b>"), dialog), 0, 2);
    QList<std::pair<QSpinBox *, QSpinBox *>> boxes;
    for (int i = 0; i < m_planLimits.size(); ++i) {
        const Core::PlanLimits &l = m_planLimits.at(i);
        auto *perMinute = new QSpinBox(dialog);
        auto *perMonth = new QSpinBox(dialog);
        const QString name = Core::planName(l.plan);
        perMinute->setObjectName(u"perMinute_"_s + name);
        perMonth->setObjectName(u"perMonth_"_s + name);
        for (QSpinBox *box : {perMinute, perMonth}) {
            box->setRange(0, std::numeric_limits<int>::max());
            box->setGroupSeparatorShown(true);
            box->setAlignment(Qt::AlignRight);
        }
        perMinute->setValue(int(qMin<qint64>(l.perMinute, std::numeric_limits<int>::max())));
        perMonth->setValue(int(qMin<qint64>(l.perMonth, std::numeric_limits<int>::max())));
        grid->addWidget(new QLabel(Format::plan(l.plan), dialog), i + 1, 0);
        grid->addWidget(perMinute, i + 1, 1);
        grid->addWidget(perMonth, i + 1, 2);
        boxes.append(std::make_pair(perMinute, perMonth));
    }
    auto *note = new QLabel(tr("Every API key billed to a team on a plan is held to that plan's limits."), dialog);
    note->setWordWrap(true);
    QLabel *error = createFieldError(u"planLimitsError"_s, dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"savePlansButton"_s);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(grid);
    layout->addWidget(note);
    layout->addWidget(error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, boxes, error, buttons] {
        QList<Core::PlanLimits> changed = m_planLimits;
        for (int i = 0; i < changed.size(); ++i) {
            changed[i].perMinute = boxes.at(i).first->value();
            changed[i].perMonth = boxes.at(i).second->value();
        }
        setFieldError(error, {});
        buttons->setEnabled(false);
        client()->updatePlans(
            changed, dialog,
            [this, dialog](const QList<Core::PlanLimits> &) {
                Q_EMIT statusMessage(tr("Plan limits saved."));
                dialog->accept();
                refresh();
            },
            [error, buttons](const ApiFailure &f) {
                buttons->setEnabled(true);
                Gui::showFailure(f, QHash<QString, QLabel *>(), error);
            });
    });
    dialog->open();
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
