// The event journal when the operating system fails it (issue 11, review finding 4), over
// real segment files. fdatasync(2) is interposed in this test executable only (the journal
// is linked in statically, so its calls resolve here): it fails on demand with EIO, as a
// failing disk makes it, and otherwise calls the C library's.
#include "core/ingest/eventjournal.h"
#include "core/storage/storageerror.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

#include <dlfcn.h>

namespace {
bool g_failSync = false;
int g_syncCalls = 0;
} // namespace

extern "C" int fdatasync(int fd)
{
    ++g_syncCalls;
    if (g_failSync) {
        errno = EIO;
        return -1;
    }
    using Fn = int (*)(int);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "fdatasync"));
    return real ? real(fd) : 0;
}

using namespace Core;

class TestJournalFaults : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        g_failSync = false;
        g_syncCalls = 0;
    }

    // A batch whose fdatasync failed was refused (503): it must not stay in the journal
    // under sequence numbers that the next, acknowledged, batch gets as well.
    void failedSyncNeitherKeepsTheBatchNorReusesItsNumbers()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path(), 32LL << 20, /*syncEachAppend=*/true});
            QVERIFY(!j.open(0, {}));
            QCOMPARE(j.append({"acknowledged-1"}), quint64(1));
            g_failSync = true;
            const int callsBefore = g_syncCalls;
            QVERIFY_THROWS_EXCEPTION(StorageError, j.append({"refused-a", "refused-b"}));
            QVERIFY(g_syncCalls > callsBefore); // the interposition is in effect
            g_failSync = false;
            QCOMPARE(j.append({"acknowledged-2"}), quint64(2));
            QCOMPARE(j.append({"acknowledged-3", "acknowledged-4"}), quint64(3));
            QCOMPARE(j.lastSeq(), quint64(4));
        }
        QList<QPair<quint64, QByteArray>> replayed;
        EventJournal j({dir.path()});
        QVERIFY(!j.open(0, [&](quint64 seq, const QByteArray &p) { replayed.append({seq, p}); }));
        const QList<QPair<quint64, QByteArray>> expected{
            {1, "acknowledged-1"}, {2, "acknowledged-2"}, {3, "acknowledged-3"}, {4, "acknowledged-4"}};
        QCOMPARE(replayed, expected);
        QCOMPARE(j.recovery().damagedRegions, 0);
        QCOMPARE(j.recovery().eventsLost, 0);
        QCOMPARE(j.recovery().tornTails, 0);
    }

    // The writer's periodic sync failing does not make later appends or replay go wrong.
    void failedPeriodicSyncKeepsTheJournalReadable()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            QCOMPARE(j.append({"a"}), quint64(1));
            g_failSync = true;
            j.sync();
            g_failSync = false;
            QCOMPARE(j.append({"b"}), quint64(2));
            j.sync();
        }
        QList<quint64> seqs;
        EventJournal j({dir.path()});
        QVERIFY(!j.open(0, [&](quint64 seq, const QByteArray &) { seqs << seq; }));
        QCOMPARE(seqs, (QList<quint64>{1, 2}));
        QCOMPARE(j.recovery().damagedRegions, 0);
    }
};

QTEST_GUILESS_MAIN(TestJournalFaults)
#include "tst_journalfaults.moc"
