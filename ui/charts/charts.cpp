#include "charts.h"

#include "ui/format.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLocale>
#include <QLineSeries>
#include <QPalette>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Gui::Charts {

namespace {
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Gui::Charts)
};

const QColor Accepted(0x1e, 0x88, 0xe5);
const QColor Rejected(0xe5, 0x39, 0x35);
const QColor Limit(0x75, 0x75, 0x75);
const QColor Used(0x43, 0xa0, 0x47);

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->setBackgroundRoundness(4);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void install(QChartView *view, QChart *chart)
{
    applyPalette(chart, view->palette());
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

QValueAxis *countAxis(qint64 maxValue)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%d"_s);
    axis->setRange(0, double(qMax<qint64>(maxValue, 4)) * 1.1);
    axis->applyNiceNumbers();
    return axis;
}

// "01.12. 14:00" where days come first, "12/01 14:00" where months do.
QString dayAndTimeFormat()
{
    const QString date = QLocale().dateFormat(QLocale::ShortFormat);
    const qsizetype d = date.indexOf(u'd'), m = date.indexOf(u'M');
    return d >= 0 && m >= 0 && d < m ? u"dd.MM. HH:mm"_s : u"MM/dd HH:mm"_s;
}

QDateTimeAxis *timeAxis(qint64 fromMs, qint64 toMs, const QString &format)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(format);
    axis->setTickCount(7);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    return axis;
}

QLineSeries *line(const QString &name, const QString &objectName, const QColor &color, qreal width = 2,
                  Qt::PenStyle style = Qt::SolidLine)
{
    auto *s = new QLineSeries;
    s->setName(name);
    s->setObjectName(objectName);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    s->setPen(pen);
    return s;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}
} // namespace

QChartView *makeView(const QString &objectName, QWidget *parent)
{
    // QChartView(parent) would make a default chart of its own, and setChart() releases the
    // chart it replaces without deleting it: hand the view its first chart at construction.
    auto *view = new QChartView(newChart({}), parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

void applyPalette(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setTitleBrush(palette.brush(QPalette::Text));
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.brush(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Midlight));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
    // setTheme() recolours series: put ours back.
    for (QAbstractSeries *series : chart->series()) {
        const QColor c = series->property("zvColor").value<QColor>();
        if (auto *l = qobject_cast<QLineSeries *>(series); l && c.isValid()) {
            QPen pen = l->pen();
            pen.setColor(c);
            l->setPen(pen);
        } else if (auto *a = qobject_cast<QAreaSeries *>(series); a && c.isValid()) {
            QColor fill = c;
            fill.setAlpha(90);
            a->setBrush(fill);
            a->setPen(QPen(c, 2));
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                if (const QColor sc = set->property("zvColor").value<QColor>(); sc.isValid())
                    set->setColor(sc);
                set->setLabelColor(palette.color(QPalette::Text));
            }
        }
    }
}

