#include "analyticspage.h"

#include "ui/charts/charts.h"
#include "core/model/csv.h"
#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/toplist.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
QDate utcToday()
{
    return QDateTime::fromMSecsSinceEpoch(Format::nowMs(), Qt::UTC).date();
}

QString shortDate(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}
} // namespace

AnalyticsPage::AnalyticsPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Analytics"), parent), m_website(new QComboBox(this)), m_range(new QComboBox(this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_noWebsites(new QLabel(tr("No websites yet. Add one on the Websites page and put its tracking snippet "
                                 "in your pages: its visitors show here."),
                              this)),
      m_scroll(new QScrollArea(this)), m_export(new QPushButton(tr("&Export CSV…"), this)), m_visitors(new StatCard(u"visitorsCard"_s, tr("Visitors"), this)),
      m_pageviews(new StatCard(u"pageviewsCard"_s, tr("Pageviews"), this)),
      m_sessions(new StatCard(u"sessionsCard"_s, tr("Visits"), this)),
      m_bounceRate(new StatCard(u"bounceRateCard"_s, tr("Bounce rate"), this)),
      m_eventCount(new StatCard(u"eventsCard"_s, tr("Custom events"), this)),
      m_duration(new StatCard(u"durationCard"_s, tr("Visit duration"), this)), m_rangeNote(new QLabel(this)),
      m_filterBar(new QWidget(this)), m_filterLayout(new QHBoxLayout(m_filterBar)),
      m_chart(Charts::makeView(u"trafficChart"_s, this)),
      m_pages(new TopList(u"topPages"_s, tr("Pages"), tr("Page"), this)),
      m_entryPages(new TopList(u"topEntryPages"_s, tr("Entry pages"), tr("Page"), this)),
      m_exitPages(new TopList(u"topExitPages"_s, tr("Exit pages"), tr("Page"), this)),
      m_countries(new TopList(u"topCountries"_s, tr("Countries"), tr("Country"), this)),
      m_sources(new TopList(u"topSources"_s, tr("Sources"), tr("Referrer"), this)),
      m_utmSources(new TopList(u"topUtmSources"_s, tr("Campaign sources"), u"utm_source"_s, this)),
      m_utmMediums(new TopList(u"topUtmMediums"_s, tr("Campaign media"), u"utm_medium"_s, this)),
      m_utmCampaigns(new TopList(u"topUtmCampaigns"_s, tr("Campaigns"), u"utm_campaign"_s, this)),
      m_events(new TopList(u"topEvents"_s, tr("Custom events"), tr("Event"), this)),
      m_browsers(new TopList(u"topBrowsers"_s, tr("Browsers"), tr("Browser"), this)),
      m_os(new TopList(u"topOs"_s, tr("Operating systems"), tr("System"), this)),
      m_devices(new TopList(u"topDevices"_s, tr("Devices"), tr("Device"), this)),
      m_properties(new TopList(u"topEventProperties"_s, tr("Event properties"), tr("Property"), this)),
      m_now(new StatCard(u"realtimeVisitors"_s, tr("Visitors in the last 5 minutes"), this)),
      m_nowPages(new QLabel(this)), m_realtimeChart(Charts::makeView(u"realtimeChart"_s, this)),
      m_realtimeTimer(new QTimer(this))
{
    setObjectName(u"analyticsPage"_s);
    m_website->setObjectName(u"analyticsWebsite"_s);
    m_website->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_website->setMinimumContentsLength(16);
    m_range->setObjectName(u"analyticsRange"_s);
    const QList<std::pair<Preset, QString>> presets = {
        {Preset::Today, tr("Today")},
        {Preset::Yesterday, tr("Yesterday")},
        {Preset::Last7Days, tr("Last 7 days")},
        {Preset::Last30Days, tr("Last 30 days")},
        {Preset::ThisMonth, tr("This month")},
        {Preset::LastMonth, tr("Last month")},
        {Preset::Last12Months, tr("Last 12 months")},
        {Preset::Custom, tr("Custom…")}};
    for (const auto &[preset, text] : presets)
        m_range->addItem(text, int(preset));
    m_range->setCurrentIndex(m_range->findData(int(Preset::Last30Days)));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setMaximumDate(utcToday().addDays(1));
        edit->hide();
    }
    m_from->setObjectName(u"analyticsFrom"_s);
    m_to->setObjectName(u"analyticsTo"_s);
    m_from->setToolTip(tr("First day (UTC)"));
    m_to->setToolTip(tr("Last day (UTC)"));

    auto *websiteLabel = new QLabel(tr("&Website:"), this);
    websiteLabel->setBuddy(m_website);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    auto *bar = new QHBoxLayout;
    bar->addWidget(websiteLabel);
    bar->addWidget(m_website);
    bar->addSpacing(12);
    bar->addWidget(rangeLabel);
    bar->addWidget(m_range);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addStretch(1);
    m_export->setObjectName(u"analyticsExport"_s);
    m_export->setToolTip(tr("Save what this page shows (totals, the time series and every list) as a CSV file"));
    m_export->setEnabled(false);
    bar->addWidget(m_export);

    m_noWebsites->setObjectName(u"analyticsNoWebsites"_s);
    m_noWebsites->setWordWrap(true);
    m_noWebsites->setAlignment(Qt::AlignCenter);
    m_noWebsites->setForegroundRole(QPalette::PlaceholderText);
    m_noWebsites->hide();

    auto *cards = new QHBoxLayout;
    for (StatCard *c : {m_visitors, m_pageviews, m_sessions, m_bounceRate, m_duration, m_eventCount})
        cards->addWidget(c);
    m_visitors->setToolTip(tr("People over the whole range: one per browser and address each day, however many tabs or visits"));
    m_sessions->setToolTip(tr("Visits: a visitor's pageviews and events less than 30 minutes apart"));
    m_bounceRate->setToolTip(tr("Share of visits with one pageview and no custom event"));
    m_duration->setToolTip(tr("Mean time from a visit's first pageview or event to its last"));
    m_rangeNote->setObjectName(u"analyticsRangeNote"_s);
    m_rangeNote->setForegroundRole(QPalette::PlaceholderText);
    m_chart->setMinimumHeight(260);
    // Realtime: the last 5 minutes' visitors and pages, pageviews per minute over 30,
    // refreshed every 10 seconds while the page is in view.
    auto *realtime = new QFrame(this);
    realtime->setObjectName(u"realtimePanel"_s);
    realtime->setFrameShape(QFrame::StyledPanel);
    auto *realtimeLayout = new QHBoxLayout(realtime);
    realtimeLayout->setContentsMargins(6, 4, 6, 4);
    auto *nowColumn = new QVBoxLayout;
    m_now->setFrameShape(QFrame::NoFrame);
    nowColumn->addWidget(m_now);
    m_nowPages->setObjectName(u"realtimePages"_s);
    m_nowPages->setWordWrap(true);
    m_nowPages->setForegroundRole(QPalette::PlaceholderText);
    nowColumn->addWidget(m_nowPages, 1);
    realtimeLayout->addLayout(nowColumn, 1);
    m_realtimeChart->setMinimumHeight(130);
    m_realtimeChart->setMaximumHeight(150);
    m_realtimeChart->setToolTip(tr("Pageviews per minute over the last 30 minutes"));
    realtimeLayout->addWidget(m_realtimeChart, 3);
    m_realtimeTimer->setInterval(10'000);
    connect(m_realtimeTimer, &QTimer::timeout, this, &AnalyticsPage::loadRealtime);
    auto *lists = new QGridLayout;
    m_countries->setValueText(&Format::country);
    m_countries->setToolTip(tr("Visits by country (when the server has a country database: [geoip] database)"));
    const QList<TopList *> order = {m_pages,      m_entryPages, m_exitPages,    m_sources,
                                    m_countries,  m_utmSources, m_utmMediums,   m_utmCampaigns,
                                    m_browsers,   m_os,         m_devices,      m_events};
    for (int i = 0; i < order.size(); ++i)
        lists->addWidget(order.at(i), i / 3, i % 3, Qt::AlignTop);
    lists->addWidget(m_properties, int(order.size()) / 3, 0, 1, 3, Qt::AlignTop);
    m_properties->setToolTip(tr("The most frequent values of each property the filtered custom event carries"));
    m_properties->hide();
    // Every list filters the page by its row's value: entry and exit pages by the page.
    const QList<std::pair<TopList *, QString>> filterOf = {
        {m_pages, u"page"_s},           {m_entryPages, u"page"_s},         {m_exitPages, u"page"_s},
        {m_sources, u"referrer"_s},     {m_countries, u"country"_s},       {m_utmSources, u"utm_source"_s},
        {m_utmMediums, u"utm_medium"_s}, {m_utmCampaigns, u"utm_campaign"_s}, {m_browsers, u"browser"_s},
        {m_os, u"os"_s},                {m_devices, u"device"_s},          {m_events, u"event"_s}};
    for (const auto &[list, name] : filterOf) {
        list->setActivatable(tr("Click to show only this"));
        connect(list, &TopList::valueActivated, this,
                [this, name = name](const QString &value) { setFilter(name, value); });
    }
    m_filterBar->setObjectName(u"analyticsFilters"_s);
    m_filterLayout->setContentsMargins(0, 0, 0, 0);
    m_filterBar->hide();
    for (int col = 0; col < 3; ++col)
        lists->setColumnStretch(col, 1);

    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_rangeNote);
    bodyLayout->addWidget(m_filterBar);
    bodyLayout->addLayout(cards);
    bodyLayout->addWidget(realtime);
    bodyLayout->addWidget(m_chart);
    bodyLayout->addLayout(lists);
    m_scroll->setObjectName(u"analyticsScroll"_s);
    m_scroll->setWidget(body);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    contentLayout()->addLayout(bar);
    contentLayout()->addWidget(m_noWebsites, 1);
    contentLayout()->addWidget(m_scroll, 1);

    connect(m_website, &QComboBox::activated, this, [this] {
        m_filters.clear(); // another website's values mean nothing here
        updateFilterBar();
        load();
    });
    connect(m_range, &QComboBox::activated, this, [this] {
        const bool custom = preset() == Preset::Custom;
        if (custom) {
            // Start the custom range from what was shown.
            const auto [from, to] = m_report ? std::pair{m_report->from, m_report->to}
                                             : rangeOf(Preset::Last30Days, utcToday());
            m_from->setDate(from);
            m_to->setDate(to);
        }
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        load();
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::editingFinished, this, [this] { load(); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (!m_report)
            return;
        const int site = m_website->findData(m_report->websiteId);
        const QString siteName = site >= 0 ? m_website->itemText(site).section(u' ', 0, 0) : m_report->websiteId;
        const QString suggested = u"analytics-%1-%2-%3.csv"_s.arg(siteName, m_report->from.toString(Qt::ISODate),
                                                                  m_report->to.toString(Qt::ISODate));
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), suggested, tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (exportCsv(path, &error))
            Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        else
            QMessageBox::warning(this, tr("Export CSV"), tr("Could not save %1: %2").arg(path, error));
    });
}

