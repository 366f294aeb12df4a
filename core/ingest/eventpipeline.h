#pragma once

#include "eventjournal.h"
#include "eventstore.h"

#include <QMap>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <array>
#include <atomic>
#include <deque>
#include <memory>

namespace Core {

class Clock;
class Database;

// The ingest path after validation: submit() appends to the journal (one write(2)
// per call: the event now survives kill -9) and queues; one writer thread drains the
// queue into the database in large transactions (EventStore), records the last applied
// journal sequence in the same transaction, and releases applied journal segments.
// start() first replays journal records the database does not have yet, so every
// acknowledged event is stored exactly once. See docs/ingest.md.
class EventPipeline final
{
public:
    struct Options
    {
        QString journalDirectory;
        int flushIntervalMs = 200;     // max delay before queued events are committed
        qsizetype maxBatch = 20'000;   // events per transaction at most
        qsizetype maxQueued = 200'000; // beyond this, submit() refuses (503): memory stays bounded
        qint64 segmentBytes = 32LL << 20;
        bool syncEachAppend = false; // fdatasync the journal before acknowledging
    };

    EventPipeline(Database &db, const Clock &clock, Options options);
    ~EventPipeline();
    Q_DISABLE_COPY_MOVE(EventPipeline)

    // Replays the journal into the database, then starts the writer thread. Returns a
    // message for the user on failure (also when the journal holds events in a newer
    // format than this build reads: nothing is replayed nor changed then). Replayed events
    // of websites the database does not have (a database restored from an older backup)
    // and intact records whose payload cannot be read are dropped, counted in
    // journalRecovery() and logged at critical level; their segment is kept as damaged.
    std::optional<QString> start();
    // Commits everything queued, then stops the writer (graceful shutdown).
    void stop();

    // Durably appends the events and queues them. Throws StorageError when the journal
    // cannot be written or the queue is full (nothing was accepted then).
    void submit(const QList<TrackedEvent> &events);
    void submit(QList<TrackedEvent> &&events); // moves the events into the queue
    // Counts events that were not stored (reason: bot, invalid, invalid_json, rate_limited).
    void countDropped(const QString &websiteId, const QString &reason, qint64 count = 1);
    // Waits until everything submitted before the call is committed. False on time-out.
    bool flush(int timeoutMs = 10'000);

    qsizetype queueDepth() const;
    // Events acknowledged per second over the last `seconds` whole seconds (at most 60).
    double recentRate(int seconds = 10) const;
    quint64 appliedSeq() const { return m_appliedSeq.load(std::memory_order_acquire); }
    // Events committed to the database since start (replayed ones not counted).
    quint64 acceptedSinceStart() const { return m_accepted.load(std::memory_order_relaxed); }
    // Events acknowledged (journaled, answered 202) since start.
    quint64 acknowledgedSinceStart() const { return m_acknowledged.load(std::memory_order_relaxed); }
    // Events dropped since start, by reason (countDropped), for GET /metrics.
    QMap<QString, quint64> droppedSinceStart() const;
    qint64 replayedAtStart() const { return m_replayed; }
    // Damage the journal replay found at start (docs/ingest.md, "A damaged journal").
    JournalScan::Recovery journalRecovery() const { return m_recovery; }
    qsizetype journalSegments() const { return m_journal.segmentCount(); }

private:
    class Writer;
    void writerLoop();
    void writerCycles(EventStore &store);

    Database &m_db;
    const Clock &m_clock;
    Options m_options;
    EventJournal m_journal;
    std::unique_ptr<EventStore> m_store; // used on the writer thread only (after start())
    std::unique_ptr<QThread> m_thread;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;      // writer: work or stop
    QWaitCondition m_committed; // flush(): progress
    std::deque<EventStore::Queued> m_queue;
    EventStore::DropCounts m_drops;
    QMap<QString, quint64> m_droppedSinceStart; // by reason; never cleared
    qint64 m_oldestQueuedMs = 0;                // steady clock
    qint64 m_oldestDropMs = 0;
    quint64 m_lastQueuedSeq = 0;
    struct RateSlot
    {
        qint64 second = -1;
        qint64 count = 0;
    };
    std::array<RateSlot, 64> m_rate{}; // acknowledged events per steady-clock second
    bool m_stopping = false;
    bool m_flushRequested = false;
    bool m_running = false;
    std::atomic<quint64> m_appliedSeq{0};
    std::atomic<quint64> m_accepted{0};
    std::atomic<quint64> m_acknowledged{0};
    qint64 m_replayed = 0;
    JournalScan::Recovery m_recovery; // set by start(), before the writer runs
};

} // namespace Core
