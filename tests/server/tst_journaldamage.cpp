// A damaged journal against the real binary (issue 11): 300 events are acknowledged while
// the database is held locked (so they exist only in the journal), the server is killed
// with SIGKILL, one byte in the middle of the segment is flipped, and the restart must
// store the 299 intact events, log the damage at error level and show it in
// GET /api/admin/v1/server/status.
#include "adminclient.h"
#include "ingestfixtures.h"
#include "keepaliveclient.h"
#include "serverprocess.h"

#include "core/ingest/journalscan.h"
#include "core/storage/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>
#include <QTest>
#include <QThread>

using namespace TestSupport;

namespace {
constexpr int Events = 300;

qint64 countEvents(const QString &dataDir)
{
    Core::Database db(dataDir + QStringLiteral("/zenovay.db"));
    if (db.open())
        return -1;
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next() ? q.value(0).toLongLong() : -1;
}

// Posts `count` events to /e/code while the database is held locked (the server
// acknowledges them into the journal but cannot commit), then kills the server: the
// events exist only in the journal. False if an event was not acknowledged.
// Holds the database's write lock (so the writer cannot commit), sends `count` events
// that are acknowledged into the journal only, and kills the server. Returns what went
// wrong, or an empty string. Generous waits: under a loaded sanitizer run a start-up
// write of the server can hold the lock for seconds, and one request can be slow.
QString acknowledgeIntoJournalAndKill(ServerProcess &server, const QString &code, int count)
{
    Core::Database blocker(server.dataDir() + QStringLiteral("/zenovay.db"));
    QSqlQuery q(blocker.connection());
    QElapsedTimer waited;
    waited.start();
    while (!q.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
        if (waited.elapsed() > 60'000)
            return QStringLiteral("BEGIN EXCLUSIVE failed for 60 s: ") + q.lastError().text();
        QThread::msleep(100);
    }
    KeepAliveClient client(server.port(), 60'000);
    const QByteArray target = "/e/" + code.toLatin1();
    QString error;
    for (int i = 0; i < count && error.isEmpty(); ++i) {
        const HttpResult r = client.request(
            "POST", target, {},
            toJsonBytes(sampleEvent(QStringLiteral("/p/%1").arg(i), QStringLiteral("damage-session-1"))));
        if (r.status != 202)
            error = QStringLiteral("event %1 was answered %2: %3")
                        .arg(i)
                        .arg(r.status)
                        .arg(QString::fromUtf8(r.body));
    }
    server.kill(); // SIGKILL: the events are in the journal only
    if (!q.exec(QStringLiteral("ROLLBACK")) && error.isEmpty())
        error = QStringLiteral("ROLLBACK failed: ") + q.lastError().text();
    return error;
}

QString writeLimitsIni(const QString &dir)
{
    const QString ini = dir + QStringLiteral("/zenovay.ini");
    QFile f(ini);
    if (f.open(QIODevice::WriteOnly))
        f.write("[ingest]\nburst_limit=100000000\nhourly_limit=100000000\n");
    return ini;
}
} // namespace

class TestJournalDamage : public QObject
{
    Q_OBJECT
private slots:
    void flippedByteLosesOneEventAndIsReported()
    {
        ServerProcess server;
        const QString dir = server.dataDir();
        const QString code = QStringLiteral("ZV-JOURNALDMG001");
        {
            Core::Database db(dir + QStringLiteral("/zenovay.db"));
            QVERIFY(!db.open());
            createWebsite(db, code);
        }
        const QStringList args{QStringLiteral("--config"), writeLimitsIni(dir)};
        QVERIFY2(server.start(args), qPrintable(server.errors()));
        QVERIFY(!adminSetup(server.port(), QStringLiteral("owner@example.com"), QStringLiteral("Owner"),
                            QStringLiteral("correct horse battery"))
                     .isEmpty());
        {
            const QString error = acknowledgeIntoJournalAndKill(server, code, Events);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QCOMPARE(countEvents(dir), 0);

        // One flipped byte in the payload of record 151, in the middle of the segment.
        const QDir journal(dir + QStringLiteral("/journal"));
        const QStringList segments =
            journal.entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name);
        QCOMPARE(segments.size(), 1);
        QFile seg(journal.filePath(segments.first()));
        QVERIFY(seg.open(QIODevice::ReadWrite));
        QByteArray data = seg.readAll();
        qsizetype pos = Core::JournalScan::segmentFormat(data).headerBytes;
        for (int i = 0; i < 150; ++i)
            pos += 20 + qFromLittleEndian<quint32>(data.constData() + pos + 4);
        QVERIFY(pos > data.size() / 3 && pos < data.size() * 2 / 3);
        data[pos + 40] = char(data[pos + 40] ^ 0x20);
        QVERIFY(seg.seek(0));
        QCOMPARE(seg.write(data), data.size());
        seg.close();

        if (!server.start(args)) // (QVERIFY2 would read stderr even on success)
            QFAIL(qPrintable(server.errors()));
        const QByteArray token = adminLogin(server.port(), QStringLiteral("owner@example.com"),
                                            QStringLiteral("correct horse battery"));
        QVERIFY(!token.isEmpty());
        const QJsonObject status =
            adminCall(server.port(), "GET", QStringLiteral("/server/status"), token).json();
        QCOMPARE(status[QStringLiteral("ingest")][QStringLiteral("replayed_at_start")].toInteger(),
                 Events - 1);
        QCOMPARE(status[QStringLiteral("events_stored")].toInteger(), Events - 1);
        const QJsonObject j = status[QStringLiteral("journal")].toObject();
        QCOMPARE(j[QStringLiteral("damaged_regions")].toInteger(), 1);
        QCOMPARE(j[QStringLiteral("events_lost")].toInteger(), 1);
        QCOMPARE(j[QStringLiteral("recovered_after_damage")].toInteger(), Events - 151);
        QVERIFY(j[QStringLiteral("bytes_skipped")].toInteger() > 20);
        QVERIFY2(j[QStringLiteral("last_damage")].toString().contains(segments.first()),
                 qPrintable(j[QStringLiteral("last_damage")].toString()));
        QCOMPARE(server.terminate(), 0);
        const QString log = server.errors();
        QVERIFY2(log.contains(QStringLiteral("journal damage")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("never acknowledged")), qPrintable(log));
        // The damaged segment is kept for inspection; nothing is stored twice on a later start,
        // and the damage stays visible there (damage log, damaged segments) until removed.
        QVERIFY(journal.exists(segments.first() + QStringLiteral(".damaged")));
        QVERIFY2(server.start(args), qPrintable(server.errors()));
        const auto journalStatus = [&] {
            const QByteArray t = adminLogin(server.port(), QStringLiteral("owner@example.com"),
                                            QStringLiteral("correct horse battery"));
            return adminCall(server.port(), "GET", QStringLiteral("/server/status"), t)
                .json()[QStringLiteral("journal")]
                .toObject();
        };
        QJsonObject later = journalStatus();
        QCOMPARE(later[QStringLiteral("damaged_regions")].toInteger(), 0); // this start found none
        const QJsonObject damageLog = later[QStringLiteral("damage_log")].toObject();
        QCOMPARE(damageLog[QStringLiteral("entries")].toInteger(), 1);
        QVERIFY2(damageLog[QStringLiteral("last")].toString().contains(segments.first()),
                 qPrintable(damageLog[QStringLiteral("last")].toString()));
        QCOMPARE(later[QStringLiteral("damaged_segments")].toArray(),
                 QJsonArray{QString(segments.first() + QStringLiteral(".damaged"))});
        QVERIFY(QFile::remove(journal.filePath(QStringLiteral("damage.log"))));
        QVERIFY(QFile::remove(journal.filePath(segments.first() + QStringLiteral(".damaged"))));
        later = journalStatus();
        QVERIFY(later[QStringLiteral("damage_log")].isNull());
        QCOMPARE(later[QStringLiteral("damaged_segments")].toArray(), QJsonArray{});
        QCOMPARE(server.terminate(), 0);
        QCOMPARE(countEvents(dir), Events - 1);
    }

    // The database is lost after a crash and restored from a backup taken before the
    // website existed, following the refusal's advice: the stale write-ahead log is moved
    // aside first (else SQLite applies it to the backup), and the journaled events of the
    // website the backup does not have are dropped and reported, not stored as orphans.
    void restoreFromAnOlderBackup()
    {
        ServerProcess server;
        const QString dir = server.dataDir();
        const QString db = dir + QStringLiteral("/zenovay.db");
        const QString backup = dir + QStringLiteral(".backup.db");
        const QStringList args{QStringLiteral("--config"), writeLimitsIni(dir)};
        QVERIFY2(server.start(args), qPrintable(server.errors()));
        QVERIFY(!adminSetup(server.port(), QStringLiteral("owner@example.com"), QStringLiteral("Owner"),
                            QStringLiteral("correct horse battery"))
                     .isEmpty());
        QCOMPARE(server.terminate(), 0);
        QFile::remove(backup);
        const QString code = QStringLiteral("ZV-RESTOREDOLD01");
        {
            Core::Database d(db);
            QVERIFY(!d.open());
            QSqlQuery q(d.connection());
            QVERIFY2(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(backup)),
                     qPrintable(q.lastError().text()));
            createWebsite(d, code); // after the backup
        }
        QVERIFY2(server.start(args), qPrintable(server.errors()));
        {
            const QString error = acknowledgeIntoJournalAndKill(server, code, 20);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        QVERIFY(QFile::remove(db)); // the database is lost
        QVERIFY(!server.start(args));
        const QString refusal = server.errors();
        for (const QString &part : {QStringLiteral("zenovay.db-wal"), QStringLiteral("zenovay.db-shm"),
                                    QStringLiteral("corrupt"), QStringLiteral("backup")})
            QVERIFY2(refusal.contains(part), qPrintable(refusal));

        // As the message says: the stale -wal/-shm out of the way, then the backup in.
        for (const char *suffix : {"-wal", "-shm"})
            if (QFile::exists(db + QLatin1String(suffix)))
                QVERIFY(QFile::rename(db + QLatin1String(suffix),
                                      backup + QLatin1String(suffix) + QStringLiteral(".stale")));
        QVERIFY(QFile::copy(backup, db));
        if (!server.start(args))
            QFAIL(qPrintable(server.errors()));
        const QByteArray token = adminLogin(server.port(), QStringLiteral("owner@example.com"),
                                            QStringLiteral("correct horse battery"));
        QVERIFY(!token.isEmpty());
        const QJsonObject status =
            adminCall(server.port(), "GET", QStringLiteral("/server/status"), token).json();
        QCOMPARE(status[QStringLiteral("events_stored")].toInteger(), 0);
        QCOMPARE(status[QStringLiteral("ingest")][QStringLiteral("replayed_at_start")].toInteger(), 0);
        const QJsonObject j = status[QStringLiteral("journal")].toObject();
        QCOMPARE(j[QStringLiteral("events_dropped_no_website")].toInteger(), 20);
        QVERIFY2(j[QStringLiteral("last_damage")].toString().contains(QStringLiteral("does not have")),
                 qPrintable(j[QStringLiteral("last_damage")].toString()));
        QCOMPARE(server.terminate(), 0);
        QVERIFY2(server.errors().contains(QStringLiteral("20 journaled event(s) of website")),
                 qPrintable(server.errors()));
        QCOMPARE(countEvents(dir), 0); // no orphan rows
        QFile::remove(backup);
    }
};

QTEST_GUILESS_MAIN(TestJournalDamage)
#include "tst_journaldamage.moc"