QByteArray AnalyticsPage::csv(const WebsiteAnalytics &r)
{
    const auto cell = &Core::Csv::cell;
    QStringList lines{u"section,value,visitors,pageviews,count"_s};
    // Cells are joined, never put through QString::arg one after another: a value such as
    // "/a%2Fb" would take the next argument's place.
    const auto row = [](const QStringList &cells) { return cells.join(u','); };
    const auto n = [](qint64 v) { return QString::number(v); };
    lines << row({u"website"_s, cell(r.websiteId), {}, {}, {}});
    lines << row({u"range"_s, r.from.toString(Qt::ISODate) + u" to "_s + r.to.toString(Qt::ISODate), {}, {}, {}});
    for (const auto &[name, value] : r.filters)
        lines << row({u"filter"_s, cell(name + u'=' + value), {}, {}, {}});
    lines << row({u"totals"_s, u"all"_s, n(r.totals.visitors), n(r.totals.pageviews), {}});
    lines << row({u"totals"_s, u"visits"_s, {}, {}, n(r.totals.sessions)});
    lines << row({u"totals"_s, u"custom events"_s, {}, {}, n(r.totals.events)});
    lines << row({u"totals"_s, u"bounce rate %"_s, {}, {}, QString::number(r.totals.bounceRate, 'f', 2)});
    lines << row({u"totals"_s, u"visit duration s"_s, {}, {}, n(r.totals.visitDuration)});
    for (const AnalyticsPoint &p : r.timeseries)
        lines << row({u"timeseries"_s, QDateTime::fromMSecsSinceEpoch(p.t, Qt::UTC).toString(Qt::ISODate),
                      n(p.visitors), n(p.pageviews), {}});
    const QList<std::pair<QString, const QList<AnalyticsCount> *>> lists = {
        {u"pages"_s, &r.pages},           {u"entry_pages"_s, &r.entryPages},     {u"exit_pages"_s, &r.exitPages},
        {u"referrers"_s, &r.referrers},   {u"countries"_s, &r.countries},
        {u"utm_sources"_s, &r.utmSources}, {u"utm_mediums"_s, &r.utmMediums},    {u"utm_campaigns"_s, &r.utmCampaigns},
        {u"browsers"_s, &r.browsers},      {u"os"_s, &r.os},                     {u"devices"_s, &r.devices},
        {u"events"_s, &r.events}};
    for (const auto &[name, list] : lists)
        for (const AnalyticsCount &c : *list)
            lines << row({name, cell(c.value), {}, {}, n(c.count)});
    return lines.join(u"\r\n"_s).toUtf8() + "\r\n";
}

