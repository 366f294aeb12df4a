// The data directory against the real binary (issue 11): one process at a time (a second
// one is refused at once, names the holder's PID and changes nothing; a dead holder's lock
// is taken over), and a directory that was in use whose database is missing or empty is
// refused instead of becoming a fresh install that offers first-run setup to anyone.
#include "adminclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Email = QStringLiteral("owner@example.com");
const QString Password = QStringLiteral("correct horse battery");

// Every file under dir (the lock file too unless skipped): size, mtime and content.
QMap<QString, QByteArray> snapshot(const QString &dir, bool withLockFile = true)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString name = QDir(dir).relativeFilePath(info.filePath());
        if (!withLockFile && name == QLatin1String("zenovay.lock"))
            continue;
        QByteArray state = QByteArray::number(info.size()) + ' ' +
                           QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ' ';
        QFile f(info.filePath());
        if (info.isFile() && f.open(QIODevice::ReadOnly))
            state += QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        out.insert(name, state);
    }
    return out;
}

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString stdoutText;
    QString stderrText;
};

// Runs zenovay-server on dir until it exits by itself (at most 10 s; a server that
// starts serving instead is stopped and reported as not finished).
Run runOn(const QString &dir)
{
    QProcess p;
    p.start(ServerProcess::binary(),
            {QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    Run out;
    out.finished = p.waitForFinished(10'000);
    if (!out.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    out.stdoutText = QString::fromUtf8(p.readAllStandardOutput());
    out.stderrText = QString::fromUtf8(p.readAllStandardError());
    return out;
}

// A valid SQLite file with a header page but no tables.
bool writeDatabaseWithoutTables(const QString &path)
{
    const QString name = QStringLiteral("no-tables-%1").arg(quintptr(&path));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 7"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok && QFileInfo(path).size() > 0;
}

bool setupRequired(quint16 port)
{
    return adminCall(port, "GET", QStringLiteral("/setup"))
        .json()
        .value(QStringLiteral("setup_required"))
        .toBool();
}
} // namespace

class TestDataDir : public QObject
{
    Q_OBJECT
private slots:
    void newDirectoryInitialises()
    {
        QTemporaryDir parent;
        const QString dir = parent.filePath(QStringLiteral("new/data"));
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0")},
                              false),
                 qPrintable(server.errors()));
        QVERIFY(setupRequired(server.port()));
        QVERIFY(QFile::exists(dir + QStringLiteral("/zenovay.initialised")));
        QFile lock(dir + QStringLiteral("/zenovay.lock"));
        QVERIFY(lock.open(QIODevice::ReadOnly));
        QCOMPARE(lock.readLine().trimmed().toLongLong(), server.pid());
        QCOMPARE(server.terminate(), 0);
    }

    // A database from before the marker existed (an older installation) starts and is marked.
    void existingDatabaseWithoutMarkerStarts()
    {
        ServerProcess server;
        {
            Core::Database db(server.dataDir() + QStringLiteral("/zenovay.db"));
            QVERIFY(!db.open());
        }
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QVERIFY(QFile::exists(server.dataDir() + QStringLiteral("/zenovay.initialised")));
        QCOMPARE(server.terminate(), 0);
    }

    void lostDatabaseIsRefused_data()
    {
        QTest::addColumn<bool>("truncate");      // else delete
        QTest::addColumn<bool>("removeJournal"); // the marker alone must suffice
        QTest::addColumn<bool>("removeMarker");  // the journal alone must suffice
        QTest::addColumn<QString>("problem");
        QTest::newRow("truncated to 0 bytes")
            << true << false << false << QStringLiteral("is empty (0 bytes)");
        QTest::newRow("deleted") << false << false << false << QStringLiteral("is missing");
        QTest::newRow("deleted, no journal") << false << true << false << QStringLiteral("is missing");
        QTest::newRow("truncated, no marker")
            << true << false << true << QStringLiteral("is empty (0 bytes)");
    }
    void lostDatabaseIsRefused()
    {
        QFETCH(bool, truncate);
        QFETCH(bool, removeJournal);
        QFETCH(bool, removeMarker);
        QFETCH(QString, problem);
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QVERIFY(!adminSetup(server.port(), Email, QStringLiteral("Owner"), Password).isEmpty());
        QCOMPARE(server.terminate(), 0);
        const QString dir = server.dataDir();
        const QString dbPath = dir + QStringLiteral("/zenovay.db");
        const QString backup = dir + QStringLiteral(".backup.db");
        QFile::remove(backup);
        QVERIFY(QFile::copy(dbPath, backup));
        if (truncate)
            QVERIFY(QFile::resize(dbPath, 0));
        else
            QVERIFY(QFile::remove(dbPath));
        if (removeJournal)
            QVERIFY(QDir(dir + QStringLiteral("/journal")).removeRecursively());
        if (removeMarker)
            QVERIFY(QFile::remove(dir + QStringLiteral("/zenovay.initialised")));
        const auto before = snapshot(dir, false);

        for (int attempt = 0; attempt < 2; ++attempt) { // a refusal leaves nothing that helps the next start
            const Run run = runOn(dir);
            QVERIFY2(run.finished, "the server started on a data directory with a lost database");
            QVERIFY(run.exitCode != 0);
            QVERIFY2(!run.stdoutText.contains(QStringLiteral("listening on")), qPrintable(run.stdoutText));
            for (const QString &part : {QStringLiteral("was in use"), problem, QStringLiteral("restore"),
                                        QStringLiteral("backup"), QStringLiteral("move the directory aside")})
                QVERIFY2(run.stderrText.contains(part), qPrintable(run.stderrText));
            QCOMPARE(snapshot(dir, false), before); // no database created, journal untouched
        }
        QCOMPARE(QFile::exists(dbPath), truncate);

        // Restoring the database from the backup is the way back: the admin is still there.
        QFile::remove(dbPath);
        QVERIFY(QFile::copy(backup, dbPath));
        QFile::remove(backup);
        ServerProcess restored;
        QVERIFY2(restored.start({QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0")},
                                false),
                 qPrintable(restored.errors()));
        QVERIFY(!setupRequired(restored.port()));
        QVERIFY(!adminLogin(restored.port(), Email, Password).isEmpty());
        QCOMPARE(restored.terminate(), 0);
    }

    void databaseWithoutTablesIsRefused()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QCOMPARE(server.terminate(), 0);
        const QString dbPath = server.dataDir() + QStringLiteral("/zenovay.db");
        QVERIFY(QFile::remove(dbPath));
        QVERIFY(writeDatabaseWithoutTables(dbPath));
        const Run run = runOn(server.dataDir());
        QVERIFY2(run.finished, "the server started on a database without tables in a directory in use");
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.stderrText.contains(QStringLiteral("holds no Zenovay tables")),
                 qPrintable(run.stderrText));
    }

    // A database that cannot be read (here: the page of schema_migrations overwritten) is
    // reported as what it is, not as "holds no Zenovay tables".
    void unreadableDatabaseIsNotCalledEmpty()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errors()));
        QCOMPARE(server.terminate(), 0);
        const QString dbPath = server.dataDir() + QStringLiteral("/zenovay.db");
        qint64 page = 0;
        qint64 pageSize = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("corrupt"));
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            pageSize = q.value(0).toLongLong();
            QVERIFY(q.exec(QStringLiteral(
                        "SELECT rootpage FROM sqlite_master WHERE name = 'schema_migrations'")) &&
                    q.next());
            page = q.value(0).toLongLong();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("corrupt"));
        QVERIFY(page > 1 && pageSize > 0);
        QFile f(dbPath);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek((page - 1) * pageSize));
        QCOMPARE(f.write(QByteArray(pageSize, '\xa5')), pageSize);
        f.close();
        const Run run = runOn(server.dataDir());
        QVERIFY2(run.finished, "the server started on an unreadable database");
        QVERIFY(run.exitCode != 0);
        QVERIFY2(!run.stderrText.contains(QStringLiteral("holds no Zenovay tables")),
                 qPrintable(run.stderrText));
        QVERIFY2(run.stderrText.contains(QStringLiteral("malformed")), qPrintable(run.stderrText));
    }

    // A first start that died before its first migration committed leaves a database
    // without tables and a -wal file but no marker: the next start simply initialises.
    void firstStartThatDiedEarlyIsNotEvidence()
    {
        QTemporaryDir dir;
        QVERIFY(writeDatabaseWithoutTables(dir.filePath(QStringLiteral("zenovay.db"))));
        QFile wal(dir.filePath(QStringLiteral("zenovay.db-wal")));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.close();
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0")},
                              false),
                 qPrintable(server.errors()));
        QVERIFY(setupRequired(server.port()));
        QCOMPARE(server.terminate(), 0);
    }

    void secondProcessIsRefusedAndChangesNothing()
    {
        ServerProcess first;
        QVERIFY2(first.start(), qPrintable(first.errors()));
        const QString dir = first.dataDir();
        const auto before = snapshot(dir);

        const Run second = runOn(dir);
        QVERIFY2(second.finished, "a second process started on a data directory in use");
        QVERIFY(second.exitCode != 0);
        QVERIFY2(second.stderrText.contains(QStringLiteral("PID %1").arg(first.pid())),
                 qPrintable(second.stderrText));
        QVERIFY2(second.stderrText.contains(QStringLiteral("in use")), qPrintable(second.stderrText));
        QCOMPARE(snapshot(dir), before);
        QCOMPARE(httpRequest(first.port(), "GET", "/healthz").status, 200);

        // The holder dies without cleaning up: its lock goes with it.
        first.kill();
        ServerProcess next;
        QVERIFY2(next.start({QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0")},
                            false),
                 qPrintable(next.errors()));
        QCOMPARE(httpRequest(next.port(), "GET", "/healthz").status, 200);
        QFile lock(dir + QStringLiteral("/zenovay.lock"));
        QVERIFY(lock.open(QIODevice::ReadOnly));
        QCOMPARE(lock.readLine().trimmed().toLongLong(), next.pid());
        QCOMPARE(next.terminate(), 0);
    }

    // The desktop app's embedded server goes through the same ServerInstance::start().
    void secondInstanceInOneProcessIsRefused()
    {
        TestServer first;
        QVERIFY2(first.isRunning(), qPrintable(first.startError()));
        TestServer second([&](Server::ServerConfig &c) { c.dataDir = first.dataDir(); });
        QVERIFY(!second.isRunning());
        QVERIFY2(
            second.startError().contains(QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
            qPrintable(second.startError()));
        QCOMPARE(httpRequest(first.port(), "GET", "/healthz").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "tst_datadir.moc"
