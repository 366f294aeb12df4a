#include "core/keys/keyactivity.h"
#include "core/storage/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Core;

// KeyActivity's books: every request is counted, the request log keeps each key's
// newest KeptRequestsPerKey entries, whatever the size of one flush.
class TestKeyActivity : public QObject
{
    Q_OBJECT

    static KeyActivity::RequestRecord request(const QString &key, qint64 at, int status,
                                              const QByteArray &code)
    {
        return {key,    at,   "GET", QStringLiteral("/api/external/v1/websites"),
                status, code, 150,   QByteArray("req-") + QByteArray::number(at)};
    }

    static void flush(Database &db, KeyActivity &activity)
    {
        Transaction tx(db);
        KeyActivity::write(db, activity.takePending());
        tx.commit();
    }

private slots:
    void logKeepsTheNewestPerKeyAndCountsEverything()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("z.db")));
        QVERIFY(!db.open());
        const qint64 t0 = 1'790'000'000'000;
        KeyActivity activity;
        const int many = KeyActivity::KeptRequestsPerKey + 57;
        for (int i = 0; i < many; ++i)
            activity.record(request(QStringLiteral("key-a"), t0 + i, i % 10 == 0 ? 429 : 200,
                                    i % 10 == 0 ? QByteArray("RATE_LIMIT_EXCEEDED") : QByteArray()));
        for (int i = 0; i < 3; ++i)
            activity.record(request(QStringLiteral("key-b"), t0 + 1000 + i, 200, {}));
        flush(db, activity);

        const RequestLogPage a = KeyActivity::requestsReport(db, QStringLiteral("key-a"), 1000);
        QCOMPARE(a.total, qint64(KeyActivity::KeptRequestsPerKey));
        QCOMPARE(a.entries.size(), qsizetype(KeyActivity::KeptRequestsPerKey));
        // Newest first: the last recorded request leads, the oldest kept one is number 57.
        QCOMPARE(a.entries.first().requestId, QStringLiteral("req-%1").arg(t0 + many - 1));
        QCOMPARE(a.entries.last().requestId, QStringLiteral("req-%1").arg(t0 + 57));
        QCOMPARE(KeyActivity::requestsReport(db, QStringLiteral("key-b"), 1000).total, qint64(3));

        // A second flush: the log still holds the newest 200, across both flushes.
        activity.record(request(QStringLiteral("key-a"), t0 + 5000, 200, {}));
        flush(db, activity);
        const QList<RequestLogEntry> after =
            KeyActivity::requestsReport(db, QStringLiteral("key-a"), 1000).entries;
        QCOMPARE(after.size(), qsizetype(KeyActivity::KeptRequestsPerKey));
        QCOMPARE(after.first().requestId, QStringLiteral("req-%1").arg(t0 + 5000));
        QCOMPARE(after.last().requestId, QStringLiteral("req-%1").arg(t0 + 58));

        // Counts are complete: every request of the first flush plus the one of the second.
        Statement q = db.prepare(QStringLiteral(
            "SELECT SUM(count), SUM(CASE WHEN code <> '' THEN count ELSE 0 END) FROM key_activity_hourly "
            "WHERE key_id = ?"));
        q.addBindValue(QStringLiteral("key-a"));
        exec(q);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), many + 1);
        QCOMPARE(q.value(1).toInt(), (many + 9) / 10);
    }
};

QTEST_GUILESS_MAIN(TestKeyActivity)
#include "tst_keyactivity.moc"
