// The key detail and server charts are rebuilt on every refresh (every 10 s while a page
// is open): each rebuild must free everything the previous chart allocated. QAreaSeries
// does not own the line series it is built from, so that one needs an owner of its own.
// Views come from Charts::makeView, so LeakSanitizer (the asan preset) also sees the
// view's first chart.
#include "ui/charts/charts.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPointer>
#include <QTest>
#include <QValueAxis>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Hour = 3'600'000;
constexpr qint64 T0 = 1781352000000; // 2026-06-13T12:00:00Z

// Every object the view's current chart built: its series (and the line series an area
// series is made of), their bar sets, and its axes.
QList<QPointer<QObject>> objectsOf(QChart *chart)
{
    QList<QPointer<QObject>> out;
    for (QAbstractSeries *s : chart->series()) {
        out << QPointer<QObject>(s);
        if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            out << QPointer<QObject>(area->upperSeries());
            if (area->lowerSeries())
                out << QPointer<QObject>(area->lowerSeries());
        }
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            for (QBarSet *set : bars->barSets())
                out << QPointer<QObject>(set);
    }
    for (QAbstractAxis *axis : chart->axes())
        out << QPointer<QObject>(axis);
    return out;
}
} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

    // Draws twice; everything the first chart held must be gone after the second.
    static void checkRebuildFreesEverything(const std::function<void(QChartView *)> &draw)
    {
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"chart"_s, nullptr));
        // Layout requests are posted events: a chart they name stays reachable (so LSan
        // cannot call it leaked) until they are delivered, as the app's event loop does.
        QCoreApplication::sendPostedEvents();
        QPointer<QChart> initial = view->chart();
        draw(view.get());
        QVERIFY(initial.isNull());
        QPointer<QChart> first = view->chart();
        const QList<QPointer<QObject>> before = objectsOf(first);
        QVERIFY(!before.isEmpty());
        draw(view.get());
        QCoreApplication::sendPostedEvents();
        QVERIFY(first.isNull());
        for (const QPointer<QObject> &o : before)
            QVERIFY2(o.isNull(), "an object of the replaced chart is still alive (leaked)");
    }

private slots:
    // Issue 15 item 8: a few requests against a large monthly limit are a bar one can see
    // (the axis follows the requests; the far-away limit line is left out), a near limit
    // is drawn; the hourly axis over two days says the day in its labels.
    void monthlyBarsAreVisibleAndHourlyLabelsCarryTheDay()
    {
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"chart"_s, nullptr));
        Gui::Charts::setMonthlyUsage(view.get(), {{u"2026-12"_s, 90, 100000}});
        const auto valueAxis = [&] {
            for (QAbstractAxis *a : view->chart()->axes(Qt::Vertical))
                if (auto *v = qobject_cast<QValueAxis *>(a))
                    return v;
            return static_cast<QValueAxis *>(nullptr);
        };
        const auto limitPoints = [&] {
            for (QAbstractSeries *s : view->chart()->series())
                if (s->objectName() == "monthlyLimit"_L1)
                    return static_cast<QLineSeries *>(s)->count();
            return -1;
        };
        QVERIFY(valueAxis());
        QVERIFY2(valueAxis()->max() <= 200, qPrintable(QString::number(valueAxis()->max())));
        QCOMPARE(limitPoints(), 0);
        QVERIFY(view->chart()->title().contains(u"100,000"_s) || view->chart()->title().contains(u"100.000"_s) ||
                view->chart()->title().contains(u"100000"_s));
        Gui::Charts::setMonthlyUsage(view.get(), {{u"2026-12"_s, 8000, 10000}});
        QCOMPARE(limitPoints(), 2);
        QVERIFY(valueAxis()->max() >= 10000);

        QList<Core::HourlyPoint> hours;
        for (int i = 0; i < 48; ++i)
            hours.append({T0 + i * Hour, i % 3, 0});
        Gui::Charts::setHourlyActivity(view.get(), hours);
        QDateTimeAxis *x = nullptr;
        for (QAbstractAxis *a : view->chart()->axes(Qt::Horizontal))
            if (auto *d = qobject_cast<QDateTimeAxis *>(a))
                x = d;
        QVERIFY(x);
        QVERIFY2(x->format().contains(u"dd"_s) && x->format().contains(u"HH:mm"_s), qPrintable(x->format()));
    }

    void hourlyActivityFreesItsAreaLine()
    {
        QList<Gui::HourlyPoint> hourly;
        for (int i = 0; i < 48; ++i)
            hourly.append({T0 + i * Hour, 10 + i, i % 3});
        checkRebuildFreesEverything([&](QChartView *v) { Gui::Charts::setHourlyActivity(v, hourly); });
        // The accepted area is still drawn from the accepted counts.
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"hourly"_s, nullptr));
        Gui::Charts::setHourlyActivity(view.get(), hourly);
        QAreaSeries *area = nullptr;
        for (QAbstractSeries *s : view->chart()->series())
            if (s->objectName() == u"acceptedArea"_s)
                area = qobject_cast<QAreaSeries *>(s);
        QVERIFY(area);
        QCOMPARE(area->upperSeries()->count(), 48);
        QCOMPARE(area->upperSeries()->at(47).y(), 57.0);
    }

    void otherChartsFreeTheirParts()
    {
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setRejectedByCode(v,
                                           {{u"INVALID_JSON"_s, {1, 2, 3}}, {u"RATE_LIMITED"_s, {0, 4, 9}}});
        });
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setMonthlyUsage(v, {{u"2026-06"_s, 120, 1000}, {u"2026-05"_s, 900, 1000}});
        });
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setMinuteRequests(v, {{T0, 5, 1, 60}, {T0 + 60'000, 7, 0, 60}});
        });
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setIngestRate(v, {QPointF(double(T0), 3), QPointF(double(T0 + 1000), 4)});
        });
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setQuotaByKey(v, {u"zv_abc"_s, u"zv_def"_s}, {12.5, 80});
        });
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
