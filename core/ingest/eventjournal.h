#pragma once

#include "journalscan.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <optional>

namespace Core {

// Append-only journal of accepted events: the durability point of the ingest path.
//
// Records are [magic u32][length u32][seq u64][crc32 u32][payload], little-endian,
// in segment files "journal-<first seq>.zvj" that start with a header holding a random
// nonce, which every record's CRC covers (JournalScan::SegmentFormat; segments of the
// earlier format without a header are still read). append() writes a whole batch of records
// with one write(2) on an O_APPEND descriptor, so once it returns the records are in
// the kernel and survive a kill -9 of the process; sync() (fdatasync) makes them
// survive a power loss. A write or fdatasync that fails is cut off again (after a failed
// fdatasync appends continue in a new segment, never syncing that descriptor again), so a
// segment only ever ends in a torn record when the process died inside write(), and no
// sequence number is ever written twice. Sequence
// numbers grow by one per record across segments and restarts. Recovery (open()) skips
// a torn tail quietly, and reports any other damage loudly while recovering the intact
// records after it (JournalScan::Reader). Thread-safe.
class EventJournal final
{
public:
    struct Options
    {
        QString directory;
        qint64 segmentBytes = 32LL << 20; // a new segment starts beyond this size
        bool syncEachAppend = false;      // fdatasync before append() returns
    };

    explicit EventJournal(Options options);
    ~EventJournal();
    Q_DISABLE_COPY_MOVE(EventJournal)

    // Reads every segment, calls replay(seq, payload) for each intact record with
    // seq > committedSeq (in strictly increasing order, each once), then opens a fresh
    // segment for appends. Damage is logged at critical level and kept in recovery().
    // A record with seq > committedSeq that refuse() answers with a message (a payload this
    // build cannot read, such as a newer format) stops open() before anything is written:
    // open() returns that message. Returns an error message, or nothing.
    using Refuse = std::function<std::optional<QString>(const QByteArray &payload)>;
    std::optional<QString> open(quint64 committedSeq,
                                const std::function<void(quint64 seq, const QByteArray &payload)> &replay,
                                const Refuse &refuse = {});
    void close();

    // Appends the payloads as consecutive records; returns the sequence number of the
    // first. Throws StorageError (nothing appended) on failure.
    quint64 append(const QList<QByteArray> &payloads);
    // fdatasync of the current segment.
    void sync();
    // Deletes segments all of whose records are <= seq (the writer committed them); a
    // segment in which open() found damage is renamed to *.zvj.damaged instead (an older one
    // of that name is kept: *.zvj.<UTC time>.damaged).
    void releaseUpTo(quint64 seq);
    // What open() found wrong.
    JournalScan::Recovery recovery() const;
    // Marks the segment holding seq as damaged (kept as *.zvj.damaged when released): its
    // record seq was intact but unreadable.
    void markDamaged(quint64 seq);

    quint64 lastSeq() const;
    qsizetype segmentCount() const;
    const QString &directory() const { return m_options.directory; }

private:
    struct Segment
    {
        QString path;
        quint64 firstSeq = 0;
        bool damaged = false;
    };
    bool openSegmentLocked(quint64 firstSeq, QString *error);
    // After a failed write (newSegment false) or fdatasync (true) of the batch ending before
    // batchEnd: cuts it off again; on a failed fsync, or if the cut fails, continues in a
    // new segment (the failed batch's sequence numbers skipped if the cut failed).
    void cutFailedAppendLocked(bool newSegment, quint64 batchEnd);

    Options m_options;
    mutable QMutex m_mutex;
    QList<Segment> m_segments; // oldest first; the last one is being appended to
    int m_fd = -1;
    bool m_open = false; // between a successful open() and close()
    qint64 m_size = 0;
    quint64 m_nonce = 0; // of the current segment (format 2)
    quint64 m_nextSeq = 1;
    JournalScan::Recovery m_recovery;
};

} // namespace Core
