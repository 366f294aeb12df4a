// Per-event CPU cost of the ingest path, piece by piece: JSON parse + validation of the
// bench/run.sh event body, bot matching (a browser and a bot user agent), the journal
// payload (serialize), a journal append (one write(2) per event, as POST /e/{code}),
// IngestService::ingest (all of the HTTP thread's work for an event but HTTP and JSON
// parsing, with JSON parsing in the benchmark), and the writer's EventStore::apply of a
// 1,000-event batch (per event).
//
// `bench_ingest --benchmark_min_time=0.3` measures time. `bench_ingest --fixed N` instead
// runs each operation exactly N times in its own function (count_<name>), for
// instruction counts that do not depend on the machine's load:
//   valgrind --tool=callgrind --callgrind-out-file=cg.out bench_ingest --fixed 2000
//   callgrind_annotate --inclusive=yes cg.out | grep count_
// (divide by N; count_StoreApply runs N/1000 batches of 1,000 events).
#include "core/ingest/botdetector.h"
#include "core/ingest/eventjournal.h"
#include "core/ingest/eventpipeline.h"
#include "core/ingest/eventstore.h"
#include "core/ingest/eventvalidator.h"
#include "core/ingest/ingestservice.h"
#include "core/ingest/trackedevent.h"
#include "core/json/jsontext.h"
#include "core/model/clock.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

namespace {

constexpr qint64 Now = 1'781'352'000'000;

// The body bench/run.sh posts, with its markers filled in.
const QByteArray Body = QByteArrayLiteral(
    R"({"event_type":"pageview","url":"https://shop.example/products/item-0042?ref=00000000000a1b2c",)"
    R"("session_id":"s-0000000000001234","user_agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 )"
    R"((KHTML, like Gecko) Chrome/120.0 Safari/537.36","device_type":"desktop","browser":"Chrome",)"
    R"("os":"Linux","referrer":"https://news.example.org/article"})");

const QString BrowserUa = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
                                         "Gecko) Chrome/120.0 Safari/537.36");
const QString BotUa =
    QStringLiteral("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
                   "+http://www.google.com/bot.html) Chrome/120.0.6099.199 Safari/537.36");

Core::TrackedEvent sampleEvent()
{
    const QJsonObject json = QJsonDocument::fromJson(Body).object();
    return Core::EventValidation::parseOrThrow(json, QStringLiteral("0190f0aa-website-id"), Now);
}

// Varied like bench/run.sh: 5 events per session, 200 paths, a unique query per event.
std::vector<Core::EventStore::Queued> batchOf(int n, quint64 *seq)
{
    static qint64 counter = 0;
    const Core::TrackedEvent base = sampleEvent();
    std::vector<Core::EventStore::Queued> out;
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i, ++counter) {
        Core::TrackedEvent e = base;
        e.url =
            QStringLiteral("https://shop.example/products/item-%1?ref=%2").arg(counter % 200).arg(counter);
        e.path = QStringLiteral("/products/item-%1").arg(counter % 200);
        e.sessionId = QStringLiteral("s-%1").arg(counter / 5, 16, 10, QLatin1Char('0'));
        e.occurredAt = Now + counter;
        out.push_back({++*seq, std::move(e)});
    }
    return out;
}

struct Store
{
    QTemporaryDir dir;
    Core::Database db{QDir(dir.path()).filePath(QStringLiteral("bench.db"))};
    Core::EventStore store{db};
    quint64 seq = 0;
    Store()
    {
        if (auto error = db.open())
            qFatal("%s", qPrintable(*error));
    }
};

struct Journal
{
    QTemporaryDir dir;
    Core::EventJournal journal{{dir.path()}};
    Journal()
    {
        if (auto error = journal.open(0, {}))
            qFatal("%s", qPrintable(*error));
    }
};

// The HTTP thread's ingest work without HTTP: IngestService::ingest (validation, bot
// match, journal append, queueing) behind a running pipeline, whose writer thread
// commits on its own.
struct Pipeline
{
    QTemporaryDir dir;
    Core::Database db{QDir(dir.path()).filePath(QStringLiteral("bench.db"))};
    Core::ManualClock clock{Now};
    Core::EventPipeline pipeline{db, clock, {QDir(dir.path()).filePath(QStringLiteral("journal"))}};
    Core::IngestService ingest{pipeline, db, clock};
    const QString websiteId = QStringLiteral("0190f0aa-website-id");
    Pipeline()
    {
        if (auto error = db.open())
            qFatal("%s", qPrintable(*error));
        if (auto error = pipeline.start())
            qFatal("%s", qPrintable(*error));
    }
};

// One iteration of each operation. Bodies are parsed as the server does
// (Core::JsonText::parse: the unpaired-surrogate scan, then QJsonDocument).
void opParseValidate()
{
    const QJsonObject json = Core::JsonText::parse(Body).document.object();
    auto result = Core::EventValidation::parse(json, QStringLiteral("0190f0aa-website-id"), Now);
    benchmark::DoNotOptimize(result);
}
void opValidate(const QJsonObject &json)
{
    auto result = Core::EventValidation::parse(json, QStringLiteral("0190f0aa-website-id"), Now);
    benchmark::DoNotOptimize(result);
}
void opBot(const QString &ua)
{
    benchmark::DoNotOptimize(Core::BotDetector::match(ua));
}
void opSerialize(const Core::TrackedEvent &e)
{
    benchmark::DoNotOptimize(e.serialize());
}
void opDeserialize(const QByteArray &bytes)
{
    benchmark::DoNotOptimize(Core::TrackedEvent::deserialize(bytes));
}
void opJournalAppend(Core::EventJournal &journal, const Core::TrackedEvent &e)
{
    benchmark::DoNotOptimize(journal.append({e.serialize()}));
}

