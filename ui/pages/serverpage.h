#pragma once

#include "page.h"

#include <QList>
#include <QPointF>

#include <optional>
#include <utility>

class QChartView;
class QFormLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace Gui {

// The server: status, the ingest rate over time, the plan limits.
class ServerPage final : public Page
{
    Q_OBJECT
public:
    explicit ServerPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;
    void setSampleIntervalMs(int ms);

Q_SIGNALS:
    void changeServerRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void sample();
    void editPlans();
    QList<Core::PlanLimits> m_planLimits;
    QPushButton *m_editPlans = nullptr;
    QFormLayout *m_form;
    QLabel *m_version;
    QLabel *m_uptime;
    QLabel *m_listen;
    QLabel *m_connection;
    QLabel *m_dbPath;
    QLabel *m_dbSize;
    QLabel *m_events;
    QLabel *m_ingestRate;
    QLabel *m_queueDepth;
    QLabel *m_plans;
    QChartView *m_chart;
    QTimer *m_timer;
    QList<QPointF> m_rateSamples;
    std::optional<std::pair<qint64, qint64>> m_lastEventCount; // (ms, events) for a derived rate
};

} // namespace Gui
