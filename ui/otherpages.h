#pragma once

#include "page.h"

#include <QPointF>

class QChartView;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QTableView;
class QTimer;

namespace Gui {

class RequestLogModel;
class StatCard;
class UsageModel;

// Who I am, what I have, and how to start.
class OverviewPage final : public Page
{
    Q_OBJECT
public:
    explicit OverviewPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;

Q_SIGNALS:
    void goTo(const QString &pageObjectName);

private:
    QLabel *m_greeting;
    StatCard *m_teams;
    StatCard *m_websites;
    StatCard *m_keys;
    StatCard *m_events;
    QLabel *m_steps;
};

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
    int m_generation = 0;
};

// Recent requests across my keys, newest first.
class RequestsPage final : public Page
{
    Q_OBJECT
public:
    explicit RequestsPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;

private:
    void reload();
    RequestLogModel *m_model;
    QTableView *m_table;
    QComboBox *m_key;
    QCheckBox *m_errorsOnly;
    QList<RequestLogEntry> m_all;
    int m_generation = 0;
};

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
