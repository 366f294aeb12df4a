// zenovay-bench-tool: helpers for bench/run.sh that work on a data directory directly
// (never while a server is running on it).
//   seed DIR                  user, enterprise team (limits raised), website, key -> KEY=, CODE=, WEBSITE=
//   count-events DIR          number of stored events
//   sqlite-ceiling N          raw batched inserts of N event rows through Qt Sql -> rows/s
//   sqlite-ceiling-c N        the same rows through the sqlite3 C API (SQLite's own ceiling)
//   generate DIR WEBSITE N DAYS  N events over DAYS days through the ingest writer's storage path
//   group-by DIR WEBSITE FROM TO REPEATS  the analytics question as GROUP BYs over raw events -> ms
#include "core/ingest/eventstore.h"
#include "core/keys/apikeyformat.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/planrepository.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"
#include "core/storage/websiterepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#ifdef ZENOVAY_HAVE_SQLITE3
#include <sqlite3.h>
#endif

#include <algorithm>
#include <cstdio>
#include <vector>

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
                          now, {}};
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
    Core::Statement q =
        db->prepare(QStringLiteral("INSERT INTO events (website_id, event_type, name, url, path, "
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

// 10M-event analytics data set: events written through the ingest writer's own storage
// path (Core::EventStore::apply: raw rows, rollups, visits, statistics), no HTTP, no
// journal. Deterministic (fixed seed). Events are spread evenly over the `days` whole UTC
// days before today; visits of 1-9 events from a pool of concurrently active sessions,
// skewed page popularity, 30% direct traffic, 10% custom events.
int generate(const QString &dir, const QString &websiteId, qint64 total, int days)
{
    auto db = openIn(dir);
    if (!db)
        return 1;
    Core::EventStore store(*db);
    if (store.committedSeq() != 0)
        return fail(QStringLiteral("generate needs a data directory without events"));
    constexpr qint64 DayMs = 86'400'000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 end = now / DayMs * DayMs; // today 00:00 UTC
    const qint64 start = end - qint64(days) * DayMs;
    const double step = double(end - start) / double(total);

    quint64 rng = 0x9E3779B97F4A7C15ULL;
    const auto next = [&rng] {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return rng;
    };
    QList<QString> paths, urls;
    for (int p = 0; p < 500; ++p) {
        paths.append(QStringLiteral("/docs/page-%1").arg(p));
        urls.append(QStringLiteral("https://bench.example/docs/page-%1").arg(p));
    }
    QList<QString> referrers;
    for (int r = 0; r < 20; ++r)
        referrers.append(QStringLiteral("https://ref%1.example.org/some/article").arg(r));
    const QString browsers[] = {QStringLiteral("Chrome"), QStringLiteral("Firefox"), QStringLiteral("Safari"),
                                QStringLiteral("Edge")};
    const QString systems[] = {QStringLiteral("Windows"), QStringLiteral("macOS"), QStringLiteral("Linux"),
                               QStringLiteral("Android"), QStringLiteral("iOS")};
    const QString devices[] = {QStringLiteral("desktop"), QStringLiteral("mobile"), QStringLiteral("tablet")};
    const QString ua =
        QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/120.0 Safari/537.36");
    const QString names[] = {QStringLiteral("signup"), QStringLiteral("download")};

    constexpr int Slots = 4096; // sessions active at any moment
    struct Slot
    {
        QString sessionId;
        int left = 0;
        int browser = 0, os = 0, device = 0;
        QString referrer;
    };
    std::vector<Slot> active(Slots);
    quint64 sessions = 0;

    QElapsedTimer timer;
    timer.start();
    constexpr qint64 Batch = 100'000;
    bool relaxed = false;
    std::vector<Core::EventStore::Queued> batch;
    batch.reserve(Batch);
    for (qint64 i = 0; i < total;) {
        batch.clear();
        for (qint64 b = 0; b < Batch && i < total; ++b, ++i) {
            Slot &s = active[size_t(next() % Slots)];
            if (s.left == 0) {
                s.sessionId = QStringLiteral("gen-%1").arg(++sessions, 12, 10, QLatin1Char('0'));
                s.left = 1 + int(next() % 9);
                s.browser = int(next() % 4);
                s.os = int(next() % 5);
                s.device = int(next() % 3);
                s.referrer = next() % 10 < 3 ? QString() : referrers[qsizetype(next() % 20)];
            }
            --s.left;
            const double r = double(next() % 1'000'000) / 1e6;
            const qsizetype page = qsizetype(500 * r * r * r);
            Core::TrackedEvent e;
            e.websiteId = websiteId;
            const bool custom = next() % 10 == 0;
            e.type = custom ? Core::TrackedEvent::Type::Custom : Core::TrackedEvent::Type::Pageview;
            if (custom)
                e.name = names[next() % 2];
            e.url = urls[page];
            e.path = paths[page];
            e.referrer = s.referrer;
            e.sessionId = s.sessionId;
            e.userAgent = ua;
            e.deviceType = devices[s.device];
            e.browser = browsers[s.browser];
            e.os = systems[s.os];
            e.occurredAt = start + qint64(double(i) * step);
            e.receivedAt = e.occurredAt;
            batch.push_back({quint64(i + 1), std::move(e)});
        }
        store.apply(batch, {}, batch.back().seq);
        if (!relaxed) {
            // A synthetic data set needs no per-batch fsync: after the writer's first batch
            // (which set synchronous=FULL), the same connection goes on with synchronous=OFF.
            // Rows, rollups and visits are written by the same code either way.
            QSqlQuery pragma(db->connection());
            if (!pragma.exec(QStringLiteral("PRAGMA synchronous=OFF")))
                return fail(QStringLiteral("cannot set synchronous=OFF"));
            relaxed = true;
        }
        if (i % 1'000'000 == 0)
            std::fprintf(stderr, "generate: %lld events, %.1f s\n", i, double(timer.elapsed()) / 1000);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf(
        "EVENTS=%lld\nSESSIONS=%llu\nGEN_SECONDS=%.1f\nFROM=%s\nTO=%s\n", total, sessions, seconds,
        qPrintable(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).date().toString(Qt::ISODate)),
        qPrintable(QDateTime::fromMSecsSinceEpoch(end - DayMs, Qt::UTC).date().toString(Qt::ISODate)));
    return 0;
}

// The analytics question answered by plain GROUP BYs over the raw events (index range
// scan on events_website_time): the day series (pageviews, custom events, distinct
// session ids) and the top pages, referrers, browsers, systems and devices. Prints the
// median wall time of `repeats` runs in ms.
int groupBy(const QString &dir, const QString &websiteId, const QString &from, const QString &to, int repeats)
{
    auto db = openIn(dir);
    if (!db)
        return 1;
    const qint64 fromMs = QDate::fromString(from, Qt::ISODate).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    const qint64 toMs = QDate::fromString(to, Qt::ISODate).addDays(1).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    const QStringList sql = {
        QStringLiteral(
            "SELECT occurred_at / 86400000 AS day, SUM(event_type = 'pageview'), "
            "SUM(event_type = 'event'), COUNT(DISTINCT session_id) FROM events "
            "WHERE website_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY day ORDER BY day"),
        QStringLiteral("SELECT COUNT(DISTINCT session_id) FROM events "
                       "WHERE website_id = ? AND occurred_at >= ? AND occurred_at < ?"),
        QStringLiteral("SELECT path, COUNT(*) AS n FROM events WHERE website_id = ? AND occurred_at >= ? AND "
                       "occurred_at < ? AND event_type = 'pageview' GROUP BY path ORDER BY n DESC LIMIT 10"),
        QStringLiteral(
            "SELECT referrer, COUNT(*) AS n FROM events WHERE website_id = ? AND occurred_at >= ? AND "
            "occurred_at < ? AND event_type = 'pageview' AND referrer <> '' GROUP BY referrer "
            "ORDER BY n DESC LIMIT 10"),
        QStringLiteral("SELECT browser, COUNT(DISTINCT session_id) AS n FROM events WHERE website_id = ? AND "
                       "occurred_at >= ? AND occurred_at < ? GROUP BY browser ORDER BY n DESC LIMIT 10"),
        QStringLiteral("SELECT os, COUNT(DISTINCT session_id) AS n FROM events WHERE website_id = ? AND "
                       "occurred_at >= ? AND occurred_at < ? GROUP BY os ORDER BY n DESC LIMIT 10"),
        QStringLiteral(
            "SELECT device_type, COUNT(DISTINCT session_id) AS n FROM events WHERE website_id = ? AND "
            "occurred_at >= ? AND occurred_at < ? GROUP BY device_type ORDER BY n DESC LIMIT 10"),
    };
    QList<double> times;
    qint64 rows = 0;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (const QString &s : sql) {
            QSqlQuery q = db->prepareUncached(s);
            q.bindValue(0, websiteId);
            q.bindValue(1, fromMs);
            q.bindValue(2, toMs);
            Core::exec(q);
            while (q.next())
                ++rows;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("%.1f\n", times[times.size() / 2]);
    return rows > 0 ? 0 : fail(QStringLiteral("GROUP BY found no rows"));
}

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
    if (command == QLatin1String("generate") && args.size() == 6)
        return generate(args[2], args[3], args[4].toLongLong(), args[5].toInt());
    if (command == QLatin1String("group-by") && args.size() == 7)
        return groupBy(args[2], args[3], args[4], args[5], args[6].toInt());
#ifdef ZENOVAY_HAVE_SQLITE3
    if (command == QLatin1String("sqlite-ceiling-c") && args.size() == 3)
        return sqliteCeilingC(args[2].toLongLong());
#endif
    return fail(
        QStringLiteral("usage: zenovay-bench-tool seed DIR | count-events DIR | sqlite-ceiling ROWS | "
                       "sqlite-ceiling-c ROWS | generate DIR WEBSITE N DAYS | "
                       "group-by DIR WEBSITE FROM TO REPEATS"));
}
