#include "usagepage.h"

#include "ui/charts/charts.h"
#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/models/models.h"
#include "ui/workspace.h"

#include <QChartView>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

UsagePage::UsagePage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Usage"), parent), m_model(new UsageModel(this)),
      m_table(makeTable(u"usageTable"_s, this, tr("No active API keys. Their usage shows here once you have one."))), m_chart(Charts::makeView(u"quotaChart"_s, this)),
      m_includeInactive(new QCheckBox(tr("Show inactive keys too (revoked, expired, billed to a Free team)"), this))
{
    setObjectName(u"usagePage"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table->setModel(proxy);
    m_table->sortByColumn(UsageModel::Percent, Qt::DescendingOrder);
    // As on the keys page: columns as wide as their contents (capped), the key's name
    // taking what is left, so the whole table fits from 1024 px up, in German too.
    fitColumns(m_table, UsageModel::Key, 220);
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
    loadKeys([this](const QList<Core::ApiKey> &keys, int generation) {
        QList<UsageRow> rows;
        for (const Core::ApiKey &k : keys)
            if (m_includeInactive->isChecked() || workspace()->keyStatus(k) == KeyStatus::Active)
                rows << UsageRow{k, std::nullopt, {}};
        m_model->setRows(rows);
        updateChart();
        for (const UsageRow &row : rows) {
            const QString id = row.key.id;
            client()->keyUsage(
                id, 1, this,
                [this, id, generation](const KeyUsage &u) {
                    const int r = m_model->rowOf(id);
                    if (!isCurrent(generation) || r < 0)
                        return;
                    UsageRow updated = m_model->rowAt(r);
                    updated.usage = u;
                    m_model->updateRow(r, updated);
                },
                [this, id, generation](const ApiFailure &f) {
                    const int r = m_model->rowOf(id);
                    if (!isCurrent(generation) || r < 0)
                        return;
                    UsageRow updated = m_model->rowAt(r);
                    updated.error = f.summary();
                    m_model->updateRow(r, updated);
                });
        }
    });
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

} // namespace Gui
