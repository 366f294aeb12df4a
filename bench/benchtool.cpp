// zenovay-bench-tool: helpers for bench/run.sh that work on a data directory directly
// (never while a server is running on it).
//   seed DIR                  user, enterprise team (limits raised), website, key -> KEY=, CODE=, WEBSITE=
//   count-events DIR          number of stored events
//   sqlite-ceiling N          raw batched inserts of N event rows through Qt Sql -> rows/s
//   sqlite-ceiling-c N        the same rows through the sqlite3 C API (SQLite's own ceiling)
#include "core/apikeyformat.h"
#include "core/apikeyrepository.h"
#include "core/database.h"
#include "core/planrepository.h"
#include "core/teamrepository.h"
#include "core/userrepository.h"
#include "core/websiterepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#ifdef ZENOVAY_HAVE_SQLITE3
#include <sqlite3.h>
#endif

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "zenovay-bench-tool: %s\n", qPrintable(message));
    return 1;
}

std::unique_ptr<Core::Database> openIn(const QString &dir)
{
    QDir().mkpath(dir);
    auto db = std::make_unique<Core::Database>(QDir(dir).filePath(QStringLiteral("zenovay.db")));
    if (auto error = db->open()) {
        fail(*error);
        return nullptr;
    }
    return db;
}

