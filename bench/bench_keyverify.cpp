// Cost of the external API's per-request key work: shape check + SHA-256, the cached
// principal look-up, rate-limit/quota accounting, and the activity record — everything
// ExternalAuth does per request except HTTP itself.
#include "core/accounts/authzepoch.h"
#include "core/keys/apikeyformat.h"
#include "core/keys/keyauthcache.h"
#include "core/keys/keybookkeeping.h"
#include "core/storage/apikeyrepository.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/userrepository.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

struct Fixture
{
    QTemporaryDir dir;
    Core::Database db{dir.filePath(QStringLiteral("bench.db"))};
    Core::AuthzEpoch epoch;
    QByteArray key;
    QString keyId;

    Fixture()
    {
        if (auto error = db.open())
            qFatal("%s", qPrintable(*error));
        const Core::User u{Core::newId(), QStringLiteral("bench@example.com"), QStringLiteral("B"), 1, false,
                           false};
        Core::UserRepository(db).insert(u, QStringLiteral("x"));
        const Core::Team t{Core::newId(), QStringLiteral("T"), Core::Plan::Enterprise, 1};
        Core::TeamRepository(db).insert(t);
        Core::TeamRepository(db).addMember({t.id, u.id, Core::Role::Owner, 1});
        const auto g = Core::ApiKeyFormat::generate();
        Core::ApiKey k;
        k.id = Core::newId();
        k.userId = u.id;
        k.name = QStringLiteral("bench");
        k.prefix = g.prefix;
        k.hash = g.hash;
        k.permissions.bits = 7;
        k.billingTeamId = t.id;
        k.createdAt = 1;
        Core::ApiKeyRepository(db).insert(k);
        key = g.key.toLatin1();
        keyId = k.id;
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

void BM_ShapeAndHash(benchmark::State &state)
{
    const QByteArray key = fixture().key;
    for (auto _ : state) {
        benchmark::DoNotOptimize(Core::ApiKeyFormat::check(key));
        benchmark::DoNotOptimize(Core::ApiKeyFormat::hash(key));
    }
}
BENCHMARK(BM_ShapeAndHash);

void BM_CachedLookup(benchmark::State &state)
{
    Fixture &f = fixture();
    Core::KeyAuthCache cache(f.db, f.epoch);
    const QByteArray hash = Core::ApiKeyFormat::hash(f.key);
    for (auto _ : state)
        benchmark::DoNotOptimize(cache.lookup(hash, 1'000));
}
BENCHMARK(BM_CachedLookup);

void BM_LookupAfterEpochChange(benchmark::State &state)
{
    Fixture &f = fixture();
    Core::KeyAuthCache cache(f.db, f.epoch);
    const QByteArray hash = Core::ApiKeyFormat::hash(f.key);
    for (auto _ : state) {
        f.epoch.bump(); // every request sees a change: the worst case, a database reload each time
        benchmark::DoNotOptimize(cache.lookup(hash, 1'000));
    }
}
BENCHMARK(BM_LookupAfterEpochChange);

// The whole per-request path: check, hash, look-up, consume, record; flushing once per
// 1,000 requests as the server's one-second timer would at about that rate.
void BM_VerifyAndAccount(benchmark::State &state)
{
    Fixture &f = fixture();
    Core::KeyAuthCache cache(f.db, f.epoch);
    Core::KeyBookkeeping books(f.db);
    const Core::PlanLimits limits{Core::Plan::Enterprise, 1'000'000'000, 1'000'000'000'000};
    qint64 now = 1'800'000'000'000;
    int n = 0;
    for (auto _ : state) {
        if (Core::ApiKeyFormat::check(f.key) != Core::ApiKeyFormat::Shape::Ok)
            state.SkipWithError("bad key");
        const auto principal = cache.lookup(Core::ApiKeyFormat::hash(f.key), now);
        const auto d = books.usage().consume(principal->key.id, limits, now);
        benchmark::DoNotOptimize(d);
        books.activity().record({principal->key.id,
                                 now,
                                 "GET",
                                 QStringLiteral("/api/external/v1/websites"),
                                 200,
                                 {},
                                 120,
                                 "0123456789abcdef0123456789abcdef"});
        if (++n % 1000 == 0) {
            state.PauseTiming();
            books.flush(now);
            state.ResumeTiming();
        }
        now += 1;
    }
}
BENCHMARK(BM_VerifyAndAccount);

void BM_Flush1000(benchmark::State &state)
{
    Fixture &f = fixture();
    Core::KeyAuthCache cache(f.db, f.epoch);
    Core::KeyBookkeeping books(f.db);
    const Core::PlanLimits limits{Core::Plan::Enterprise, 1'000'000'000, 1'000'000'000'000};
    qint64 now = 1'900'000'000'000;
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < 1000; ++i) {
            books.usage().consume(f.keyId, limits, now);
            books.activity().record({f.keyId,
                                     now,
                                     "GET",
                                     QStringLiteral("/api/external/v1/websites"),
                                     200,
                                     {},
                                     120,
                                     "0123456789abcdef0123456789abcdef"});
            now += 1;
        }
        state.ResumeTiming();
        books.flush(now);
    }
}
BENCHMARK(BM_Flush1000)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
