#include "eventpipeline.h"

#include "core/model/clock.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/storageerror.h"
#include "eventvalidator.h"
#include "journaldamagelog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIngest, "zenovay.core.ingest")

namespace Core {

namespace {
// A session's state matters while an event could still join its visit: events may carry
// timestamps up to EventValidation::MaxPastMs old, so keep state that long plus one gap.
constexpr qint64 SessionStateRetentionMs = EventValidation::MaxPastMs + EventStore::VisitGapMs;
constexpr qint64 PruneEveryMs = 10 * 60'000;

// Scheduling uses a monotonic clock; the injectable Clock is business time (events).
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

EventPipeline::EventPipeline(Database &db, const Clock &clock, Options options)
    : m_db(db), m_clock(clock), m_options(options),
      m_journal({options.journalDirectory, options.segmentBytes, options.syncEachAppend})
{}

EventPipeline::~EventPipeline()
{
    stop();
}

namespace {
std::optional<QString> refuseNewerFormat(const QByteArray &payload)
{
    if (payload.isEmpty() || quint8(payload.front()) <= TrackedEvent::FormatVersion)
        return std::nullopt;
    return QStringLiteral("the event journal holds events written by a newer Zenovay (event format %1; this "
                          "build reads format %2 and older). Upgrade Zenovay to replay them; the journal was "
                          "not changed")
        .arg(quint8(payload.front()))
        .arg(TrackedEvent::FormatVersion);
}

// The ids of all websites (replay drops events of websites that no longer exist).
QSet<QString> websiteIds(const Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT id FROM websites")))
        throw StorageError(q.lastError().text());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}
} // namespace

std::optional<QString> EventPipeline::start()
{
    m_store = std::make_unique<EventStore>(m_db);
    std::vector<EventStore::Queued> pending;
    quint64 committed = 0;
    QList<quint64> unreadable;
    try {
        committed = m_store->committedSeq();
        auto error = m_journal.open(
            committed,
            [&](quint64 seq, const QByteArray &payload) {
                if (auto e = TrackedEvent::deserialize(payload))
                    pending.push_back({seq, std::move(*e)});
                else
                    unreadable << seq;
            },
            refuseNewerFormat);
        if (error)
            return error;
        m_recovery = m_journal.recovery();
        for (quint64 seq : std::as_const(unreadable)) {
            m_journal.markDamaged(seq);
            m_recovery.lastDamage =
                QStringLiteral("journal record %1 is intact but its payload cannot be read: skipped")
                    .arg(seq);
            qCCritical(lcIngest).noquote() << "journal damage:" << m_recovery.lastDamage;
            m_recovery.reports << m_recovery.lastDamage;
        }
        m_recovery.unreadableRecords = unreadable.size();
        const QSet<QString> websites = websiteIds(m_db);
        QHash<QString, qint64> orphans;
        // Replay on this thread, in batches, before any request is served.
        for (size_t i = 0; i < pending.size(); i += size_t(m_options.maxBatch)) {
            const size_t end = std::min(pending.size(), i + size_t(m_options.maxBatch));
            const quint64 lastSeq = pending[end - 1].seq;
            std::vector<EventStore::Queued> chunk;
            chunk.reserve(end - i);
            for (size_t k = i; k < end; ++k) {
                if (websites.contains(pending[k].event.websiteId))
                    chunk.push_back(std::move(pending[k]));
                else
                    ++orphans[pending[k].event.websiteId];
            }
            m_store->apply(chunk, {}, lastSeq);
            committed = lastSeq;
            m_replayed += qint64(chunk.size());
        }
        for (auto it = orphans.cbegin(); it != orphans.cend(); ++it) {
            m_recovery.droppedNoWebsite += it.value();
            m_recovery.lastDamage =
                QStringLiteral("%1 journaled event(s) of website %2, which the database does "
                               "not have (restored from an older backup?), dropped")
                    .arg(it.value())
                    .arg(it.key());
            qCCritical(lcIngest).noquote() << "journal replay:" << m_recovery.lastDamage;
            m_recovery.reports << m_recovery.lastDamage;
        }
        // Damage stays visible after this start: /server/status shows the log until removed.
        if (auto e = JournalDamageLog::append(m_options.journalDirectory, m_recovery.reports))
            qCCritical(lcIngest).noquote() << "cannot record the journal damage:" << *e;
        m_journal.releaseUpTo(m_journal.lastSeq());
        // Connections belong to threads: the writer opens its own.
        m_store.reset();
        m_db.releaseThreadConnection();
    } catch (const StorageError &e) {
        return QStringLiteral("cannot recover the event journal: %1").arg(QString::fromStdString(e.what()));
    }
    if (m_replayed > 0)
        qCInfo(lcIngest) << "replayed" << m_replayed << "journaled events into the database";
    m_appliedSeq.store(m_journal.lastSeq(), std::memory_order_release);
    m_lastQueuedSeq = m_journal.lastSeq();
    m_stopping = false;
    m_running = true;
    m_thread.reset(QThread::create([this] { writerLoop(); }));
    m_thread->setObjectName(QStringLiteral("event-writer"));
    m_thread->start();
    return std::nullopt;
}

void EventPipeline::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
    m_journal.close();
    m_running = false;
}

void EventPipeline::submit(const QList<TrackedEvent> &events)
{
    submit(QList<TrackedEvent>(events));
}

void EventPipeline::submit(QList<TrackedEvent> &&events)
{
    if (events.isEmpty())
        return;
    QList<QByteArray> payloads;
    payloads.reserve(events.size());
    for (const TrackedEvent &e : std::as_const(events))
        payloads.append(e.serialize());
    QMutexLocker lock(&m_mutex);
    if (!m_running || m_stopping)
        throw StorageError(QStringLiteral("the ingest writer is not running"));
    if (qsizetype(m_queue.size()) + events.size() > m_options.maxQueued)
        throw StorageError(QStringLiteral("the ingest queue is full"));
    // Appending and queueing under one lock keeps the queue in sequence order.
    quint64 seq = m_journal.append(payloads);
    if (m_queue.empty())
        m_oldestQueuedMs = steadyMs();
    for (TrackedEvent &e : events)
        m_queue.push_back({seq++, std::move(e)});
    m_lastQueuedSeq = seq - 1;
    const qint64 second = steadyMs() / 1000;
    RateSlot &slot = m_rate[size_t(second % qint64(m_rate.size()))];
    if (slot.second != second)
        slot = {second, 0};
    slot.count += events.size();
    m_acknowledged.fetch_add(quint64(events.size()), std::memory_order_relaxed);
    if (qsizetype(m_queue.size()) >= m_options.maxBatch)
        m_wake.wakeAll();
}

void EventPipeline::countDropped(const QString &websiteId, const QString &reason, qint64 count)
{
    const qint64 hour = Time::startOfHour(m_clock.nowMs());
    QMutexLocker lock(&m_mutex);
    if (m_drops.isEmpty())
        m_oldestDropMs = steadyMs();
    m_drops[{websiteId, reason, hour}] += count;
    m_droppedSinceStart[reason] += quint64(count);
}

QMap<QString, quint64> EventPipeline::droppedSinceStart() const
{
    QMutexLocker lock(&m_mutex);
    return m_droppedSinceStart;
}

bool EventPipeline::flush(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QMutexLocker lock(&m_mutex);
    const quint64 target = m_lastQueuedSeq;
    const bool haveDrops = !m_drops.isEmpty();
    m_flushRequested = true;
    m_wake.wakeAll();
    while ((appliedSeq() < target || (haveDrops && !m_drops.isEmpty())) && m_running) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return false;
        m_committed.wait(&m_mutex, QDeadlineTimer(left));
    }
    return appliedSeq() >= target;
}

