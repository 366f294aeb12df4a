// zenovay-server backup | restore | check against the real binary (api-contract
// section 8, issue 14): a backup holds every acknowledged event (also those still only in
// the journal, also while a server is running under ingest load) and changes nothing in
// the source; a restored directory serves the same analytics and the same keys; restore
// refuses held, non-empty and foreign input; check finds a damaged journal and database.
#include "adminclient.h"
#include "ingestfixtures.h"
#include "keepaliveclient.h"
#include "serverprocess.h"

#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

#include <sys/stat.h>
#include <unistd.h>

using namespace TestSupport;

namespace {
const QString Code = QStringLiteral("ZV-BACKUPTEST001");
const QString Email = QStringLiteral("admin@example.com");
const QString Password = QStringLiteral("backup-test-pw-1");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCommand(const QStringList &args)
{
    QProcess p;
    p.start(ServerProcess::binary(), args);
    Run r;
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

// The first column of a query's rows in a database file, read without changing it.
QVariantList columnIn(const QString &dbFile, const QString &sql)
{
    QVariantList values;
    const QString name = QStringLiteral("read-") + QString::number(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql))
                while (q.next())
                    values << q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

// The visitor salts a database holds.
QList<QByteArray> saltsIn(const QString &dbFile)
{
    QList<QByteArray> salts;
    for (const QVariant &v : columnIn(dbFile, QStringLiteral("SELECT salt FROM visitor_salts")))
        salts << v.toByteArray();
    return salts;
}

// The markers ("/m/<marker>" paths) of the events in a database file, read without
// changing it; a marker stored twice appears twice.
QStringList markersIn(const QString &dbFile)
{
    QStringList markers;
    for (const QVariant &v : columnIn(dbFile, QStringLiteral("SELECT path FROM events WHERE path LIKE '/m/%'")))
        markers << v.toString().mid(3);
    return markers;
}

// Hashes of every file of a data directory and its journal (relative name -> SHA-256),
// to show nothing changed: not even the WAL a killed server left behind is applied.
QMap<QString, QByteArray> fingerprint(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDir root(dir);
    const QStringList names = root.entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        QFile f(root.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            files.insert(name, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    const QStringList journal = QDir(root.filePath(QStringLiteral("journal"))).entryList(QDir::Files);
    for (const QString &name : journal) {
        QFile f(root.filePath(QStringLiteral("journal/") + name));
        if (f.open(QIODevice::ReadOnly))
            files.insert(QStringLiteral("journal/") + name,
                         QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

qint64 numberBefore(const QString &text, const QString &what)
{
    const auto m =
        QRegularExpression(QStringLiteral("(\\d+) ") + QRegularExpression::escape(what)).match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

// Sends events with unique markers from `clients` keep-alive connections until stop is
// set or `maxEach` per client; records each acknowledged marker with the time (ms since
// `clock` started) its answer arrived.
class Load final
{
public:
    Load(quint16 port, const QString &code, const QString &tag, int clients, int maxEach)
    {
        m_clock.start();
        m_acked.resize(clients);
        for (int c = 0; c < clients; ++c) {
            m_threads.emplace_back(QThread::create([this, port, code, tag, c, maxEach] {
                KeepAliveClient client(port, 5000);
                const QByteArray target = "/e/" + code.toLatin1();
                for (int i = 0; i < maxEach && !m_stop.load(); ++i) {
                    const QString marker = QStringLiteral("%1-c%2-%3").arg(tag).arg(c).arg(i);
                    const HttpResult r = client.request(
                        "POST", target, {},
                        toJsonBytes(sampleEvent(QStringLiteral("/m/") + marker,
                                                QStringLiteral("backup-session-%1-%2").arg(c).arg(i % 40))));
                    if (r.status >= 200 && r.status < 300)
                        m_acked[size_t(c)].append({marker, m_clock.elapsed()});
                    else if (r.status == 0)
                        break;
                    else if (c == 0 && m_refusal.isEmpty())
                        m_refusal = QString::number(r.status) + QLatin1Char(' ') + QString::fromUtf8(r.body);
                }
            }));
            m_threads.back()->start();
        }
    }
    ~Load() { finish(); }
    // Waits until every client has sent its maxEach events (or the server went away).
    void waitUntilSent()
    {
        for (auto &t : m_threads)
            t->wait();
    }
    QString firstRefusal() const { return m_refusal; }
    qint64 now() const { return m_clock.elapsed(); }
    void finish()
    {
        m_stop = true;
        for (auto &t : m_threads)
            t->wait();
    }
    // Markers acknowledged before `beforeMs` (all when negative).
    QSet<QString> acked(qint64 beforeMs = -1) const
    {
        QSet<QString> out;
        for (const auto &list : m_acked)
            for (const auto &[marker, at] : list)
                if (beforeMs < 0 || at < beforeMs)
                    out.insert(marker);
        return out;
    }

private:
    QElapsedTimer m_clock;
    std::atomic<bool> m_stop{false};
    QString m_refusal; // the first answer other than 2xx (client 0), for failure messages
    std::vector<QList<std::pair<QString, qint64>>> m_acked;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

// Limits out of the way; the writer commits at most every 2 s, so events stay in the
// journal only for a while.
QString writeIni(const QString &dir)
{
    const QString ini = QDir(dir).filePath(QStringLiteral("zenovay.ini"));
    QFile f(ini);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("[ingest]\nburst_limit=100000000\nhourly_limit=100000000\nflush_interval_ms=2000\n"
            "[auth]\nargon2_memory_kib=64\nargon2_iterations=1\n");
    return ini;
}
} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_work;

    QString path(const QString &name) const { return m_work.filePath(name); }

    // A data directory with the test website, served by `server` with the test's ini.
    static bool startWithWebsite(ServerProcess &server, const QString &ini)
    {
        {
            Core::Database db(server.dataDir() + QStringLiteral("/zenovay.db"));
            if (db.open())
                return false;
            createWebsite(db, Code);
        }
        return server.start({QStringLiteral("--config"), ini});
    }

private slots:
    void initTestCase() { QVERIFY(m_work.isValid()); }

    // Events acknowledged just before a kill -9 are only in the journal. An offline
    // backup holds every one of them exactly once, and the source directory is not
    // changed by it (the journal is replayed into the backup, not into the source).
    void offlineBackupReplaysTheJournalAndChangesNothing()
    {
        ServerProcess server;
        const QString ini = writeIni(m_work.path());
        QVERIFY2(startWithWebsite(server, ini), qPrintable(server.errors()));
        QSet<QString> acked;
        {
            Load load(server.port(), Code, QStringLiteral("off"), 2, 150);
            load.waitUntilSent();
            server.kill(); // within the 2 s flush interval: the events are in the journal only
            acked = load.acked();
        }
        QVERIFY2(acked.size() >= 100, qPrintable(QStringLiteral("%1 acknowledged").arg(acked.size())));
        const qint64 inDatabase = markersIn(server.dataDir() + QStringLiteral("/zenovay.db")).size();
        const auto before = fingerprint(server.dataDir());
        const QStringList sourceEvents = markersIn(server.dataDir() + QStringLiteral("/zenovay.db"));
        QVERIFY(before.keys().filter(QStringLiteral("journal/")).size() >= 1);

        const QString file = path(QStringLiteral("offline.zvbackup"));
        const Run backup = runCommand({QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                       server.dataDir(), QStringLiteral("--out"), file});
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        QVERIFY2(backup.out.startsWith(QLatin1String("backup: wrote ")), qPrintable(backup.out));
        QCOMPARE(backup.out.count(QLatin1Char('\n')), 1); // one line
        QCOMPARE(fingerprint(server.dataDir()), before);  // the source is untouched
        QCOMPARE(markersIn(server.dataDir() + QStringLiteral("/zenovay.db")), sourceEvents);
        QVERIFY(before.contains(QStringLiteral("zenovay.db-wal"))); // the killed server's WAL, kept
        // Neither is check, run with options before the command as cron lines often are.
        const Run checked =
            runCommand({QStringLiteral("--data-dir"), server.dataDir(), QStringLiteral("check")});
        QVERIFY2(checked.exitCode == 0 && checked.out.startsWith(QLatin1String("check: ok: ")),
                 qPrintable(describe(checked)));
        QCOMPARE(fingerprint(server.dataDir()), before);
        // Nothing of the work is left beside the backup.
        QCOMPARE(QDir(m_work.path())
                     .entryList({QStringLiteral("*partial*"), QStringLiteral(".zenovay-backup-*")},
                                QDir::AllEntries | QDir::Hidden),
                 QStringList());

        const QStringList inBackup = markersIn(file);
        QCOMPARE(qint64(inBackup.size()), qint64(QSet<QString>(inBackup.begin(), inBackup.end()).size()));
        for (const QString &m : std::as_const(acked))
            QVERIFY2(inBackup.contains(m), qPrintable(m));
        QCOMPARE(numberBefore(backup.out, QStringLiteral("of the events from the journal")),
                 qint64(inBackup.size()) - inDatabase);
        QVERIFY2(inDatabase < acked.size(),
                 "the kill came after the writer committed: the journal path is untested");
        QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // No visitor salt goes into a backup, not even into its free pages: with one, the
        // stored visitor ids could be tied back to addresses.
        const QList<QByteArray> salts = saltsIn(server.dataDir() + QStringLiteral("/zenovay.db"));
        QCOMPARE(salts.size(), 2); // today's and tomorrow's
        QVERIFY(saltsIn(file).isEmpty());
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QByteArray &salt : salts)
                QVERIFY(!bytes.contains(salt));
        }
        // Refuses to overwrite.
        const Run again = runCommand({QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                      server.dataDir(), QStringLiteral("--out"), file});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("already exists")), qPrintable(again.err));
    }

    // Under ingest load, with the server running: the backup holds every event
    // acknowledged before the command started. Restored into an empty directory, a
    // server there answers the same analytics as the original and accepts the same key
    // and password.
    void onlineBackupUnderLoadRestoresTheSameAnalyticsAndKeys()
    {
        ServerProcess server;
        const QString ini = writeIni(m_work.path());
        QVERIFY2(server.start({QStringLiteral("--config"), ini}), qPrintable(server.errors()));
        const quint16 port = server.port();
        adminSetup(port, Email, QStringLiteral("Admin"), Password);
        const QByteArray token = adminLogin(port, Email, Password);
        QVERIFY(!token.isEmpty());
        HttpResult r = adminCall(port, "POST", QStringLiteral("/teams"), token,
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Shop")}});
        const QString team = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(adminCall(port, "PATCH", QStringLiteral("/teams/") + team, token,
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}})
                     .status,
                 200);
        r = adminCall(port, "POST", QStringLiteral("/websites"), token,
                      QJsonObject{{QStringLiteral("team_id"), team},
                                  {QStringLiteral("name"), QStringLiteral("Shop")},
                                  {QStringLiteral("url"), QStringLiteral("https://example.com")}});
        QCOMPARE(r.status, 201);
        const QString site = r.json().value(QStringLiteral("id")).toString();
        const QString code = r.json().value(QStringLiteral("tracking_code")).toString();
        r = adminCall(port, "POST", QStringLiteral("/keys"), token,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Reports")},
                                  {QStringLiteral("permissions"), QJsonArray{QStringLiteral("read")}},
                                  {QStringLiteral("team_access"), QJsonArray{team}},
                                  {QStringLiteral("billing_team_id"), team}});
        QCOMPARE(r.status, 201);
        const QByteArray key = r.json().value(QStringLiteral("key")).toString().toLatin1();
        const QByteArray analyticsPath = "/api/external/v1/analytics/" + site.toLatin1();

        // A backup in the middle of the load.
        const QString during = path(QStringLiteral("during.zvbackup"));
        Load load(port, code, QStringLiteral("on"), 3, 3000);
        QTest::qWait(400);
        const qint64 startedAt = load.now();
        const Run backup = runCommand({QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                       server.dataDir(), QStringLiteral("--out"), during});
        QTest::qWait(200);
        load.finish();
        QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
        const QSet<QString> before = load.acked(startedAt);
        QVERIFY2(before.size() >= 50,
                 qPrintable(QStringLiteral("too little load before the backup to mean anything: "
                                           "%1 acknowledged; first refusal: %2")
                                .arg(before.size())
                                .arg(load.firstRefusal())));
        QVERIFY2(load.acked().size() > before.size(), "the load did not go on during the backup");
        const QStringList inBackup = markersIn(during);
        QCOMPARE(qint64(inBackup.size()), qint64(QSet<QString>(inBackup.begin(), inBackup.end()).size()));
        qint64 missing = 0;
        for (const QString &m : before)
            missing += !inBackup.contains(m);
        QCOMPARE(missing, 0);
        qInfo("%lld events acknowledged before the backup started, %lld in it, %lld acknowledged in all",
              qint64(before.size()), qint64(inBackup.size()), qint64(load.acked().size()));

        // Quiet now: a second backup, and the original's analytics once all is committed.
        const QString after = path(QStringLiteral("after.zvbackup"));
        const Run quiet = runCommand({QStringLiteral("backup"), QStringLiteral("--data-dir"),
                                      server.dataDir(), QStringLiteral("--out"), after});
        QVERIFY2(quiet.exitCode == 0, qPrintable(describe(quiet)));
        QCOMPARE(qint64(markersIn(after).size()), qint64(load.acked().size()));
        HttpResult original;
        QElapsedTimer waited;
        waited.start();
        do {
            QTest::qWait(100);
            original = httpRequest(port, "GET", analyticsPath, {{"X-API-Key", key}});
        } while (original.json()
                         .value(QStringLiteral("totals"))
                         .toObject()
                         .value(QStringLiteral("pageviews"))
                         .toInteger() < load.acked().size() &&
                 waited.elapsed() < 10'000);
        QCOMPARE(original.status, 200);
        QCOMPARE(original.json()
                     .value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("pageviews"))
                     .toInteger(),
                 qint64(load.acked().size()));

        // Refused while the server holds the directory it would restore into.
        const Run held =
            runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), server.dataDir(),
                        QStringLiteral("--from"), after, QStringLiteral("--force")});
        QCOMPARE(held.exitCode, 1);
        QVERIFY2(held.err.contains(QLatin1String("in use")), qPrintable(held.err));
        QCOMPARE(server.terminate(), 0);

        // Each backup restored into an empty directory and served.
        for (const QString &file : {during, after}) {
            ServerProcess restored;
            const Run restore = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"),
                                            restored.dataDir(), QStringLiteral("--from"), file});
            QVERIFY2(restore.exitCode == 0, qPrintable(describe(restore)));
            QVERIFY2(restore.out.startsWith(QLatin1String("restore: ")), qPrintable(restore.out));
            QVERIFY2(restored.start({QStringLiteral("--config"), ini}), qPrintable(restored.errors()));
            const HttpResult answer =
                httpRequest(restored.port(), "GET", analyticsPath, {{"X-API-Key", key}});
            QCOMPARE(answer.status, 200);
            const qint64 pageviews = answer.json()
                                         .value(QStringLiteral("totals"))
                                         .toObject()
                                         .value(QStringLiteral("pageviews"))
                                         .toInteger();
            QCOMPARE(pageviews, qint64(markersIn(file).size()));
            if (file == after) // the same answer as the original, number for number
                QCOMPARE(answer.json(), original.json());
            QVERIFY(!adminLogin(restored.port(), Email, Password).isEmpty());
            QCOMPARE(restored.terminate(), 0);
        }
    }

    // Restore changes nothing until the backup is known good, never into a directory in
    // use, and never over contents unless told (--force moves them aside, loses nothing).
    void restoreRefusesWhatItShould()
    {
        ServerProcess source;
        const QString ini = writeIni(m_work.path());
        QVERIFY2(startWithWebsite(source, ini), qPrintable(source.errors()));
        QCOMPARE(source.terminate(), 0);
        const QString good = path(QStringLiteral("good.zvbackup"));
        QVERIFY(runCommand({QStringLiteral("backup"), QStringLiteral("--data-dir"), source.dataDir(),
                            QStringLiteral("--out"), good})
                    .exitCode == 0);

        // Not a backup: a plain database file, a truncated backup, nothing at all.
        const QString truncated = path(QStringLiteral("truncated.zvbackup"));
        {
            QFile in(good);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(truncated);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.read(in.size() / 2));
        }
        const QList<std::pair<QString, QString>> bad = {
            {source.dataDir() + QStringLiteral("/zenovay.db"), QStringLiteral("not a Zenovay backup")},
            {truncated, QStringLiteral("zvbackup")},
            {path(QStringLiteral("missing.zvbackup")), QStringLiteral("does not exist")}};
        for (const auto &[file, says] : bad) {
            QTemporaryDir target;
            const Run r = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), target.path(),
                                      QStringLiteral("--from"), file});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(says), qPrintable(describe(r)));
            QVERIFY2(QDir(target.path()).isEmpty(), qPrintable(file)); // nothing changed
        }

        // A directory with contents: refused, then with --force moved aside.
        QTemporaryDir busy;
        QFile keep(busy.filePath(QStringLiteral("notes.txt")));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("keep me");
        keep.close();
        const QFile::Permissions permissions = QFileInfo(busy.path()).permissions();
        Run r = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), busy.path(),
                            QStringLiteral("--from"), good});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("not empty (notes.txt)")) &&
                     r.err.contains(QLatin1String("--force")),
                 qPrintable(r.err));
        QCOMPARE(QDir(busy.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("notes.txt")}); // refused: nothing created or changed
        QCOMPARE(QFileInfo(busy.path()).permissions(), permissions);
        r = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), busy.path(),
                        QStringLiteral("--from"), good, QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QStringList aside = QDir(busy.path()).entryList({QStringLiteral("replaced-*")}, QDir::Dirs);
        QCOMPARE(aside.size(), 1);
        QFile moved(busy.filePath(aside.first() + QStringLiteral("/notes.txt")));
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(moved.readAll(), QByteArray("keep me"));
        QVERIFY2(r.out.contains(aside.first()), qPrintable(r.out));
        QCOMPARE(runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), busy.path()}).exitCode,
                 0);

        // The backup inside the directory it is restored into, with --force: it is read
        // before anything is moved aside (a restore that fails half-way would leave a
        // directory that looks new, and first-run setup open to anyone).
        QTemporaryDir inside;
        QVERIFY(QFile::copy(good, inside.filePath(QStringLiteral("mine.zvbackup"))));
        r = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), inside.path(),
                        QStringLiteral("--from"), inside.filePath(QStringLiteral("mine.zvbackup")),
                        QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QFile::exists(inside.filePath(QStringLiteral("zenovay.db"))));
        QVERIFY(QFile::exists(inside.filePath(QStringLiteral("zenovay.initialised"))));
        QCOMPARE(runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), inside.path()}).exitCode,
                 0);

        // Run as root (sudo) into the service user's directory, the restored files are that
        // user's: a server started as that user can open them.
        if (::geteuid() == 0) {
            QTemporaryDir service;
            QVERIFY(::chown(QFile::encodeName(service.path()).constData(), 65534, 65534) == 0);
            r = runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), service.path(),
                            QStringLiteral("--from"), good});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            for (const char *name : {"zenovay.db", "zenovay.lock", "zenovay.initialised"}) {
                struct stat st
                {};
                QVERIFY(::stat(QFile::encodeName(service.filePath(QLatin1String(name))).constData(), &st) ==
                        0);
                QVERIFY2(st.st_uid == 65534 && st.st_gid == 65534, name);
            }
        }

        // Usage errors are 2; an unknown command never starts a server.
        QCOMPARE(runCommand({QStringLiteral("restore"), QStringLiteral("--data-dir"), busy.path()}).exitCode,
                 2);
        QCOMPARE(runCommand({QStringLiteral("backup"), QStringLiteral("--nonsense")}).exitCode, 2);
        const Run unknown = runCommand({QStringLiteral("--data-dir"), busy.path(), QStringLiteral("chek")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QLatin1String("unknown command chek")), qPrintable(describe(unknown)));
    }

    // check passes a healthy directory (also with a torn write at the journal's end) and
    // fails, naming the damage, on a damaged journal and on a damaged database.
    void checkFindsDamage()
    {
        ServerProcess server;
        const QString ini = writeIni(m_work.path());
        QVERIFY2(startWithWebsite(server, ini), qPrintable(server.errors()));
        {
            Load load(server.port(), Code, QStringLiteral("chk"), 1, 200);
            load.waitUntilSent();
            server.kill();
        }
        const QString dir = server.dataDir();
        Run r = runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), dir});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith(QLatin1String("check: ok: ")), qPrintable(r.out));
        QVERIFY2(numberBefore(r.out, QStringLiteral("events not yet in the database")) > 0,
                 qPrintable(r.out));

        // Bytes in the middle of the journal changed: records after them are intact.
        const QStringList segments =
            QDir(dir + QStringLiteral("/journal"))
                .entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name);
        QVERIFY(!segments.isEmpty());
        QString damaged;
        for (const QString &name : segments)
            if (QFileInfo(dir + QStringLiteral("/journal/") + name).size() > 4000)
                damaged = dir + QStringLiteral("/journal/") + name;
        QVERIFY(!damaged.isEmpty());
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            f.write(QByteArray(64, '\xA5'));
        }
        r = runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), dir});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("check: DAMAGED: ")) &&
                     r.err.contains(QLatin1String("journal is damaged")),
                 qPrintable(describe(r)));

        // A damaged database, and none at all.
        QTemporaryDir other;
        {
            Core::Database db(other.filePath(QStringLiteral("zenovay.db")));
            QVERIFY(!db.open());
            createWebsite(db, Code);
        }
        QCOMPARE(runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), other.path()}).exitCode,
                 0);
        {
            QFile f(other.filePath(QStringLiteral("zenovay.db")));
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8 * 4096);
            f.seek(3 * 4096 + 100); // inside a table's pages, past the header
            f.write(QByteArray(4 * 4096, '\x5A'));
        }
        r = runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), other.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("check: DAMAGED: ")), qPrintable(describe(r)));
        QTemporaryDir empty;
        r = runCommand({QStringLiteral("check"), QStringLiteral("--data-dir"), empty.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("check: NOT FOUND: ")) &&
                     r.err.contains(QLatin1String("holds no database")),
                 qPrintable(describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
