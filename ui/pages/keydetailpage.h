#pragma once

#include "ui/charts/charts.h"
#include "ui/client/apitypes.h"

#include <QHash>
#include <QWidget>

class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTableView;
class QTimer;

namespace Gui {

class ErrorBanner;
class RequestLogModel;
class StatCard;
class Workspace;

// One key: accepted counts (24 h / 7 days / all time), last used, hourly activity,
// rejected requests by code, monthly usage against the limit, requests per minute with
// the limit line and 429s, recent requests, "Copy as cURL", "Copy diagnostic report".
// Refreshes itself every few seconds while visible, so new traffic shows up.
class KeyDetailPage final : public QWidget
{
    Q_OBJECT
public:
    explicit KeyDetailPage(Workspace *workspace, QWidget *parent = nullptr);

    void setKey(const Core::ApiKey &key, const QHash<QString, QString> &teamNames);
    void keyChanged(const Core::ApiKey &key);
    const Core::ApiKey &key() const { return m_key; }
    void refresh();
    void stopWatching();
    void setRefreshIntervalMs(int ms);

    // What the copy buttons put on the clipboard.
    QString curlCommand() const;
    QString diagnosticReport() const;

    // The range of the activity chart (1 h, 24 h, 7 days, 30 days); kept across keys.
    void setActivityRange(Charts::ActivityRange range);
    Charts::ActivityRange activityRange() const { return m_range; }

    const std::optional<KeyActivity> &activity() const { return m_activity; }
    const std::optional<KeyUsage> &usage() const { return m_usage; }
    RequestLogModel *requestModel() const { return m_requestModel; }

Q_SIGNALS:
    void backRequested();
    void revokeRequested(const Core::ApiKey &key);
    // All three reports arrived (or failed) after refresh().
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showHeader();
    void showActivity();
    void showUsage();
    void showActivityChart();
    void layOutCards();
    void partDone();
    std::optional<RequestLogEntry> selectedRequest() const;

    Workspace *m_workspace;
    Core::ApiKey m_key;
    QHash<QString, QString> m_teamNames;
    std::optional<KeyActivity> m_activity;
    std::optional<KeyUsage> m_usage;
    ErrorBanner *m_banner;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_accepted24h;
    QLabel *m_accepted7d;
    QLabel *m_acceptedAll;
    QLabel *m_rejected24h;
    QLabel *m_lastUsed;
    QLabel *m_monthUsage;
    StatCard *m_monthCard = nullptr;
    QList<QWidget *> m_cards;
    QGridLayout *m_cardGrid = nullptr;
    int m_cardColumns = 0;
    QComboBox *m_rangeBox = nullptr;
    Charts::ActivityRange m_range = Charts::ActivityRange::Last24Hours;
    QChartView *m_hourlyChart;
    QChartView *m_codesChart;
    QLabel *m_noRejections = nullptr;
    QChartView *m_monthlyChart;
    QChartView *m_minuteChart;
    RequestLogModel *m_requestModel;
    QTableView *m_requests;
    QPushButton *m_revoke;
    QTimer *m_timer;
    int m_pendingParts = 0;
    int m_generation = 0;
    QString m_serverVersion;
};

} // namespace Gui