double EventPipeline::recentRate(int seconds) const
{
    seconds = std::clamp(seconds, 1, 60);
    const qint64 now = steadyMs() / 1000;
    qint64 total = 0;
    QMutexLocker lock(&m_mutex);
    for (const RateSlot &slot : m_rate)
        if (slot.second < now && slot.second >= now - seconds)
            total += slot.count;
    return double(total) / seconds;
}

qsizetype EventPipeline::queueDepth() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_queue.size());
}

void EventPipeline::writerLoop()
{
    {
        EventStore store(m_db);
        writerCycles(store);
    }
    m_db.releaseThreadConnection();
    QMutexLocker lock(&m_mutex);
    m_committed.wakeAll();
}

void EventPipeline::writerCycles(EventStore &store)
{
    qint64 lastPrune = 0;
    int failures = 0;
    for (;;) {
        std::vector<EventStore::Queued> batch;
        EventStore::DropCounts drops;
        bool stopping = false;
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                stopping = m_stopping;
                const qint64 now = steadyMs();
                const qint64 interval = m_options.flushIntervalMs;
                const bool eventsDue = !m_queue.empty() && (qsizetype(m_queue.size()) >= m_options.maxBatch ||
                                                            now - m_oldestQueuedMs >= interval);
                const bool dropsDue = !m_drops.isEmpty() && now - m_oldestDropMs >= interval;
                if (stopping || m_flushRequested || eventsDue || dropsDue)
                    break;
                qint64 waitMs = interval;
                if (!m_queue.empty())
                    waitMs = std::min(waitMs, interval - (now - m_oldestQueuedMs));
                if (!m_drops.isEmpty())
                    waitMs = std::min(waitMs, interval - (now - m_oldestDropMs));
                m_wake.wait(&m_mutex, QDeadlineTimer(std::max<qint64>(1, waitMs)));
            }
            m_flushRequested = false;
            const size_t n = std::min(m_queue.size(), size_t(m_options.maxBatch));
            batch.assign(std::make_move_iterator(m_queue.begin()),
                         std::make_move_iterator(m_queue.begin() + qsizetype(n)));
            m_queue.erase(m_queue.begin(), m_queue.begin() + qsizetype(n));
            if (!m_queue.empty())
                m_oldestQueuedMs = steadyMs();
            drops.swap(m_drops);
        }
        if (batch.empty() && drops.isEmpty()) {
            if (stopping)
                break;
            continue;
        }
        const quint64 lastSeq = batch.empty() ? appliedSeq() : batch.back().seq;
        try {
            if (!batch.empty())
                m_journal.sync(); // power-loss window: events not yet synced nor committed
            store.apply(batch, drops, lastSeq);
            failures = 0;
            m_journal.releaseUpTo(lastSeq);
            m_accepted.fetch_add(batch.size(), std::memory_order_relaxed);
            const qint64 now = m_clock.nowMs();
            if (now - lastPrune > PruneEveryMs) {
                lastPrune = now;
                store.pruneSessions(now - SessionStateRetentionMs);
            }
        } catch (const StorageError &e) {
            ++failures;
            qCWarning(lcIngest) << "committing" << batch.size() << "events failed (attempt" << failures
                                << "):" << e.what();
            QMutexLocker lock(&m_mutex);
            // Put everything back in front, in order; the journal still has the events.
            m_queue.insert(m_queue.begin(), std::make_move_iterator(batch.begin()),
                           std::make_move_iterator(batch.end()));
            for (auto it = drops.cbegin(); it != drops.cend(); ++it)
                m_drops[it.key()] += it.value();
            if (m_stopping && failures >= 3) {
                qCWarning(lcIngest) << "giving up at shutdown;" << m_queue.size()
                                    << "events stay in the journal and are replayed at the next start";
                break;
            }
            m_wake.wait(&m_mutex, QDeadlineTimer(std::min(5000, 100 * failures)));
            continue;
        }
        {
            QMutexLocker lock(&m_mutex);
            m_appliedSeq.store(lastSeq, std::memory_order_release);
            m_committed.wakeAll();
            if (stopping && m_queue.empty() && m_drops.isEmpty())
                break;
        }
    }
}

} // namespace Core
