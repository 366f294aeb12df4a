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
#include <QScatterSeries>
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
    // Axis and bar labels in the user's language: "1.500" in German, "1,500" in English.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
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
    // "%d" draws no labels at all once numbers are localised: whole numbers as %.0f.
    axis->setLabelFormat(u"%.0f"_s);
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

// "01.12." or "12/01".
QString dayFormat()
{
    return dayAndTimeFormat().section(u' ', 0, 0);
}

// Marks the non-zero points of a sparse series (at most a quarter of its points, and 30)
// with dots: one request in two hours of minutes under a limit line of 60 is otherwise a
// spike 2 px high. Dense series need no marks (and would drown in them).
void markSparsePoints(QChart *chart, const QList<QPointF> &points, const QColor &color, const QString &objectName,
                      QAbstractAxis *x, QAbstractAxis *y)
{
    const qsizetype mostMarks = qMin<qsizetype>(30, points.size() / 4);
    QList<QPointF> nonZero;
    for (const QPointF &p : points)
        if (p.y() > 0)
            nonZero << p;
    if (nonZero.isEmpty() || nonZero.size() > mostMarks)
        return;
    auto *marks = new QScatterSeries;
    marks->setObjectName(objectName);
    marks->setMarkerSize(7);
    marks->setColor(color);
    marks->setBorderColor(color);
    marks->setProperty("zvColor", color);
    marks->append(nonZero);
    chart->addSeries(marks);
    marks->attachAxis(x);
    marks->attachAxis(y);
    chart->legend()->markers(marks).constFirst()->setVisible(false);
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

// A filled area under `line` in `color`. QAreaSeries does not own the line it is drawn
// from: the area does, so it goes when the next refresh replaces the chart.
QAreaSeries *areaOf(QLineSeries *line, const QString &objectName, const QColor &color)
{
    auto *area = new QAreaSeries(line);
    line->setParent(area);
    area->setName(line->name());
    area->setObjectName(objectName);
    area->setProperty("zvColor", color);
    QColor fill = color;
    fill.setAlpha(90);
    area->setBrush(fill);
    area->setPen(QPen(color, 2));
    return area;
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
        if (auto *s = qobject_cast<QScatterSeries *>(series); s && c.isValid()) {
            s->setColor(c);
            s->setBorderColor(c);
        } else if (auto *l = qobject_cast<QLineSeries *>(series); l && c.isValid()) {
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

int hoursOf(ActivityRange range)
{
    switch (range) {
    case ActivityRange::LastHour:
        return 1;
    case ActivityRange::Last24Hours:
        return 24;
    case ActivityRange::Last7Days:
        return 7 * 24;
    case ActivityRange::Last30Days:
        break;
    }
    return 30 * 24;
}

void setActivity(QChartView *view, ActivityRange range, const QList<HourlyPoint> &hourly,
                 const QList<MinutePoint> &minutes, qint64 nowMs)
{
    constexpr qint64 Minute = 60'000, Hour = 3'600'000;
    // The buckets of the range, oldest first, every one present (zero where nothing came).
    QList<HourlyPoint> buckets;
    qint64 from = 0, bucketMs = Hour;
    int count = 0, ticks = 5;
    QString title, format, rejectedName = Tr::tr("Rejected");
    auto zeros = [&buckets](qint64 start, qint64 step, int n) {
        for (int i = 0; i < n; ++i)
            buckets.append({start + i * step, 0, 0});
    };
    auto add = [&buckets, &from, &bucketMs](qint64 t, qint64 accepted, qint64 rejected) {
        if (t < from)
            return;
        const qint64 i = (t - from) / bucketMs;
        if (i < buckets.size()) {
            buckets[i].accepted += accepted;
            buckets[i].rejected += rejected;
        }
    };
    switch (range) {
    case ActivityRange::LastHour:
        bucketMs = Minute;
        count = 60;
        from = nowMs / Minute * Minute - (count - 1) * Minute;
        title = Tr::tr("Requests per minute, last hour");
        format = u"HH:mm"_s;
        ticks = 7;
        rejectedName = Tr::tr("Limited (429)");
        zeros(from, bucketMs, count);
        for (const MinutePoint &p : minutes)
            add(p.t, p.accepted, p.rateLimited);
        break;
    case ActivityRange::Last24Hours:
    case ActivityRange::Last7Days:
        count = hoursOf(range);
        from = nowMs / Hour * Hour - (count - 1) * Hour;
        title = range == ActivityRange::Last24Hours ? Tr::tr("Requests per hour, last 24 hours")
                                                    : Tr::tr("Requests per hour, last 7 days");
        // A day crosses midnight: its labels say the day; a week's say only the day.
        format = range == ActivityRange::Last24Hours ? dayAndTimeFormat() : dayFormat();
        ticks = range == ActivityRange::Last24Hours ? 4 : 8;
        zeros(from, bucketMs, count);
        for (const HourlyPoint &p : hourly)
            add(p.t, p.accepted, p.rejected);
        break;
    case ActivityRange::Last30Days: {
        // Local days: the last 30, today included. Days are not all 24 h long (daylight
        // saving), so each hour finds its day by date, not by division.
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
        count = 30;
        const QDate first = today.addDays(-(count - 1));
        from = first.startOfDay().toMSecsSinceEpoch();
        for (int i = 0; i < count; ++i)
            buckets.append({first.addDays(i).startOfDay().toMSecsSinceEpoch(), 0, 0});
        for (const HourlyPoint &p : hourly) {
            const qint64 day = first.daysTo(QDateTime::fromMSecsSinceEpoch(p.t).date());
            if (day >= 0 && day < count) {
                buckets[day].accepted += p.accepted;
                buckets[day].rejected += p.rejected;
            }
        }
        bucketMs = 24 * Hour;
        title = Tr::tr("Requests per day, last 30 days");
        format = dayFormat();
        ticks = 6;
        break;
    }
    }

    QChart *chart = newChart(title);
    auto *accepted = line(Tr::tr("Accepted"), u"accepted"_s, Accepted);
    auto *rejected = line(rejectedName, u"rejected"_s, Rejected);
    qint64 maxValue = 0;
    for (const HourlyPoint &p : buckets) {
        accepted->append(double(p.t), double(p.accepted));
        rejected->append(double(p.t), double(p.rejected));
        maxValue = qMax(maxValue, qMax(p.accepted, p.rejected));
    }
    // The axis spans whole buckets, so that its ticks fall on whole minutes, hours and days.
    auto *x = timeAxis(from, from + count * bucketMs, format);
    x->setTickCount(ticks);
    auto *y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const QList<QPointF> acceptedPoints = accepted->points(), rejectedPoints = rejected->points();
    // Accepted as a filled area, rejected as a line on top.
    attach(chart, areaOf(accepted, u"acceptedArea"_s, Accepted), x, y);
    attach(chart, rejected, x, y);
    rejected->setProperty("zvColor", Rejected);
    markSparsePoints(chart, acceptedPoints, Accepted, u"acceptedMarks"_s, x, y);
    markSparsePoints(chart, rejectedPoints, Rejected, u"rejectedMarks"_s, x, y);
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
    // Short enough for half a 1024 px window in German too.
    QChart *chart = newChart(Tr::tr("Requests per month"));
    if (!newestFirst.isEmpty() && newestFirst.first().limit > 0) {
        const MonthUsage &m = newestFirst.first();
        const double pct = 100.0 * double(m.used) / double(m.limit);
        chart->setTitle(Tr::tr("Requests per month: %1 % of %2")
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
    QChart *chart = newChart(
        minutes.isEmpty() || minutes.last().limit <= 0
            ? Tr::tr("Per minute, against the rate limit")
            : Tr::tr("Per minute, against the limit of %1").arg(Format::number(minutes.last().limit)));
    auto *accepted = line(Tr::tr("Accepted"), u"minuteAccepted"_s, Accepted);
    auto *limited = line(Tr::tr("Limited (429)"), u"minuteRateLimited"_s, Rejected);
    auto *limit = line(Tr::tr("Limit"), u"minuteLimit"_s, Limit, 1.5, Qt::DashLine);
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
    markSparsePoints(chart, accepted->points(), Accepted, u"minuteAcceptedMarks"_s, x, y);
    markSparsePoints(chart, limited->points(), Rejected, u"minuteLimitedMarks"_s, x, y);
    install(view, chart);
}

void setTraffic(QChartView *view, const QList<AnalyticsPoint> &points, bool hourly)
{
    QChart *chart = newChart(hourly ? Tr::tr("Visitors and pageviews per hour") : Tr::tr("Visitors and pageviews per day"));
    auto *pageviews = line(Tr::tr("Pageviews"), u"trafficPageviews"_s, Used);
    auto *visitors = line(Tr::tr("Visitors"), u"trafficVisitors"_s, Accepted);
    pageviews->setProperty("zvColor", Used);
    // The buckets are UTC days and hours, and the date-time axis labels in local time:
    // each point is moved by the local offset, so that its label reads the UTC day.
    const auto asUtc = [](qint64 t) {
        return t - qint64(QDateTime::fromMSecsSinceEpoch(t).offsetFromUtc()) * 1000;
    };
    qint64 maxValue = 0;
    for (const AnalyticsPoint &p : points) {
        pageviews->append(double(asUtc(p.t)), double(p.pageviews));
        visitors->append(double(asUtc(p.t)), double(p.visitors));
        maxValue = qMax(maxValue, qMax(p.pageviews, p.visitors));
    }
    const qint64 step = hourly ? 3'600'000LL : 86'400'000LL;
    const qint64 from = asUtc(points.isEmpty() ? Format::nowMs() / step * step : points.first().t);
    const qint64 to = points.isEmpty() ? from + step : qMax(asUtc(points.last().t), from + step);
    auto *x = timeAxis(from, to, hourly ? dayAndTimeFormat() : dayFormat());
    // At most 8 date labels (5 with times), fewer for short ranges; ticks fall on whole
    // days or hours only where the span divides evenly.
    const qint64 buckets = qMax<qint64>(1, (to - from) / step);
    x->setTickCount(int(qBound<qint64>(qint64(2), buckets + 1, qint64(hourly ? 5 : 8))));
    auto *y = countAxis(maxValue);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    // Visitors as a filled area under the pageviews line (there are never more visitors
    // than pageviews in a bucket with traffic).
    attach(chart, areaOf(visitors, u"trafficVisitorsArea"_s, Accepted), x, y);
    attach(chart, pageviews, x, y);
    markSparsePoints(chart, pageviews->points(), Used, u"trafficMarks"_s, x, y);
    install(view, chart);
}

void setRealtime(QChartView *view, const QList<qint64> &perMinute)
{
    QChart *chart = newChart(Tr::tr("Pageviews per minute, last 30 minutes"));
    auto *series = new QBarSeries;
    series->setObjectName(u"realtimePageviews"_s);
    series->setBarWidth(0.8);
    auto *set = new QBarSet(Tr::tr("Pageviews per minute"));
    set->setProperty("zvColor", Accepted);
    qint64 maxValue = 0;
    for (qint64 n : perMinute) {
        *set << double(n);
        maxValue = qMax(maxValue, n);
    }
    series->append(set);
    // One category per minute, unlabelled (30 labels do not fit; the title says the range
    // and the last bar is now). Categories must differ: "-29" … "0".
    auto *x = new QBarCategoryAxis;
    QStringList minutes;
    for (qsizetype i = 0; i < perMinute.size(); ++i)
        minutes << QString::number(i - perMinute.size() + 1);
    x->append(minutes);
    x->setGridLineVisible(false);
    x->setLabelsVisible(false);
    // A panel this low has no room for a scale: each bar carries its count.
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    series->setLabelsFormat(u"@value"_s);
    auto *y = countAxis(maxValue);
    y->setLabelsVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, series, x, y);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
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
    values->setLabelFormat(u"%.0f %"_s); // localised labels take the text after the number as it is
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    attach(chart, series, categories, values);
    chart->legend()->hide();
    set->setProperty("zvColor", Used);
    install(view, chart);
}

} // namespace Gui::Charts