void opIngest(Pipeline &p)
{
    const QJsonObject json = Core::JsonText::parse(Body).document.object();
    benchmark::DoNotOptimize(p.ingest.ingest(p.websiteId, json));
}

void BM_ParseAndValidate(benchmark::State &state)
{
    for (auto _ : state)
        opParseValidate();
}
BENCHMARK(BM_ParseAndValidate);

// The scan alone, on the event body (no backslash: one memchr) and on a body of the same
// size full of \u escapes (the worst case: every escape decoded and checked).
void BM_SurrogateScan(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::JsonText::findUnpairedSurrogate(Body));
}
BENCHMARK(BM_SurrogateScan);

void BM_SurrogateScanAllEscapes(benchmark::State &state)
{
    QByteArray escaped = "{\"a\":\"";
    while (escaped.size() < Body.size() - 14)
        escaped += "\\ud83d\\ude00";
    escaped += "\"}";
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::JsonText::findUnpairedSurrogate(escaped));
}
BENCHMARK(BM_SurrogateScanAllEscapes);

void BM_Validate(benchmark::State &state)
{
    const QJsonObject json = QJsonDocument::fromJson(Body).object();
    for (auto _ : state)
        opValidate(json);
}
BENCHMARK(BM_Validate);

void BM_BotMatchBrowser(benchmark::State &state)
{
    for (auto _ : state)
        opBot(BrowserUa);
}
BENCHMARK(BM_BotMatchBrowser);

void BM_BotMatchBot(benchmark::State &state)
{
    for (auto _ : state)
        opBot(BotUa);
}
BENCHMARK(BM_BotMatchBot);

void BM_Serialize(benchmark::State &state)
{
    const Core::TrackedEvent e = sampleEvent();
    for (auto _ : state)
        opSerialize(e);
}
BENCHMARK(BM_Serialize);

void BM_Deserialize(benchmark::State &state)
{
    const QByteArray bytes = sampleEvent().serialize();
    for (auto _ : state)
        opDeserialize(bytes);
}
BENCHMARK(BM_Deserialize);

void BM_JournalAppend(benchmark::State &state)
{
    Journal j;
    const Core::TrackedEvent e = sampleEvent();
    for (auto _ : state)
        opJournalAppend(j.journal, e);
}
BENCHMARK(BM_JournalAppend);

void BM_Ingest(benchmark::State &state)
{
    Pipeline p;
    for (auto _ : state)
        opIngest(p);
    p.pipeline.flush(60'000);
}
BENCHMARK(BM_Ingest);

void BM_StoreApply1000(benchmark::State &state)
{
    Store s;
    for (auto _ : state) {
        state.PauseTiming();
        const auto batch = batchOf(1000, &s.seq);
        state.ResumeTiming();
        s.store.apply(batch, {}, s.seq);
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_StoreApply1000)->Unit(benchmark::kMillisecond);

// --fixed N: each operation exactly N times, one function per operation.
#define COUNT_FN(name) [[gnu::noinline]] void count_##name(int n)
COUNT_FN(ParseAndValidate)
{
    for (int i = 0; i < n; ++i)
        opParseValidate();
}
COUNT_FN(Validate)
{
    const QJsonObject json = QJsonDocument::fromJson(Body).object();
    for (int i = 0; i < n; ++i)
        opValidate(json);
}
COUNT_FN(BotMatchBrowser)
{
    for (int i = 0; i < n; ++i)
        opBot(BrowserUa);
}
COUNT_FN(BotMatchBot)
{
    for (int i = 0; i < n; ++i)
        opBot(BotUa);
}
COUNT_FN(Serialize)
{
    const Core::TrackedEvent e = sampleEvent();
    for (int i = 0; i < n; ++i)
        opSerialize(e);
}
COUNT_FN(Deserialize)
{
    const QByteArray bytes = sampleEvent().serialize();
    for (int i = 0; i < n; ++i)
        opDeserialize(bytes);
}
[[gnu::noinline]] void count_JournalAppend(Core::EventJournal &journal, int n)
{
    const Core::TrackedEvent e = sampleEvent();
    for (int i = 0; i < n; ++i)
        opJournalAppend(journal, e);
}
[[gnu::noinline]] void count_StoreApply(Store &s,
                                        const std::vector<std::vector<Core::EventStore::Queued>> &batches)
{
    for (const auto &batch : batches)
        s.store.apply(batch, {}, batch.back().seq);
}

[[gnu::noinline]] void count_Ingest(Pipeline &p, int n)
{
    for (int i = 0; i < n; ++i)
        opIngest(p);
}

int runFixed(int n)
{
    count_ParseAndValidate(n);
    count_Validate(n);
    count_BotMatchBrowser(n);
    count_BotMatchBot(n);
    count_Serialize(n);
    count_Deserialize(n);
    {
        Journal j;
        count_JournalAppend(j.journal, n);
    }
    {
        Pipeline p;
        opIngest(p); // warm-up
        count_Ingest(p, n);
        p.pipeline.flush(60'000);
    }
    Store s;
    s.store.apply(batchOf(1000, &s.seq), {}, s.seq); // warm-up: statements prepared
    std::vector<std::vector<Core::EventStore::Queued>> batches;
    for (int i = 0; i < std::max(1, n / 1000); ++i)
        batches.push_back(batchOf(1000, &s.seq));
    count_StoreApply(s, batches);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--fixed") == 0)
        return runFixed(std::atoi(argv[2]));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