bool AnalyticsPage::exportCsv(const QString &path, QString *error) const
{
    if (!m_report) {
        *error = tr("nothing is shown yet");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv(*m_report)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::pair<QDate, QDate> AnalyticsPage::rangeOf(Preset preset, const QDate &today)
{
    switch (preset) {
    case Preset::Today:
        return {today, today};
    case Preset::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Preset::Last7Days:
        return {today.addDays(-6), today};
    case Preset::Last30Days:
    case Preset::Custom:
        break;
    case Preset::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Preset::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addDays(first.daysInMonth() - 1)};
    }
    case Preset::Last12Months:
        return {today.addMonths(-12).addDays(1), today};
    }
    return {today.addDays(-29), today};
}

QString AnalyticsPage::change(qint64 now, qint64 before)
{
    if (before == 0)
        return now == 0 ? tr("±0 %") : tr("new");
    const double pct = 100.0 * double(now - before) / double(before);
    const QString magnitude = QLocale().toString(qAbs(pct), 'f', qAbs(pct) < 10 ? 1 : 0);
    if (magnitude == QLocale().toString(0.0, 'f', 1) || magnitude == QLocale().toString(0.0, 'f', 0))
        return tr("±0 %");
    return pct > 0 ? tr("▲ %1 %").arg(magnitude) : tr("▼ %1 %").arg(magnitude);
}

