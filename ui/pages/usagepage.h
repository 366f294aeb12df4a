#pragma once

#include "page.h"

class QChartView;
class QCheckBox;
class QTableView;

namespace Gui {

class UsageModel;

// Usage against quota for all my keys.
class UsagePage final : public Page
{
    Q_OBJECT
public:
    explicit UsagePage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;
    UsageModel *model() const { return m_model; }

private:
    void updateChart();
    UsageModel *m_model;
    QTableView *m_table;
    QChartView *m_chart;
    QCheckBox *m_includeInactive;
};

} // namespace Gui
