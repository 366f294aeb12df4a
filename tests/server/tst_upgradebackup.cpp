// The backup a start takes before it migrates the schema (issue 14, docs/operations.md
// "Upgrading"): a data directory as an older release left it, then the server started on
// it. The backup must hold the data as it was before the migration, at the old schema, be
// a backup that `restore` and `check` accept, and be taken once, not at every start.
#include "olddatabase.h"
#include "testserver.h"

#include "core/model/clock.h"
#include "core/operations/backup.h"
#include "core/storage/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace TestSupport;

namespace {
constexpr int OldVersion = 5;

QStringList backupsIn(const QString &dataDir)
{
    return QDir(QDir(dataDir).filePath(QStringLiteral("backups")))
        .entryList({QStringLiteral("*.zvbackup")}, QDir::Files, QDir::Name);
}
} // namespace

class TestUpgradeBackup : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dataDir() const { return m_dir->path() + QStringLiteral("/data"); }

    std::unique_ptr<TestServer> start(bool backupFirst = true)
    {
        return std::make_unique<TestServer>([dir = dataDir(), backupFirst](Server::ServerConfig &c) {
            c.dataDir = dir;
            c.backupBeforeMigration = backupFirst;
        });
    }
    int schemaOf(const QString &dataDir)
    {
        const QVariantList v =
            OldDatabase::column(dataDir, QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
        return v.isEmpty() ? -1 : v.first().toInt();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QCOMPARE(OldDatabase::create(dataDir(), OldVersion), QString());
        QCOMPARE(OldDatabase::exec(dataDir(),
                                   QStringLiteral("INSERT INTO teams (id, name, plan, created_at) "
                                                  "VALUES ('t-old', 'Team from before', 'pro', 1700000000000)")),
                 QString());
    }
    void cleanup() { m_dir.reset(); }

    void aStartThatMigratesBacksUpFirstAndOnlyOnce()
    {
        QVERIFY(Core::Migrations::latestVersion() > OldVersion);
        {
            const auto server = start();
            QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        }
        QCOMPARE(schemaOf(dataDir()), Core::Migrations::latestVersion());
        const QStringList backups = backupsIn(dataDir());
        QCOMPARE(backups.size(), 1);
        QVERIFY2(backups.first().startsWith(QStringLiteral("pre-migration-schema%1-to-%2-")
                                                .arg(OldVersion)
                                                .arg(Core::Migrations::latestVersion())),
                 qPrintable(backups.first()));
        const QString file = QDir(dataDir()).filePath(QStringLiteral("backups/") + backups.first());
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        // The data before the migration, at the old schema (a backup is an SQLite file).
        const QString peek = m_dir->path() + QStringLiteral("/peek");
        QVERIFY(QDir().mkpath(peek));
        QVERIFY(QFile::copy(file, peek + QStringLiteral("/zenovay.db")));
        QCOMPARE(schemaOf(peek), OldVersion);
        QCOMPARE(OldDatabase::column(peek, QStringLiteral("SELECT name FROM teams")),
                 QVariantList{QStringLiteral("Team from before")});

        // What restore accepts (restore brings it to this build's schema) and check passes.
        const QString restored = m_dir->path() + QStringLiteral("/restored");
        Core::SystemClock clock;
        Core::Backup::Restored info;
        const auto error = Core::Backup::restore(file, restored, false, clock, &info);
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        QCOMPARE(info.backup.teams, 1);
        QCOMPARE(info.backup.schemaVersion, OldVersion); // what the backup says it holds
        QCOMPARE(OldDatabase::column(restored, QStringLiteral("SELECT name FROM teams")),
                 QVariantList{QStringLiteral("Team from before")});
        QVERIFY(Core::Backup::check(restored).ok());

        // The next start has nothing to migrate: no second backup.
        {
            const auto server = start();
            QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        }
        QCOMPARE(backupsIn(dataDir()), backups);
    }

    // A start that failed after its backup (a failed migration, a start that ran out of
    // time) and is retried does not back up again; a half-written copy a killed backup
    // left goes; of the backups of earlier upgrades the newest 3 are kept.
    void retriesReuseTheBackupAndOldOnesArePruned()
    {
        QString backups = QDir(dataDir()).filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(backups));
        const auto touch = [&](const QString &name, int daysAgo) {
            QFile f(QDir(backups).filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
            f.close();
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-daysAgo),
                                  QFileDevice::FileModificationTime));
        };
        const QString earlier = QStringLiteral("pre-migration-schema%1-to-%2-20261201T000000Z.zvbackup")
                                    .arg(OldVersion)
                                    .arg(Core::Migrations::latestVersion());
        touch(earlier, 1);
        touch(QStringLiteral("%1.partial-0123abcd").arg(earlier), 1);
        {
            const auto server = start();
            QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        }
        QCOMPARE(backupsIn(dataDir()), QStringList{earlier});
        QVERIFY(QDir(backups).entryList({QStringLiteral("*.partial-*")}, QDir::Files).isEmpty());

        // Pruning: three older upgrades' backups plus the one a new upgrade writes.
        m_dir = std::make_unique<QTemporaryDir>();
        QCOMPARE(OldDatabase::create(dataDir(), OldVersion), QString());
        backups = QDir(dataDir()).filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(backups));
        touch(QStringLiteral("pre-migration-schema2-to-3-20250101T000000Z.zvbackup"), 300);
        touch(QStringLiteral("pre-migration-schema3-to-4-20250601T000000Z.zvbackup"), 200);
        touch(QStringLiteral("pre-migration-schema4-to-5-20260101T000000Z.zvbackup"), 100);
        {
            const auto server = start();
            QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        }
        const QStringList kept = backupsIn(dataDir());
        QCOMPARE(kept.size(), 3);
        QVERIFY(!kept.contains(QStringLiteral("pre-migration-schema2-to-3-20250101T000000Z.zvbackup")));
        QVERIFY(kept.last().startsWith(QStringLiteral("pre-migration-schema%1-").arg(OldVersion)));
    }

    void aNewDirectoryIsNotBackedUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const auto server = start();
        QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        QVERIFY(!QFileInfo::exists(QDir(dataDir()).filePath(QStringLiteral("backups"))));
    }

    void turnedOffItMigratesWithoutABackup()
    {
        const auto server = start(false);
        QVERIFY2(server->isRunning(), qPrintable(server->startError()));
        QCOMPARE(schemaOf(dataDir()), Core::Migrations::latestVersion());
        QVERIFY(backupsIn(dataDir()).isEmpty());
    }

    // A backup that cannot be written stops the start before the migration: the schema
    // stays as it was, and the message says what to do.
    void aFailedBackupChangesNothing()
    {
        QFile blocker(QDir(dataDir()).filePath(QStringLiteral("backups")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder would go
        blocker.close();
        const auto server = start();
        QVERIFY(!server->isRunning());
        QVERIFY2(server->startError().contains(QStringLiteral("Nothing was changed")),
                 qPrintable(server->startError()));
        QVERIFY(server->startError().contains(QStringLiteral("backup_before_migration=0")));
        QCOMPARE(schemaOf(dataDir()), OldVersion);
    }
};

QTEST_GUILESS_MAIN(TestUpgradeBackup)
#include "tst_upgradebackup.moc"