void setHourlyActivity(QChartView *view, const QList<HourlyPoint> &hourly)
{
    QChart *chart = newChart(Tr::tr("Requests per hour"));
    auto *accepted = line(Tr::tr("Accepted"), u"accepted"_s, Accepted);
    auto *rejected = line(Tr::tr("Rejected"), u"rejected"_s, Rejected);
    qint64 maxValue = 0;
    for (const HourlyPoint &p : hourly) {
        accepted->append(double(p.t), double(p.accepted));
        rejected->append(double(p.t), double(p.rejected));
        maxValue = qMax(maxValue, qMax(p.accepted, p.rejected));
    }
    // Whole hours, one tick a day over two days (room for the whole label at 1024 px);
    // the labels carry the day, as the range crosses midnight (a time alone repeats:
    // 14:00 … 14:00).
    const qint64 from =
        hourly.isEmpty() ? Format::nowMs() / 3600'000 * 3600'000 - 48 * 3600'000LL : hourly.first().t;
    const qint64 span = qMax<qint64>(hourly.size(), 48) * 3600'000LL;
    auto *x = timeAxis(from, from + span, dayAndTimeFormat());
    x->setTickCount(int(span / (24 * 3600'000LL)) + 1);
    auto *y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    // Accepted as a filled area, rejected as a line on top. QAreaSeries does not own the
    // line it is drawn from: the area does, so it goes when the next refresh replaces the chart.
    auto *area = new QAreaSeries(accepted);
    accepted->setParent(area);
    area->setName(accepted->name());
    area->setObjectName(u"acceptedArea"_s);
    QColor fill = Accepted;
    fill.setAlpha(90);
    area->setBrush(fill);
    area->setPen(QPen(Accepted, 2));
    attach(chart, area, x, y);
    attach(chart, rejected, x, y);
    rejected->setProperty("zvColor", Rejected);
    area->setProperty("zvColor", Accepted);
    install(view, chart);
}

void setRejectedByCode(QChartView *view, const QList<CodeCounts> &byCode)
{
    QChart *chart = newChart(Tr::tr("Rejected requests by code"));
    if (byCode.isEmpty()) {
        chart->setTitle(Tr::tr("Rejected requests by code: none"));
        install(view, chart);
        return;
    }
    auto *series = new QHorizontalBarSeries;
    series->setObjectName(u"rejectedByCode"_s);
    auto *day = new QBarSet(Tr::tr("24 hours"));
    auto *week = new QBarSet(Tr::tr("7 days"));
    auto *all = new QBarSet(Tr::tr("All time"));
    day->setProperty("zvColor", QColor(0xef, 0x9a, 0x9a));
    week->setProperty("zvColor", QColor(0xe5, 0x73, 0x73));
    all->setProperty("zvColor", QColor(0xc6, 0x28, 0x28));
    QStringList codes;
    qint64 maxValue = 0;
    for (const CodeCounts &c : byCode) {
        codes << c.code;
        *day << double(c.counts.last24h);
        *week << double(c.counts.last7d);
        *all << double(c.counts.allTime);
        maxValue = qMax(maxValue, c.counts.allTime);
    }
    series->append({day, week, all});
    auto *categories = new QBarCategoryAxis;
    categories->append(codes);
    auto *values = countAxis(maxValue);
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    attach(chart, series, categories, values);
    install(view, chart);
}

void setMonthlyUsage(QChartView *view, const QList<MonthUsage> &newestFirst)
{
    QChart *chart = newChart(Tr::tr("Monthly usage against the limit"));
    if (!newestFirst.isEmpty() && newestFirst.first().limit > 0) {
        const MonthUsage &m = newestFirst.first();
        const double pct = 100.0 * double(m.used) / double(m.limit);
        chart->setTitle(Tr::tr("Monthly usage against the limit: %1 % of %2 this month")
                            .arg(QLocale().toString(pct, 'f', pct < 10 ? 1 : 0), Format::number(m.limit)));
    }
    auto *series = new QBarSeries;
    series->setObjectName(u"monthlyUsed"_s);
    auto *used = new QBarSet(Tr::tr("Requests"));
    auto *limit = line(Tr::tr("Monthly limit"), u"monthlyLimit"_s, Limit, 2, Qt::DashLine);
    limit->setProperty("zvColor", Limit);
    QStringList months;
    qint64 maxUsed = 0, maxLimit = 0;
    for (const MonthUsage &m : newestFirst) {
        maxUsed = qMax(maxUsed, m.used);
        maxLimit = qMax(maxLimit, m.limit);
    }
    // The axis is scaled to the requests, so a month of 90 against a limit of 100,000 is
    // a bar one can see; the limit line is drawn only when it is near enough to matter
    // (the title says the limit and the share used either way).
    const bool limitInView = maxLimit > 0 && maxLimit <= qMax<qint64>(maxUsed, 1) * 3;
    const qint64 maxValue = limitInView ? qMax(maxUsed, maxLimit) : maxUsed;
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i) {
        const MonthUsage &m = newestFirst.at(i);
        months << Format::month(m.month);
        *used << double(m.used);
        const qsizetype index = newestFirst.size() - 1 - i;
        if (limitInView) {
            limit->append(double(index) - 0.4, double(m.limit));
            limit->append(double(index) + 0.4, double(m.limit));
        }
    }
    series->append(used);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(u"@value"_s);
    auto *categories = new QBarCategoryAxis;
    categories->append(
        months.isEmpty() ? QStringList{Format::month(QDate::currentDate().toString(u"yyyy-MM"_s))} : months);
    auto *values = countAxis(maxValue);
    values->setLabelFormat(u"%.0f"_s);
    chart->addAxis(categories, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    attach(chart, series, categories, values);
    // The limit: one short dashed segment over each month's bar (limits can change).
    auto *hidden = new QValueAxis;
    hidden->setRange(-0.5, double(qMax<qsizetype>(newestFirst.size(), 1)) - 0.5);
    hidden->setVisible(false);
    chart->addAxis(hidden, Qt::AlignBottom);
    attach(chart, limit, hidden, values);
    if (!limitInView)
        chart->legend()->markers(limit).constFirst()->setVisible(false);
    used->setProperty("zvColor", Used);
    install(view, chart);
}

void setMinuteRequests(QChartView *view, const QList<MinutePoint> &minutes)
{
    QChart *chart = newChart(Tr::tr("Requests per minute"));
    auto *accepted = line(Tr::tr("Accepted"), u"minuteAccepted"_s, Accepted);
    auto *limited = line(Tr::tr("Rate limited (429)"), u"minuteRateLimited"_s, Rejected);
    auto *limit = line(Tr::tr("Per-minute limit"), u"minuteLimit"_s, Limit, 1.5, Qt::DashLine);
    accepted->setProperty("zvColor", Accepted);
    limited->setProperty("zvColor", Rejected);
    limit->setProperty("zvColor", Limit);
    qint64 maxValue = 0;
    for (const MinutePoint &p : minutes) {
        accepted->append(double(p.t), double(p.accepted));
        limited->append(double(p.t), double(p.rateLimited));
        limit->append(double(p.t), double(p.limit));
        maxValue = qMax(maxValue, qMax(p.accepted + p.rateLimited, p.limit));
    }
    const qint64 from =
        minutes.isEmpty() ? Format::nowMs() / 60'000 * 60'000 - 120 * 60'000LL : minutes.first().t;
    const qint64 span = qMax<qint64>(minutes.size(), 120) * 60'000LL;
    auto *x = timeAxis(from, from + span, u"HH:mm"_s);
    auto *y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, accepted, x, y);
    attach(chart, limited, x, y);
    attach(chart, limit, x, y);
    install(view, chart);
}

void setIngestRate(QChartView *view, const QList<QPointF> &points)
{
    QChart *chart = newChart(Tr::tr("Ingest rate (events per second)"));
    auto *rate = line(Tr::tr("Events/s"), u"ingestRate"_s, Accepted);
    rate->setProperty("zvColor", Accepted);
    double maxValue = 1;
    for (const QPointF &p : points) {
        rate->append(p);
        maxValue = qMax(maxValue, p.y());
    }
    const qint64 now = Format::nowMs();
    const qint64 from = points.isEmpty() ? now - 5 * 60'000 : qint64(points.first().x());
    const qint64 to = points.isEmpty() ? now : qMax(qint64(points.last().x()), from + 60'000);
    auto *x = timeAxis(from, to, u"HH:mm:ss"_s);
    auto *y = new QValueAxis;
    y->setRange(0, maxValue * 1.2);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, rate, x, y);
    chart->legend()->hide();
    install(view, chart);
}

void setQuotaByKey(QChartView *view, const QStringList &keys, const QList<double> &percentUsed)
{
    QChart *chart = newChart(Tr::tr("Share of the monthly quota used"));
    if (keys.isEmpty()) {
        chart->setTitle(Tr::tr("Share of the monthly quota used: no usage reported yet"));
        install(view, chart);
        return;
    }
    auto *series = new QHorizontalBarSeries;
    series->setObjectName(u"quotaByKey"_s);
    auto *set = new QBarSet(Tr::tr("% of monthly quota"));
    for (double p : percentUsed)
        *set << p;
    series->append(set);
    auto *categories = new QBarCategoryAxis;
    categories->append(keys);
    auto *values = new QValueAxis;
    double maxValue = 100;
    for (double p : percentUsed)
        maxValue = qMax(maxValue, p);
    values->setRange(0, maxValue);
    values->setLabelFormat(u"%d %%"_s);
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    attach(chart, series, categories, values);
    chart->legend()->hide();
    set->setProperty("zvColor", Used);
    install(view, chart);
}

} // namespace Gui::Charts
