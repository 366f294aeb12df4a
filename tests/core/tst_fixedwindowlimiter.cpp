#include "core/limits/fixedwindowlimiter.h"

#include <QtConcurrent>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using Core::FixedWindowLimiter;

class TestFixedWindowLimiter : public QObject
{
    Q_OBJECT
private slots:
    void countsExactlyUpToTheLimit()
    {
        FixedWindowLimiter l(10'000, 3);
        const qint64 t = 1'000'000'000'000 + 2'500; // 2.5 s into a 10 s window
        for (int i = 1; i <= 3; ++i) {
            const auto d = l.hit("1.2.3.4", t);
            QVERIFY(d.allowed);
            QCOMPARE(d.count, i);
            QCOMPARE(d.remaining, 3 - i);
        }
        const auto refused = l.hit("1.2.3.4", t + 100);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.count, 3);
        QCOMPARE(refused.retryAfterMs, 10'000 - 2'500 - 100);
        QCOMPARE(refused.resetAtMs, t - 2'500 + 10'000);
        // Refused hits are not counted, and other keys are independent.
        QVERIFY(l.hit("5.6.7.8", t).allowed);
        QCOMPARE(l.peek("1.2.3.4", t).count, 3);
    }

    void windowRollsOverAtTheBoundary()
    {
        FixedWindowLimiter l(60'000, 2);
        const qint64 minute = 60'000LL * 29'000'000; // aligned
        QVERIFY(l.hit("k", minute + 59'999).allowed);
        QVERIFY(l.hit("k", minute + 59'999).allowed);
        QVERIFY(!l.hit("k", minute + 59'999).allowed);
        const auto next = l.hit("k", minute + 60'000);
        QVERIFY(next.allowed);
        QCOMPARE(next.count, 1);
        QCOMPARE(next.windowStartMs, minute + 60'000);
    }

    void oldWindowsArePruned()
    {
        FixedWindowLimiter l(1'000, 5);
        for (int i = 0; i < 100; ++i)
            l.hit(QByteArray::number(i), 5'000);
        QCOMPARE(l.trackedKeys(), 100);
        l.hit("x", 6'000);
        QCOMPARE(l.trackedKeys(), 1);
    }

    void exactUnderConcurrency()
    {
        FixedWindowLimiter l(60'000, 30);
        std::atomic<int> allowed{0};
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<QFuture<void>> futures;
        for (int i = 0; i < 100; ++i)
            futures << QtConcurrent::run(&pool, [&] {
                if (l.hit("key", 120'000).allowed)
                    ++allowed;
            });
        for (auto &f : futures)
            f.waitForFinished();
        QCOMPARE(allowed.load(), 30);
    }
};

QTEST_GUILESS_MAIN(TestFixedWindowLimiter)
#include "tst_fixedwindowlimiter.moc"
