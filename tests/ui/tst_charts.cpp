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
#include <QScatterSeries>
#include <QScopeGuard>
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
        QVERIFY2(view->chart()->title().contains(u"0.1 % of 100,000"_s), qPrintable(view->chart()->title()));
        Gui::Charts::setMonthlyUsage(view.get(), {{u"2026-12"_s, 8000, 10000}});
        QCOMPARE(limitPoints(), 2);
        QVERIFY(valueAxis()->max() >= 10000);

        QList<Core::HourlyPoint> hours;
        for (int i = 0; i < 48; ++i)
            hours.append({T0 + i * Hour, i % 3, 0});
        Gui::Charts::setActivity(view.get(), Gui::Charts::ActivityRange::Last24Hours, hours, {}, T0 + 47 * Hour);
        QDateTimeAxis *x = nullptr;
        for (QAbstractAxis *a : view->chart()->axes(Qt::Horizontal))
            if (auto *d = qobject_cast<QDateTimeAxis *>(a))
                x = d;
        QVERIFY(x);
        QVERIFY2(x->format().contains(u"dd"_s) && x->format().contains(u"HH:mm"_s), qPrintable(x->format()));
    }

    // Issue 15 item 8: each range has its buckets (per minute, hour, hour, local day), all of
    // them present, holding exactly the counts inside the range; one request on an empty
    // range gets a dot.
    void activityRangesBucketTheCounts()
    {
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"chart"_s, nullptr));
        const auto area = [&] {
            for (QAbstractSeries *s : view->chart()->series())
                if (s->objectName() == u"acceptedArea"_s)
                    return qobject_cast<QAreaSeries *>(s)->upperSeries();
            return static_cast<QLineSeries *>(nullptr);
        };
        const auto series = [&](const QString &name) {
            for (QAbstractSeries *s : view->chart()->series())
                if (s->objectName() == name)
                    return qobject_cast<QXYSeries *>(s);
            return static_cast<QXYSeries *>(nullptr);
        };
        const auto sum = [](QXYSeries *s) {
            qreal total = 0;
            for (const QPointF &p : s->points())
                total += p.y();
            return total;
        };
        const qint64 now = T0 + 30 * 60'000; // 12:30
        // 40 days of hours, 2 accepted and 1 rejected each.
        QList<Core::HourlyPoint> hours;
        for (qint64 t = T0 - 40 * 24 * Hour; t <= now; t += Hour)
            hours.append({t, 2, 1});
        // The last two hours of minutes, one request in one of them.
        QList<Core::MinutePoint> minutes;
        for (qint64 t = now - 119 * 60'000; t <= now; t += 60'000)
            minutes.append({t, t == now - 10 * 60'000 ? 1 : 0, 0, 60});

        using Gui::Charts::ActivityRange;
        Gui::Charts::setActivity(view.get(), ActivityRange::LastHour, hours, minutes, now);
        QCOMPARE(area()->count(), 60);
        QCOMPARE(sum(area()), 1.0);
        QVERIFY2(series(u"acceptedMarks"_s) && series(u"acceptedMarks"_s)->count() == 1,
                 "one request in an hour is marked with a dot");
        QCOMPARE(series(u"acceptedMarks"_s)->at(0), QPointF(double(now - 10 * 60'000), 1));

        Gui::Charts::setActivity(view.get(), ActivityRange::Last24Hours, hours, minutes, now);
        QCOMPARE(area()->count(), 24);
        QCOMPARE(sum(area()), 48.0);
        QCOMPARE(sum(series(u"rejected"_s)), 24.0);
        QVERIFY2(!series(u"acceptedMarks"_s), "a busy day needs no dots");

        Gui::Charts::setActivity(view.get(), ActivityRange::Last7Days, hours, minutes, now);
        QCOMPARE(area()->count(), 168);
        QCOMPARE(sum(area()), 2.0 * 168);

        Gui::Charts::setActivity(view.get(), ActivityRange::Last30Days, hours, minutes, now);
        QCOMPARE(area()->count(), 30);
        // Today's hours up to now and 29 whole days before it, by local date.
        const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
        qint64 expected = 0;
        for (const Core::HourlyPoint &h : hours) {
            const qint64 d = QDateTime::fromMSecsSinceEpoch(h.t).date().daysTo(today);
            if (d >= 0 && d < 30)
                expected += 2;
        }
        QCOMPARE(sum(area()), qreal(expected));
        QCOMPARE(area()->at(29).x(), double(today.startOfDay().toMSecsSinceEpoch()));

        // Nothing at all: the buckets are there, at zero.
        Gui::Charts::setActivity(view.get(), ActivityRange::Last7Days, {}, {}, now);
        QCOMPARE(area()->count(), 168);
        QCOMPARE(sum(area()), 0.0);
    }

    // Axis and bar labels follow the locale ("1.500" in German).
    void chartsFormatNumbersForTheLocale()
    {
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const auto restore = qScopeGuard([&] { QLocale::setDefault(saved); });
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"chart"_s, nullptr));
        Gui::Charts::setMonthlyUsage(view.get(), {{u"2026-12"_s, 1330, 100000}});
        QVERIFY(view->chart()->localizeNumbers());
        QCOMPARE(view->chart()->locale().language(), QLocale::German);
        QVERIFY2(view->chart()->title().contains(u"1,3 % von 100.000"_s) ||
                     view->chart()->title().contains(u"1,3 % of 100.000"_s),
                 qPrintable(view->chart()->title()));
    }

    void hourlyActivityFreesItsAreaLine()
    {
        QList<Gui::HourlyPoint> hourly;
        for (int i = 0; i < 48; ++i)
            hourly.append({T0 + i * Hour, 10 + i, i % 3});
        const auto draw = [&](QChartView *v) {
            Gui::Charts::setActivity(v, Gui::Charts::ActivityRange::Last24Hours, hourly, {}, T0 + 47 * Hour);
        };
        checkRebuildFreesEverything(draw);
        // The accepted area is still drawn from the accepted counts, the last 24 hours of them.
        std::unique_ptr<QChartView> view(Gui::Charts::makeView(u"hourly"_s, nullptr));
        draw(view.get());
        QAreaSeries *area = nullptr;
        for (QAbstractSeries *s : view->chart()->series())
            if (s->objectName() == u"acceptedArea"_s)
                area = qobject_cast<QAreaSeries *>(s);
        QVERIFY(area);
        QCOMPARE(area->upperSeries()->count(), 24);
        QCOMPARE(area->upperSeries()->at(23).y(), 57.0);
        // Sparse series bring their dots, which go with the chart too.
        checkRebuildFreesEverything([](QChartView *v) {
            Gui::Charts::setActivity(v, Gui::Charts::ActivityRange::LastHour, {}, {{T0, 1, 1, 60}}, T0);
        });
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
            Gui::Charts::setActivity(v, Gui::Charts::ActivityRange::Last30Days, {{T0, 5, 1}}, {}, T0);
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