AnalyticsPage::Preset AnalyticsPage::preset() const
{
    return Preset(m_range->currentData().toInt());
}

void AnalyticsPage::setPreset(Preset p)
{
    m_range->setCurrentIndex(m_range->findData(int(p)));
    Q_EMIT m_range->activated(m_range->currentIndex());
}

void AnalyticsPage::selectWebsite(const QString &websiteId)
{
    const int index = m_website->findData(websiteId);
    if (index < 0)
        return;
    m_website->setCurrentIndex(index);
    load();
}

QString AnalyticsPage::websiteId() const
{
    return m_website->currentData().toString();
}

std::pair<QDate, QDate> AnalyticsPage::currentRange() const
{
    if (preset() == Preset::Custom) {
        QDate from = m_from->date(), to = m_to->date();
        if (from > to)
            std::swap(from, to);
        return {from, to};
    }
    return rangeOf(preset(), utcToday());
}

void AnalyticsPage::refresh()
{
    const int request = nextGeneration();
    client()->websites(
        this,
        [this, request](const QList<Core::Website> &sites) {
            if (!isCurrent(request))
                return;
            const QString current = websiteId();
            m_website->clear();
            for (const Core::Website &w : sites)
                m_website->addItem(w.domain.isEmpty() ? w.name : u"%1 (%2)"_s.arg(w.name, w.domain), w.id);
            m_website->model()->sort(0);
            m_website->setCurrentIndex(qMax(0, m_website->findData(current)));
            if (websiteId() != current && !m_filters.isEmpty()) {
                m_filters.clear(); // another website now: its values mean nothing here
                updateFilterBar();
            }
            m_noWebsites->setVisible(sites.isEmpty());
            m_scroll->setVisible(!sites.isEmpty());
            markLoaded();
            if (sites.isEmpty()) {
                clearFailure();
                m_report.reset();
                Q_EMIT loaded();
                return;
            }
            load();
        },
        [this, request](const ApiFailure &f) {
            if (!isCurrent(request))
                return;
            showFailure(tr("Could not load your websites."), f);
            Q_EMIT loaded();
        });
}

