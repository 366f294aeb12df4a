#pragma once

#include "page.h"

#include <QDate>

#include <optional>
#include <utility>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QHBoxLayout;
class QScrollArea;
class QTimer;

namespace Gui {

class StatCard;
class TopList;

// A website's traffic (GET /websites/{id}/analytics): a website and a range (today,
// yesterday, 7 days, 30 days, this month, last month, 12 months, custom dates), cards for
// visitors, pageviews, sessions, bounce rate and custom events with their change against
// the previous period of equal length, visitors and pageviews over time (per hour up to
// two days, per day beyond), and the top pages, sources, browsers, systems and devices
// with inline bars. Days are UTC days, as the server counts them.
class AnalyticsPage final : public Page
{
    Q_OBJECT
public:
    enum class Preset { Today, Yesterday, Last7Days, Last30Days, ThisMonth, LastMonth, Last12Months, Custom };
    Q_ENUM(Preset)
    // A report the server refuses as busy (503) is asked for again, a second apart, this
    // many times before the page shows the failure.
    static constexpr int MaxBusyRetries = 5;

    explicit AnalyticsPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;

    // The first and last day of a preset, counted from `today` (both ends included).
    static std::pair<QDate, QDate> rangeOf(Preset preset, const QDate &today);
    // Hours for ranges up to two days, days beyond.
    static bool isHourly(const QDate &from, const QDate &to) { return from.daysTo(to) < 2; }
    // "+12 %", "−5 %", "new", "±0 %": a count against the previous period's.
    static QString change(qint64 now, qint64 before);

    // What "Export CSV…" writes: the shown report as one table, a row per bucket of the
    // time series (section "timeseries": time, visitors, pageviews) and per top-list entry
    // (its list's name, value, count), with the totals first. Text cells are quoted as
    // RFC 4180 says, and cells that a spreadsheet would run as a formula (=, +, -, @) are
    // prefixed with an apostrophe.
    static QByteArray csv(const WebsiteAnalytics &report);
    // Writes csv(report()) to the file; false (and the reason) when it cannot.
    bool exportCsv(const QString &path, QString *error) const;

    void setPreset(Preset preset);
    Preset preset() const;
    void selectWebsite(const QString &websiteId);
    QString websiteId() const;
    const std::optional<WebsiteAnalytics> &report() const { return m_report; }
    const std::optional<WebsiteRealtime> &realtime() const { return m_realtime; }
    // The event property list's rows ("key: value", count) once loaded; empty otherwise.
    const std::optional<EventProperties> &eventProperties() const { return m_eventProperties; }
    void setRealtimeIntervalMs(int ms);
    // Filters (parameter, value): clicking a list row sets its list's filter (replacing one
    // on the same parameter); each shows as a removable chip above the cards, and every
    // figure on the page is then of the matching events only. Another website clears them.
    using Filters = QList<std::pair<QString, QString>>;
    const Filters &filters() const { return m_filters; }
    void setFilter(const QString &name, const QString &value);
    void removeFilter(const QString &name);
    void clearFilters();
    // The chip text of a filter: "Country: Deutschland (DE)".
    static QString filterText(const QString &name, const QString &value);
    // Shows a report as load() does when it arrives (cards, chart, lists); public for the
    // page-render benchmark (bench/analyticspage.cpp).
    void showReport(const WebsiteAnalytics &report);

Q_SIGNALS:
    // A report arrived and is shown (or the load failed).
    void loaded();
    // Realtime figures arrived and are shown.
    void realtimeLoaded();
    // The filtered event's properties arrived and are shown (or failed to).
    void propertiesLoaded();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void load() { load(0); }
    // busyRetries: how many times this report was already refused as busy (503).
    void load(int busyRetries);
    void loadRealtime();
    // With an `event` filter: that event's property values over the range (its last 92 days).
    void loadProperties(const WebsiteAnalytics &report);
    // Nothing shown: no figures of another website (or of a failed load) stay on screen.
    void clearReport();
    void clearRealtime();
    void render(const WebsiteAnalytics &a);
    std::pair<QDate, QDate> currentRange() const;
    void updateFilterBar();

    QComboBox *m_website;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_noWebsites;
    QScrollArea *m_scroll;
    QPushButton *m_export;
    StatCard *m_visitors;
    StatCard *m_pageviews;
    StatCard *m_sessions;
    StatCard *m_bounceRate;
    StatCard *m_eventCount;
    StatCard *m_duration;
    QLabel *m_rangeNote;
    QWidget *m_filterBar;
    QHBoxLayout *m_filterLayout;
    Filters m_filters;
    QChartView *m_chart;
    TopList *m_pages;
    TopList *m_entryPages;
    TopList *m_exitPages;
    TopList *m_countries;
    TopList *m_sources;
    TopList *m_utmSources;
    TopList *m_utmMediums;
    TopList *m_utmCampaigns;
    TopList *m_events;
    TopList *m_browsers;
    TopList *m_os;
    TopList *m_devices;
    TopList *m_properties; // the filtered custom event's property values
    std::optional<WebsiteAnalytics> m_report;
    std::optional<WebsiteRealtime> m_realtime;
    std::optional<EventProperties> m_eventProperties;
    StatCard *m_now;
    QLabel *m_nowPages;
    QChartView *m_realtimeChart;
    QTimer *m_realtimeTimer;
    bool m_realtimePending = false;
    // One report request at a time: a report with several filters takes the server's
    // worker for seconds, and an answer nobody waits for any more still takes it. A load
    // while one is out waits for its answer, then asks for what is wanted by then.
    bool m_reportPending = false;
    bool m_reportWanted = false;
};

} // namespace Gui
