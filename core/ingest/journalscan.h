#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Core::JournalScan {

// The journal's record format: [magic u32][length u32][seq u64][crc32 u32][payload],
// little-endian.
inline constexpr quint32 Magic = 0x314A565AU; // "ZVJ1"
inline constexpr qsizetype HeaderBytes = 4 + 4 + 8 + 4;
inline constexpr quint32 MaxPayload = 1U << 20;

// Segment format 2 starts with a header, [segment magic u32 "ZVJS"][version u32][nonce
// u64], the nonce random per segment, and each record's CRC-32 covers the nonce, the
// sequence number's 8 bytes and the payload: bytes inside a payload (an event's fields,
// which never know the nonce) cannot pass for a record of their own segment when a scan
// resynchronises through them. Format 1 (segments written before: no header, the CRC over
// the sequence number and the payload) is still read.
inline constexpr quint32 SegmentMagic = 0x534A565AU; // "ZVJS"
inline constexpr quint32 SegmentVersion = 2;
inline constexpr qsizetype SegmentHeaderBytes = 4 + 4 + 8;

struct SegmentFormat
{
    quint32 version = 1;
    quint64 nonce = 0;
    qsizetype headerBytes = 0; // where the first record starts
    bool tornHeader = false;   // a header cut short by a crash (the segment holds nothing else)
    // The header's magic is damaged but a record follows where it should: read as format 2
    // with the nonce found there (the damage is reported; the records still verify).
    bool damagedHeader = false;
};
SegmentFormat segmentFormat(QByteArrayView data);
QByteArray segmentHeader(quint64 nonce);

// Format 1: over the sequence number and the payload.
quint32 recordCrc(const char *seqBytes, const char *payload, qsizetype size);
// Format 2: over the segment's nonce, the sequence number and the payload.
quint32 recordCrc(quint64 nonce, const char *seqBytes, const char *payload, qsizetype size);

// Bytes of a segment that are not intact records and are followed by an intact record in
// the same segment: damage (a torn write can only ever be at a segment's end).
struct Region
{
    qsizetype offset = 0;
    qsizetype bytes = 0;
    quint64 firstMissingSeq = 0; // the sequence number the region should have started with
    quint64 missing = 0;         // sequence numbers skipped over (records lost in the region)
};

struct Segment
{
    QList<Region> damaged;     // in file order
    qsizetype tailOffset = -1; // start of unreadable bytes at the end (none: -1)
    // Whether those bytes are a proper prefix of the record that should come next (what a
    // write(2) cut short by a crash leaves); anything else at the end is damage.
    bool tailTorn = false;
    qsizetype size = 0;
    quint64 nextSeq = 0;           // the sequence number the next record (next segment) should carry
    qint64 records = 0;            // intact records found
    qint64 recordsAfterDamage = 0; // of those, found after a damaged region (seq >= countFrom)
};

// Whether tail (unreadable bytes at a segment's end, starting where a record should start)
// can be a write cut short by a crash: a proper prefix of the record carrying seq. Its
// magic bytes, length (<= MaxPayload) and sequence number, as far as present, must be
// right, and a whole header must announce more bytes than are there. A complete-length
// record with a bad CRC, a wrong magic, zeroed bytes and the like cannot come from a torn
// write: those are damage.
bool isTornRecord(QByteArrayView tail, quint64 seq);

// Walks the records of one segment whose first record should carry expectedSeq (the
// segment's name). Calls onRecord for each intact record, in order. A record is intact
// when its magic, length, CRC and sequence number fit: the first record after intact
// ones must carry exactly the next sequence number. After damage, the scan moves on
// byte by byte to the next offset holding an intact record whose sequence number is
// plausible (at least the expected one, and not beyond what the skipped bytes could have
// held: every record takes at least HeaderBytes), so a record is never delivered twice
// nor out of order, and a record-shaped run of bytes inside a payload is not taken for a
// far-off sequence number.
// recordsAfterDamage counts only records with seq >= countFrom (those not yet in the database).
Segment scanSegment(QByteArrayView data, quint64 expectedSeq,
                    const std::function<void(quint64 seq, QByteArrayView payload)> &onRecord,
                    quint64 countFrom = 0);

// What start-up found wrong in the journal (GET /server/status "journal").
struct Recovery
{
    qint64 damagedRegions = 0;       // damage followed by intact records, and sequence gaps: loud
    qint64 bytesSkipped = 0;         // in those regions
    qint64 eventsLost = 0;           // sequence numbers above the database's that no intact record carries
    qint64 recoveredAfterDamage = 0; // intact records after a damaged region, not yet in the database
    qint64 tornTails = 0;            // writes cut short by a crash: quiet, never acknowledged
    // Filled by the replay (EventPipeline), loud as well:
    qint64 unreadableRecords = 0; // intact records whose payload this build cannot read
    qint64 droppedNoWebsite = 0;  // replayed events of websites the database does not have
    QStringList reports;          // one sentence per finding, in order (journal damage log)
    QString lastDamage;           // the last of them; empty when there was none
};

// Reads a whole journal at start-up, one segment after the other in sequence order, and
// tells torn tails (quiet) from damage (loud: error-level log, counted in recovery()).
// A torn tail is a proper prefix of the next record (isTornRecord) at the end of a
// segment that nothing acknowledged follows: the last segment's end, or a segment's end
// where the next segment continues with the very next sequence number (the crash happened
// inside write(2) and the restart began a new segment). Everything else is damage:
// unreadable bytes followed by intact records in the same segment, a segment's unreadable
// end that is not a proper prefix of a record (its lost records are counted as the most
// the bytes could hold: bytes / HeaderBytes), a torn end followed by a segment that
// starts later than the sequence continues, and sequence numbers missing between
// segments or before the first (above the database's last applied one).
class Reader final
{
public:
    explicit Reader(quint64 committedSeq) : m_committedSeq(committedSeq) {}

    // Scans the next segment; onRecord gets every intact record (replay decides what to do
    // with those <= committedSeq).
    void addSegment(const QString &path, quint64 firstSeq, QByteArrayView data,
                    const std::function<void(quint64 seq, QByteArrayView payload)> &onRecord);
    // After the last segment: its unreadable end, if any, is a torn tail.
    void finish();

    // The sequence number the next appended record gets.
    quint64 nextSeq() const;
    const Recovery &recovery() const { return m_recovery; }
    // Segments holding damaged bytes (worth keeping for inspection), known after finish().
    const QStringList &damagedSegments() const { return m_damagedSegments; }

private:
    // Sequence numbers [first, first + count) are gone; region bytes at offset in path.
    // upperBound: count is only the most the bytes could have held.
    void reportDamage(const QString &path, qsizetype offset, qsizetype bytes, quint64 first, quint64 count,
                      bool upperBound = false);
    void reportTornTail(const QString &path, qsizetype offset, qsizetype bytes);

    quint64 m_committedSeq;
    quint64 m_expected = 0; // 0: no segment yet
    // The previous segment's unreadable end, judged by where the next segment starts.
    QString m_tailPath;
    qsizetype m_tailOffset = -1;
    qsizetype m_tailBytes = 0;
    bool m_tailTorn = false;
    Recovery m_recovery;
    QStringList m_damagedSegments;
};

} // namespace Core::JournalScan