void AnalyticsPage::load(int busyRetries)
{
    const QString id = websiteId();
    if (id.isEmpty())
        return;
    if (m_report && m_report->websiteId != id)
        clearReport(); // never another website's figures under this one's name
    const int request = nextGeneration(); // the answer out, if any, is not wanted any more
    if (m_reportPending) {
        m_reportWanted = true;
        return;
    }
    // An answer: another load meanwhile asks now, for what is wanted by then.
    const auto answered = [this] {
        m_reportPending = false;
        if (!std::exchange(m_reportWanted, false))
            return false;
        load();
        return true;
    };
    m_reportPending = true;
    const auto [from, to] = currentRange();
    client()->websiteAnalytics(
        id, from, to, isHourly(from, to), m_filters, this,
        [this, request, answered](const WebsiteAnalytics &a) {
            if (answered() || !isCurrent(request))
                return;
            showReport(a);
            Q_EMIT loaded();
            loadRealtime();
            loadProperties(a);
        },
        [this, request, busyRetries, answered](const ApiFailure &f) {
            if (answered() || !isCurrent(request))
                return;
            // A report with several filters is worked out on the server's worker, which
            // refuses more than a few at once (503, Retry-After: 1): clicking chips quickly
            // can do that. Ask again a few times before calling it a failure.
            if (f.status == 503 && f.code == u"SERVICE_UNAVAILABLE"_s && busyRetries < MaxBusyRetries) {
                QTimer::singleShot(1000, this, [this, request, busyRetries] {
                    if (isCurrent(request))
                        load(busyRetries + 1);
                });
                return;
            }
            showFailure(tr("Could not load the website's analytics."), f);
            clearReport();
            Q_EMIT loaded();
        });
}

void AnalyticsPage::showReport(const WebsiteAnalytics &report)
{
    clearFailure();
    m_report = report;
    m_export->setEnabled(true);
    render(report);
}

void AnalyticsPage::render(const WebsiteAnalytics &a)
{
    const AnalyticsTotals &t = a.totals;
    const std::optional<AnalyticsTotals> &p = a.previous;
    auto card = [&p](StatCard *c, const QString &value, const QString &caption, qint64 now, qint64 before) {
        c->setValue(value, c->toolTip());
        c->setCaption(p ? tr("%1 · %2").arg(caption, change(now, before)) : caption);
    };
    card(m_visitors, Format::number(t.visitors), tr("Visitors"), t.visitors, p ? p->visitors : 0);
    card(m_pageviews, Format::number(t.pageviews), tr("Pageviews"), t.pageviews, p ? p->pageviews : 0);
    card(m_sessions, Format::number(t.sessions), tr("Visits"), t.sessions, p ? p->sessions : 0);
    card(m_eventCount, Format::number(t.events), tr("Custom events"), t.events, p ? p->events : 0);
    card(m_duration, t.sessions > 0 ? Format::duration(t.visitDuration) : u"—"_s, tr("Visit duration"), t.visitDuration,
         p ? p->visitDuration : 0);
    // The bounce rate changes in percentage points, not in percent of itself.
    m_bounceRate->setValue(t.sessions > 0 ? tr("%1 %").arg(QLocale().toString(t.bounceRate, 'f', 0)) : u"—"_s,
                           m_bounceRate->toolTip());
    QString bounce = tr("Bounce rate");
    if (p && p->sessions > 0 && t.sessions > 0) {
        const double points = t.bounceRate - p->bounceRate;
        const QString magnitude = QLocale().toString(qAbs(points), 'f', 0);
        bounce = tr("%1 · %2")
                     .arg(bounce, magnitude == QLocale().toString(0.0, 'f', 0)
                                      ? tr("±0 points")
                                      : (points > 0 ? tr("▲ %1 points") : tr("▼ %1 points")).arg(magnitude));
    }
    m_bounceRate->setCaption(bounce);

    const qint64 days = a.from.daysTo(a.to) + 1;
    QString note = a.from == a.to ? tr("%1 (UTC), against the day before").arg(shortDate(a.from))
                                  : tr("%1 – %2 (UTC, %n day(s)), against the %n day(s) before", nullptr, int(days))
                                        .arg(shortDate(a.from), shortDate(a.to));
    if (a.filtersSince > 0)
        note += u" · "_s + tr("filtered figures exist from %1 on (the server's upgrade)")
                               .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.filtersSince).toLocalTime(),
                                                       QLocale::ShortFormat));
    m_rangeNote->setText(note);
    Charts::setTraffic(m_chart, a.timeseries, a.hourly);
    m_pages->setRows(a.pages);
    m_entryPages->setRows(a.entryPages);
    m_exitPages->setRows(a.exitPages);
    m_countries->setRows(a.countries);
    m_sources->setRows(a.referrers);
    m_utmSources->setRows(a.utmSources);
    m_utmMediums->setRows(a.utmMediums);
    m_utmCampaigns->setRows(a.utmCampaigns);
    m_events->setRows(a.events);
    m_browsers->setRows(a.browsers);
    m_os->setRows(a.os);
    m_devices->setRows(a.devices);
    Q_EMIT statusMessage(tr("%1 pageviews in this range").arg(Format::number(t.pageviews)));
}