int seed(const QString &dir)
{
    auto db = openIn(dir);
    if (!db)
        return 1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Core::User u{Core::newId(), QStringLiteral("bench@example.com"), QStringLiteral("Bench"), now, true,
                       false};
    Core::UserRepository(*db).insert(u, QStringLiteral("disabled-login"));
    const Core::Team t{Core::newId(), QStringLiteral("Bench team"), Core::Plan::Enterprise, now};
    Core::TeamRepository(*db).insert(t);
    Core::TeamRepository(*db).addMember({t.id, u.id, Core::Role::Owner, now});
    // Limits raised for the run: the benchmark measures the server, not the limiter's 429s.
    Core::PlanRepository(*db).set({Core::Plan::Enterprise, 1'000'000'000, 1'000'000'000'000});
    const Core::Website w{Core::newId(),
                          t.id,
                          QStringLiteral("Bench site"),
                          QStringLiteral("https://bench.example"),
                          QStringLiteral("bench.example"),
                          Core::newTrackingCode(),
                          now};
    Core::WebsiteRepository(*db).insert(w);
    const auto g = Core::ApiKeyFormat::generate();
    Core::ApiKey k;
    k.id = Core::newId();
    k.userId = u.id;
    k.name = QStringLiteral("bench");
    k.prefix = g.prefix;
    k.hash = g.hash;
    k.permissions.bits = Core::Permissions::Read | Core::Permissions::Write | Core::Permissions::Admin;
    k.billingTeamId = t.id;
    k.createdAt = now;
    Core::ApiKeyRepository(*db).insert(k);
    std::printf("KEY=%s\nCODE=%s\nWEBSITE=%s\n", qPrintable(g.key), qPrintable(w.trackingCode),
                qPrintable(w.id));
    return 0;
}

int countEvents(const QString &dir)
{
    auto db = openIn(dir);
    if (!db)
        return 1;
    QSqlQuery q(db->connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) || !q.next())
        return fail(QStringLiteral("cannot count events"));
    std::printf("%lld\n", q.value(0).toLongLong());
    return 0;
}

// The storage ceiling: the same event rows the ingest path stores, inserted in
// transactions of 1,000 with one prepared statement, nothing else. synchronous=FULL as
// on the ingest writer's connection (one fsync per committed batch).
constexpr int CeilingBatch = 1000;

int sqliteCeiling(qint64 rows)
{
    QTemporaryDir dir;
    auto db = openIn(dir.path());
    if (!db)
        return 1;
    QSqlQuery pragma(db->connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return fail(QStringLiteral("cannot set synchronous=FULL"));
    QSqlQuery q = db->prepare(QStringLiteral("INSERT INTO events (website_id, event_type, name, url, path, "
                                             "referrer, session_id, user_agent, device_type, "
                                             "browser, os, props, occurred_at, received_at, key_id) VALUES "
                                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString site = Core::newId();
    const QString ua =
        QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/120.0 Safari/537.36");
    QElapsedTimer timer;
    timer.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 i = 0; i < rows;) {
        Core::Transaction tx(*db);
        for (int b = 0; b < CeilingBatch && i < rows; ++b, ++i) {
            q.bindValue(0, site);
            q.bindValue(1, QStringLiteral("pageview"));
            q.bindValue(2, QVariant(QMetaType::fromType<QString>()));
            q.bindValue(3, QStringLiteral("https://bench.example/page/%1").arg(i % 50));
            q.bindValue(4, QStringLiteral("/page/%1").arg(i % 50));
            q.bindValue(5, QStringLiteral("https://www.google.com/"));
            q.bindValue(6, QStringLiteral("bench-session-%1").arg(i / 5));
            q.bindValue(7, ua);
            q.bindValue(8, QStringLiteral("desktop"));
            q.bindValue(9, QStringLiteral("Chrome"));
            q.bindValue(10, QStringLiteral("Linux"));
            q.bindValue(11, QVariant(QMetaType::fromType<QString>()));
            q.bindValue(12, now + i);
            q.bindValue(13, now + i);
            q.bindValue(14, QVariant(QMetaType::fromType<QString>()));
            Core::exec(q);
        }
        tx.commit();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%.0f\n", double(rows) / seconds);
    return 0;
}

#ifdef ZENOVAY_HAVE_SQLITE3
// The same rows and batches through the sqlite3 C API: the schema comes from our
// migrations (Core::Database), the inserts bypass Qt Sql entirely.
int sqliteCeilingC(qint64 rows)
{
    QTemporaryDir dir;
    {
        auto db = openIn(dir.path());
        if (!db)
            return 1;
    }
    const QByteArray path = QDir(dir.path()).filePath(QStringLiteral("zenovay.db")).toUtf8();
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK)
        return fail(QStringLiteral("sqlite3_open failed"));
    const auto run = [db](const char *sql) {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    if (!run("PRAGMA journal_mode=WAL") || !run("PRAGMA synchronous=FULL") ||
        !run("PRAGMA temp_store=MEMORY"))
        return fail(QStringLiteral("pragmas failed"));
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(
            db,
            "INSERT INTO events (website_id, event_type, name, url, path, referrer, session_id, "
            "user_agent, device_type, browser, os, props, occurred_at, received_at, key_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            -1, &st, nullptr) != SQLITE_OK)
        return fail(QString::fromUtf8(sqlite3_errmsg(db)));
    const QByteArray site = Core::newId().toUtf8();
    const char *ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Chrome/120.0 Safari/537.36";
    QElapsedTimer timer;
    timer.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    char url[96], path2[32], session[48];
    for (qint64 i = 0; i < rows;) {
        if (!run("BEGIN"))
            return fail(QStringLiteral("BEGIN failed"));
        for (int b = 0; b < CeilingBatch && i < rows; ++b, ++i) {
            const int u = std::snprintf(url, sizeof url, "https://bench.example/page/%lld", i % 50);
            const int p = std::snprintf(path2, sizeof path2, "/page/%lld", i % 50);
            const int s = std::snprintf(session, sizeof session, "bench-session-%lld", i / 5);
            sqlite3_bind_text(st, 1, site.constData(), int(site.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 2, "pageview", -1, SQLITE_STATIC);
            sqlite3_bind_null(st, 3);
            sqlite3_bind_text(st, 4, url, u, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 5, path2, p, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 6, "https://www.google.com/", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 7, session, s, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 8, ua, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 9, "desktop", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 10, "Chrome", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 11, "Linux", -1, SQLITE_STATIC);
            sqlite3_bind_null(st, 12);
            sqlite3_bind_int64(st, 13, now + i);
            sqlite3_bind_int64(st, 14, now + i);
            sqlite3_bind_null(st, 15);
            if (sqlite3_step(st) != SQLITE_DONE)
                return fail(QString::fromUtf8(sqlite3_errmsg(db)));
            sqlite3_reset(st);
        }
        if (!run("COMMIT"))
            return fail(QStringLiteral("COMMIT failed"));
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(st);
    sqlite3_close(db);
    std::printf("%.0f\n", double(rows) / seconds);
    return 0;
}
#endif

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("seed") && args.size() == 3)
        return seed(args[2]);
    if (command == QLatin1String("count-events") && args.size() == 3)
        return countEvents(args[2]);
    if (command == QLatin1String("sqlite-ceiling") && args.size() == 3)
        return sqliteCeiling(args[2].toLongLong());
#ifdef ZENOVAY_HAVE_SQLITE3
    if (command == QLatin1String("sqlite-ceiling-c") && args.size() == 3)
        return sqliteCeilingC(args[2].toLongLong());
#endif
    return fail(
        QStringLiteral("usage: zenovay-bench-tool seed DIR | count-events DIR | sqlite-ceiling ROWS | "
                       "sqlite-ceiling-c ROWS"));
}
