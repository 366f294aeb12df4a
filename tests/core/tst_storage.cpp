#include "core/keys/apikeyformat.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/planrepository.h"
#include "core/storage/storageerror.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "core/storage/websiterepository.h"

#include <QDirIterator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>
#include <thread>

using namespace Core;

class TestStorage : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    User makeUser(const QString &email)
    {
        User u{newId(), email, QStringLiteral("Name"), 1000, false, false};
        UserRepository(*m_db).insert(u, QStringLiteral("pbkdf2$dummy"));
        return u;
    }

    Team makeTeam(const QString &name, Plan plan = Plan::Pro)
    {
        Team t{newId(), name, plan, 2000};
        TeamRepository(*m_db).insert(t);
        return t;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("z.db")));
        const auto error = m_db->open();
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void migrationsRunOnceAndWalIsOn()
    {
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
        QVERIFY(Migrations::latestVersion() >= 1);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        // Re-opening runs nothing new and keeps data.
        makeUser(QStringLiteral("a@example.com"));
        auto appliedCount = [this] {
            QSqlQuery c(m_db->connection());
            return c.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")) && c.next()
                       ? c.value(0).toInt()
                       : -1;
        };
        const int applied = appliedCount();
        QVERIFY(applied >= 1);
        const QString path = m_db->filePath();
        m_db.reset();
        m_db = std::make_unique<Database>(path);
        QVERIFY(!m_db->open());
        QCOMPARE(UserRepository(*m_db).count(), 1);
        QCOMPARE(appliedCount(), applied);
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, "
                                  "'from_the_future', 0)")));
        const QString path = m_db->filePath();
        m_db.reset();
        m_db = std::make_unique<Database>(path);
        const auto error = m_db->open();
        QVERIFY(error);
        QVERIFY2(error->contains(QStringLiteral("9999")), qPrintable(*error));
        QVERIFY(error->contains(QStringLiteral("newer Zenovay")));
        QCOMPARE(m_db->schemaVersion(), 9999);
    }

    void usersAndTeams()
    {
        const User u = makeUser(QStringLiteral("Alice@Example.com"));
        UserRepository users(*m_db);
        QCOMPARE(users.findByEmail(QStringLiteral("alice@example.COM"))->id, u.id);
        QVERIFY(!users.findByEmail(QStringLiteral("bob@example.com")));
        QVERIFY_THROWS_EXCEPTION(StorageError, makeUser(QStringLiteral("alice@example.com")));

        const Team t = makeTeam(QStringLiteral("Acme"));
        TeamRepository teams(*m_db);
        teams.addMember({t.id, u.id, Role::Owner, 3000});
        QCOMPARE(teams.listForUser(u.id).size(), 1);
        QCOMPARE(teams.membership(t.id, u.id)->role, Role::Owner);
        QCOMPARE(teams.countWithRole(t.id, Role::Owner), 1);
        QVERIFY(teams.setRole(t.id, u.id, Role::Admin));
        QCOMPARE(teams.membership(t.id, u.id)->role, Role::Admin);
        QVERIFY(teams.removeMember(t.id, u.id));
        QVERIFY(teams.listForUser(u.id).isEmpty());
        Team renamed = *teams.findById(t.id);
        renamed.name = QStringLiteral("Acme 2");
        renamed.plan = Plan::Scale;
        QVERIFY(teams.update(renamed));
        QCOMPARE(teams.findById(t.id)->plan, Plan::Scale);
        QVERIFY(teams.remove(t.id));
        QVERIFY(!teams.findById(t.id));
    }

    void websitesPaginate()
    {
        const Team a = makeTeam(QStringLiteral("A"));
        const Team b = makeTeam(QStringLiteral("B"));
        WebsiteRepository sites(*m_db);
        QSet<QString> codes;
        for (int i = 0; i < 7; ++i) {
            Website w{newId(),
                      i < 5 ? a.id : b.id,
                      QStringLiteral("site %1").arg(i),
                      QStringLiteral("https://s%1.example.com").arg(i),
                      QStringLiteral("s%1.example.com").arg(i),
                      newTrackingCode(),
                      10'000 + i,
                      {}};
            codes.insert(w.trackingCode);
            sites.insert(w);
        }
        QCOMPARE(codes.size(), 7);
        QCOMPARE(sites.countForTeams({a.id}), 5);
        QCOMPARE(sites.countForTeams({a.id, b.id}), 7);
        const auto page1 = sites.listForTeams({a.id}, 0, 2);
        QCOMPARE(page1.size(), 2);
        QCOMPARE(page1[0].name, QStringLiteral("site 4")); // newest first
        const auto page3 = sites.listForTeams({a.id}, 4, 2);
        QCOMPARE(page3.size(), 1);
        QVERIFY(sites.listForTeams({}, 0, 10).isEmpty());
        const Website first = page1[0];
        QCOMPARE(sites.findByTrackingCode(first.trackingCode)->id, first.id);
        QVERIFY(sites.remove(first.id));
        QVERIFY(!sites.findById(first.id));
    }

    void apiKeysStoreOnlyHashAndPrefix()
    {
        const User u = makeUser(QStringLiteral("k@example.com"));
        const Team t = makeTeam(QStringLiteral("T"));
        const Team t2 = makeTeam(QStringLiteral("T2"));
        ApiKeyRepository keys(*m_db);
        QStringList fullKeys;
        for (int i = 0; i < 5; ++i) {
            const auto g = ApiKeyFormat::generate();
            fullKeys << g.key;
            ApiKey k;
            k.id = newId();
            k.userId = u.id;
            k.name = QStringLiteral("key %1").arg(i);
            k.prefix = g.prefix;
            k.hash = g.hash;
            k.permissions = *Permissions::fromNames({QStringLiteral("read"), QStringLiteral("write")});
            k.teamAccess = i % 2 ? TeamAccess{false, {t.id, t2.id}} : TeamAccess{};
            k.billingTeamId = t.id;
            k.createdAt = 5000 + i;
            keys.insert(k);
        }
        const auto found = keys.findByHash(ApiKeyFormat::hash(fullKeys[1].toLatin1()));
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("key 1"));
        QVERIFY(!found->teamAccess.all);
        QCOMPARE(found->teamAccess.teamIds.size(), 2);
        QVERIFY(found->permissions.has(Permissions::Write));
        QVERIFY(!found->permissions.has(Permissions::Admin));
        QVERIFY(!keys.findByHash(ApiKeyFormat::hash("zv_unknown")));
        QCOMPARE(keys.listForUser(u.id).size(), 5);
        QVERIFY(keys.revoke(found->id, 9000));
        QVERIFY(!keys.revoke(found->id, 9500)); // once
        QCOMPARE(*keys.findById(found->id)->revokedAt, 9000);
        keys.setLastUsed(found->id, 9100);
        keys.setLastUsed(found->id, 9050); // never goes back
        QCOMPARE(*keys.findById(found->id)->lastUsedAt, 9100);

        // No full key anywhere in the database files (main file and WAL).
        m_db.reset();
        QDirIterator it(m_dir->path(), QDir::Files);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            for (const QString &key : fullKeys) {
                QVERIFY2(!bytes.contains(key.toLatin1()), qPrintable(f.fileName()));
                QVERIFY(!bytes.contains(key.mid(11).toLatin1())); // nor its secret part
            }
        }
        QVERIFY(files >= 1);
    }

    // The statement cache: a repeated SQL text is prepared once per connection, a
    // half-read result never pins an old snapshot, nested and failed uses stay correct.
    void statementsAreCachedAndReset()
    {
        const QString insert = QStringLiteral("INSERT INTO settings_probe (k, v) VALUES (?, ?)");
        {
            QSqlQuery ddl(m_db->connection());
            QVERIFY(ddl.exec(QStringLiteral("CREATE TABLE settings_probe (k INTEGER PRIMARY KEY, v TEXT)")));
        }
        const qsizetype before = m_db->cachedStatementCount();
        for (int i = 0; i < 5; ++i) {
            Statement q = m_db->prepare(insert);
            q.addBindValue(i);
            q.addBindValue(QStringLiteral("v%1").arg(i));
            exec(q);
        }
        QCOMPARE(m_db->cachedStatementCount(), before + 1);

        // Read one row of several and stop: the statement must be reset when the borrow
        // ends, so a commit from another connection is visible to the next read.
        const QString select = QStringLiteral("SELECT v FROM settings_probe ORDER BY k");
        {
            Statement q = m_db->prepare(select);
            exec(q);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("v0"));
        }
        Database other(m_db->filePath());
        std::thread writer([&other] {
            Statement w =
                other.prepare(QStringLiteral("UPDATE settings_probe SET v = 'changed' WHERE k = 0"));
            exec(w);
            other.releaseThreadConnection();
        });
        writer.join();
        {
            // A different statement: only the reset of the first one ends its snapshot.
            Statement q = m_db->prepare(QStringLiteral("SELECT v FROM settings_probe WHERE k = 0"));
            exec(q);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("changed"));
        }

        // The same SQL borrowed twice at once (a loop inside a loop): two independent results.
        {
            Statement outer = m_db->prepare(select);
            exec(outer);
            int pairs = 0;
            while (outer.next()) {
                Statement inner = m_db->prepare(select);
                exec(inner);
                while (inner.next())
                    ++pairs;
            }
            QCOMPARE(pairs, 25);
        }

        // Binds added, then an exception before exec: the next use must not see them.
        try {
            Statement q = m_db->prepare(insert);
            q.addBindValue(100);
            throw std::runtime_error("interrupted");
        } catch (const std::runtime_error &) {
        }
        {
            Statement q = m_db->prepare(insert);
            q.addBindValue(6);
            q.addBindValue(QStringLiteral("v6"));
            exec(q);
        }
        Statement count = m_db->prepare(QStringLiteral("SELECT COUNT(*), MAX(k) FROM settings_probe"));
        exec(count);
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 6);
        QCOMPARE(count.value(1).toInt(), 6);
    }

    void statementCacheIsBounded()
    {
        for (int i = 0; i < 600; ++i) {
            Statement q = m_db->prepare(QStringLiteral("SELECT %1").arg(i));
            exec(q);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), i);
        }
        QVERIFY2(m_db->cachedStatementCount() <= 256,
                 qPrintable(QString::number(m_db->cachedStatementCount())));
    }

    void planLimitsDefaultAndEditable()
    {
        PlanRepository plans(*m_db);
        QCOMPARE(plans.limitsFor(Plan::Pro).perMinute, 30);
        QCOMPARE(plans.limitsFor(Plan::Scale).perMonth, 100'000);
        QCOMPARE(plans.limitsFor(Plan::Enterprise).perMinute, 120);
        QCOMPARE(plans.limitsFor(Plan::Free).perMonth, 0);
        plans.set({Plan::Pro, 45, 20'000});
        QCOMPARE(plans.limitsFor(Plan::Pro).perMinute, 45);
        QCOMPARE(plans.limitsFor(Plan::Pro).perMonth, 20'000);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
