#include "core/model/timeutil.h"

#include <QTest>

using namespace Core::Time;

class TestTimeUtil : public QObject
{
    Q_OBJECT
private slots:
    void isoFormat()
    {
        QCOMPARE(toIso(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        const qint64 t = *parseIso(QStringLiteral("2026-06-13T12:01:00.000Z"));
        QCOMPARE(toIso(t), QStringLiteral("2026-06-13T12:01:00.000Z"));
        QCOMPARE(toIso(t + 59'999), QStringLiteral("2026-06-13T12:01:59.999Z"));
        QCOMPARE(*parseIso(QStringLiteral("2026-06-13T14:01:00+02:00")), t);
    }

    void isoRejectsZoneless()
    {
        QVERIFY(!parseIso(QStringLiteral("2026-06-13T12:01:00")));
        QVERIFY(!parseIso(QStringLiteral("yesterday")));
        QVERIFY(!parseIso(QStringLiteral("2026-13-40T12:01:00Z")));
    }

    void dates()
    {
        QCOMPARE(*parseDate(QStringLiteral("2026-06-01")), QDate(2026, 6, 1));
        QVERIFY(!parseDate(QStringLiteral("yesterday")));
        QVERIFY(!parseDate(QStringLiteral("2026-02-30")));
        QVERIFY(!parseDate(QStringLiteral("2026-06-01\n"))); // $ alone would match before it
        QVERIFY(!parseDate(QStringLiteral("\u0662\u0660\u0662\u0666-06-01"))); // Arabic-Indic digits
        QVERIFY(!parseDate(QStringLiteral("2026-6-1")));
        QVERIFY(!parseDate(QStringLiteral(" 2026-06-01")));
    }

    void windows()
    {
        const qint64 t = *parseIso(QStringLiteral("2026-12-31T23:59:30.500Z"));
        QCOMPARE(toIso(startOfMinute(t)), QStringLiteral("2026-12-31T23:59:00.000Z"));
        QCOMPARE(toIso(startOfHour(t)), QStringLiteral("2026-12-31T23:00:00.000Z"));
        QCOMPARE(toIso(startOfDay(t)), QStringLiteral("2026-12-31T00:00:00.000Z"));
        QCOMPARE(toIso(startOfMonth(t)), QStringLiteral("2026-12-01T00:00:00.000Z"));
        QCOMPARE(toIso(startOfNextMonth(t)), QStringLiteral("2027-01-01T00:00:00.000Z"));
        QCOMPARE(monthKey(t), QStringLiteral("2026-12"));
        const qint64 feb = *parseIso(QStringLiteral("2028-02-29T10:00:00Z"));
        QCOMPARE(toIso(startOfNextMonth(feb)), QStringLiteral("2028-03-01T00:00:00.000Z"));
        QCOMPARE(toIso(startOfMinute(-1)), QStringLiteral("1969-12-31T23:59:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestTimeUtil)
#include "tst_timeutil.moc"