void AnalyticsPage::loadProperties(const WebsiteAnalytics &report)
{
    const auto event = std::find_if(report.filters.cbegin(), report.filters.cend(),
                                    [](const auto &f) { return f.first == u"event"_s; });
    m_eventProperties.reset();
    m_properties->setRows({});
    m_properties->setVisible(event != report.filters.cend());
    if (event == report.filters.cend())
        return;
    // The server reads properties from stored events: at most the range's last 92 days.
    const QDate from = qMax(report.from, report.to.addDays(-91));
    const QString name = event->second;
    const QString websiteId = report.websiteId;
    client()->eventProperties(
        websiteId, name, from, report.to, this,
        [this, websiteId, name](const EventProperties &p) {
            if (!m_report || m_report->websiteId != websiteId || !m_filters.contains(std::pair{u"event"_s, name}))
                return; // the page moved on meanwhile
            m_eventProperties = p;
            QList<AnalyticsCount> rows;
            for (const EventPropertyValue &v : p.values)
                rows.append({tr("%1: %2").arg(v.key, v.value), v.count});
            std::stable_sort(rows.begin(), rows.end(),
                             [](const AnalyticsCount &a, const AnalyticsCount &b) { return a.count > b.count; });
            if (rows.size() > 12)
                rows.resize(12);
            m_properties->setRows(rows);
            Q_EMIT propertiesLoaded();
        },
        [this, websiteId, name](const ApiFailure &) {
            if (!m_report || m_report->websiteId != websiteId || !m_filters.contains(std::pair{u"event"_s, name}))
                return;
            m_properties->setRows({});
            Q_EMIT propertiesLoaded();
        });
}

QString AnalyticsPage::filterText(const QString &name, const QString &value)
{
    const QHash<QString, QString> labels = {
        {u"page"_s, tr("Page")},       {u"referrer"_s, tr("Referrer")}, {u"country"_s, tr("Country")},
        {u"browser"_s, tr("Browser")}, {u"os"_s, tr("System")},         {u"device"_s, tr("Device")},
        {u"event"_s, tr("Event")}};
    return tr("%1: %2").arg(labels.value(name, name), name == u"country"_s ? Format::country(value) : value);
}

void AnalyticsPage::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty() || m_filters.contains(std::pair{name, value}))
        return;
    const auto same = std::find_if(m_filters.begin(), m_filters.end(), [&](const auto &f) { return f.first == name; });
    if (same != m_filters.end())
        same->second = value;
    else
        m_filters.append({name, value});
    updateFilterBar();
    load();
}

void AnalyticsPage::removeFilter(const QString &name)
{
    if (m_filters.removeIf([&](const auto &f) { return f.first == name; }) == 0)
        return;
    updateFilterBar();
    load();
}

void AnalyticsPage::clearFilters()
{
    if (m_filters.isEmpty())
        return;
    m_filters.clear();
    updateFilterBar();
    load();
}

