// Durability of the ingest path against the real binary: events are sent by a bounded
// load while the server is killed with SIGKILL at an arbitrary moment; after a restart
// every event that was acknowledged with 2xx is stored exactly once (unique marker per
// event), and nothing is ever stored twice.
#include "ingestfixtures.h"
#include "keepaliveclient.h"
#include "serverprocess.h"

#include "core/storage/database.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace TestSupport;

class TestIngestCrash : public QObject
{
    Q_OBJECT

    static constexpr int Clients = 4;
    static constexpr int MaxPerClientPerRound = 20'000; // bounds the load

    // Runs Clients keep-alive senders until the server dies; returns acknowledged markers.
    static QStringList sendUntilKilled(ServerProcess &server, const QString &code, int round, int killAfterMs)
    {
        std::atomic<bool> stop{false};
        QList<QStringList> acked(Clients);
        std::vector<std::unique_ptr<QThread>> threads;
        const quint16 port = server.port();
        for (int c = 0; c < Clients; ++c) {
            threads.emplace_back(QThread::create([&, c] {
                KeepAliveClient client(port, 3000);
                const QByteArray target = "/e/" + code.toLatin1();
                for (int i = 0; i < MaxPerClientPerRound && !stop.load(); ++i) {
                    const QString marker = QStringLiteral("r%1-c%2-%3").arg(round).arg(c).arg(i);
                    QJsonObject e = sampleEvent(QStringLiteral("/m/") + marker,
                                                QStringLiteral("crash-%1-%2").arg(c).arg(i % 50));
                    const HttpResult r = client.request("POST", target, {}, toJsonBytes(e));
                    if (r.status >= 200 && r.status < 300)
                        acked[c].append(marker);
                    else if (r.status == 0)
                        break; // the server is gone
                }
            }));
            threads.back()->start();
        }
        QThread::msleep(killAfterMs);
        server.kill(); // SIGKILL
        stop = true;
        for (auto &t : threads)
            t->wait();
        QStringList all;
        for (const QStringList &l : acked)
            all += l;
        return all;
    }

private slots:
    void killNineLosesNoAcknowledgedEventAndDuplicatesNone()
    {
        ServerProcess server;
        const QString code = QStringLiteral("ZV-CRASHTEST0001");
        {
            Core::Database db(server.dataDir() + QStringLiteral("/zenovay.db"));
            QVERIFY(!db.open());
            createWebsite(db, code);
        }
        // Limits out of the way; a long flush interval so the kill always finds events
        // that are acknowledged (journaled) but not yet committed by the writer.
        const QString ini = server.dataDir() + QStringLiteral("/zenovay.ini");
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[ingest]\nburst_limit=100000000\nhourly_limit=100000000\nflush_interval_ms=1500\n");
        f.close();
        const QStringList args{QStringLiteral("--config"), ini};

        QSet<QString> acked;
        for (int round = 0; round < 3; ++round) {
            QVERIFY2(server.start(args), qPrintable(server.errors()));
            const int killAfter = 300 + int(QRandomGenerator::global()->bounded(500));
            const QStringList got = sendUntilKilled(server, code, round, killAfter);
            QVERIFY2(got.size() > 20, "the load acknowledged too few events to mean anything");
            for (const QString &m : got)
                acked.insert(m);
            qInfo("round %d: %lld events acknowledged before kill -9 at %d ms", round, qint64(got.size()),
                  killAfter);
        }
        // A last start replays what the last kill left in the journal; a graceful stop commits all.
        QVERIFY2(server.start(args), qPrintable(server.errors()));
        QCOMPARE(server.terminate(), 0);

        Core::Database db(server.dataDir() + QStringLiteral("/zenovay.db"));
        QVERIFY(!db.open());
        Core::Statement q = db.prepare(QStringLiteral("SELECT path, COUNT(*) FROM events GROUP BY path"));
        QVERIFY(q.exec());
        QHash<QString, qint64> stored;
        while (q.next())
            stored.insert(q.value(0).toString().mid(3), q.value(1).toLongLong()); // strip "/m/"
        qint64 duplicates = 0;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            duplicates += it.value() > 1;
        QCOMPARE(duplicates, 0);
        qint64 missing = 0;
        for (const QString &m : std::as_const(acked))
            missing += stored.value(m) != 1;
        QCOMPARE(missing, 0);
        // The rollups agree with the raw rows (nothing counted twice by a replay).
        Core::Statement r =
            db.prepare(QStringLiteral("SELECT SUM(pageviews) FROM rollup_buckets WHERE granularity = 1"));
        QVERIFY(r.exec() && r.next());
        QCOMPARE(r.value(0).toLongLong(), qint64(stored.size()));
        Core::Statement s =
            db.prepare(QStringLiteral("SELECT SUM(count) FROM ingest_stats WHERE outcome = 'accepted'"));
        QVERIFY(s.exec() && s.next());
        QCOMPARE(s.value(0).toLongLong(), qint64(stored.size()));
        qInfo("%lld acknowledged, %lld stored (unacknowledged ones may or may not be)", qint64(acked.size()),
              qint64(stored.size()));
    }
};

QTEST_GUILESS_MAIN(TestIngestCrash)
#include "tst_ingestcrash.moc"