void AnalyticsPage::updateFilterBar()
{
    while (QLayoutItem *item = m_filterLayout->takeAt(0)) {
        if (QWidget *w = item->widget()) { // perhaps the chip whose click is being handled
            w->hide();
            w->setObjectName({});
            w->deleteLater();
        }
        delete item;
    }
    m_filterBar->setVisible(!m_filters.isEmpty());
    if (m_filters.isEmpty())
        return;
    auto *label = new QLabel(tr("Only:"), m_filterBar);
    label->setForegroundRole(QPalette::PlaceholderText);
    m_filterLayout->addWidget(label);
    for (const auto &[name, value] : std::as_const(m_filters)) {
        auto *chip = new QToolButton(m_filterBar);
        chip->setObjectName(u"filterChip-"_s + name);
        chip->setAutoRaise(false);
        // Visitors' values: shown as plain text, elided when long.
        QString text = filterText(name, value);
        text = chip->fontMetrics().elidedText(text, Qt::ElideMiddle, 320);
        chip->setText(text + u"  ✕"_s);
        chip->setToolTip(tr("Remove the filter %1").arg(filterText(name, value)));
        chip->setAccessibleName(tr("Remove the filter %1").arg(filterText(name, value)));
        connect(chip, &QToolButton::clicked, this, [this, name = name] { removeFilter(name); });
        m_filterLayout->addWidget(chip);
    }
    if (m_filters.size() > 1) {
        auto *all = new QToolButton(m_filterBar);
        all->setObjectName(u"filterClearAll"_s);
        all->setText(tr("Clear all"));
        all->setAutoRaise(true);
        connect(all, &QToolButton::clicked, this, &AnalyticsPage::clearFilters);
        m_filterLayout->addWidget(all);
    }
    m_filterLayout->addStretch(1);
}

void AnalyticsPage::clearReport()
{
    m_report.reset();
    m_export->setEnabled(false);
    for (StatCard *c : {m_visitors, m_pageviews, m_sessions, m_bounceRate, m_duration, m_eventCount})
        c->setValue(u"—"_s, c->toolTip());
    m_rangeNote->clear();
    Charts::setTraffic(m_chart, {}, false);
    for (TopList *l : {m_pages, m_entryPages, m_exitPages, m_sources, m_countries, m_utmSources, m_utmMediums,
                       m_utmCampaigns, m_browsers, m_os, m_devices, m_events, m_properties})
        l->setRows({});
    m_eventProperties.reset();
    clearRealtime();
}

void AnalyticsPage::clearRealtime()
{
    m_realtime.reset();
    m_now->setValue(u"—"_s, m_now->toolTip());
    m_nowPages->clear();
    Charts::setRealtime(m_realtimeChart, {});
}

void AnalyticsPage::setRealtimeIntervalMs(int ms)
{
    m_realtimeTimer->setInterval(ms);
}

void AnalyticsPage::loadRealtime()
{
    const QString id = websiteId();
    if (id.isEmpty() || m_realtimePending)
        return;
    m_realtimePending = true;
    client()->websiteRealtime(
        id, m_filters, this,
        [this, id, filters = m_filters](const WebsiteRealtime &r) {
            m_realtimePending = false;
            if (id != websiteId() || filters != m_filters) {
                loadRealtime(); // another website or other filters were chosen meanwhile
                return;
            }
            m_realtime = r;
            m_now->setValue(Format::number(r.visitors), m_now->toolTip());
            QStringList pages;
            for (const AnalyticsCount &c : r.pages.mid(0, 3))
                pages << tr("%1 (%2)").arg(c.value, Format::number(c.count));
            m_nowPages->setText(pages.isEmpty() ? tr("No pageviews in the last 5 minutes.")
                                                : tr("Now on: %1").arg(pages.join(u", "_s)));
            Charts::setRealtime(m_realtimeChart, r.pageviewsPerMinute);
            Q_EMIT realtimeLoaded();
        },
        [this](const ApiFailure &) {
            // The main report shows failures; realtime tries again on its next tick.
            m_realtimePending = false;
            clearRealtime();
        });
}

void AnalyticsPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_realtimeTimer->start();
}

void AnalyticsPage::hideEvent(QHideEvent *event)
{
    m_realtimeTimer->stop();
    Page::hideEvent(event);
}

void AnalyticsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_chart->chart()) {
        Charts::applyPalette(m_chart->chart(), palette());
        Charts::applyPalette(m_realtimeChart->chart(), palette());
    }
    Page::changeEvent(event);
}

} // namespace Gui
