#include "journalscan.h"

#include "core/crypto/crc32.h"

#include <QLoggingCategory>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcJournal)

namespace Core::JournalScan {

namespace {
struct Header
{
    quint64 seq = 0;
    quint32 length = 0;
};

// An intact record at pos whose sequence number lies in [minSeq, maxSeq]: magic, a length
// that fits, the sequence number (checked before the CRC, so that resynchronising through
// record-shaped bytes costs little), and a matching CRC.
std::optional<Header> recordAt(QByteArrayView data, qsizetype pos, quint64 minSeq, quint64 maxSeq,
                               const SegmentFormat &format)
{
    if (data.size() - pos < HeaderBytes)
        return std::nullopt;
    const char *h = data.data() + pos;
    if (qFromLittleEndian<quint32>(h) != Magic)
        return std::nullopt;
    const quint32 length = qFromLittleEndian<quint32>(h + 4);
    if (length > MaxPayload || data.size() - pos - HeaderBytes < qsizetype(length))
        return std::nullopt;
    const quint64 seq = qFromLittleEndian<quint64>(h + 8);
    if (seq < minSeq || seq > maxSeq)
        return std::nullopt;
    const quint32 crc = format.version == 1 ? recordCrc(h + 8, h + HeaderBytes, length)
                                            : recordCrc(format.nonce, h + 8, h + HeaderBytes, length);
    if (crc != qFromLittleEndian<quint32>(h + 16))
        return std::nullopt;
    return Header{seq, length};
}
} // namespace

quint32 recordCrc(const char *seqBytes, const char *payload, qsizetype size)
{
    return Crc32::update(Crc32::update(0, seqBytes, 8), payload, size);
}

quint32 recordCrc(quint64 nonce, const char *seqBytes, const char *payload, qsizetype size)
{
    char n[8];
    qToLittleEndian<quint64>(nonce, n);
    return Crc32::update(Crc32::update(Crc32::update(0, n, 8), seqBytes, 8), payload, size);
}

SegmentFormat segmentFormat(QByteArrayView data)
{
    char magic[4];
    qToLittleEndian<quint32>(SegmentMagic, magic);
    const qsizetype n = std::min<qsizetype>(data.size(), 4);
    SegmentFormat out;
    if (n == 0 || std::memcmp(data.data(), magic, size_t(n)) != 0) {
        char recordMagic[4];
        qToLittleEndian<quint32>(Magic, recordMagic);
        if (data.size() >= SegmentHeaderBytes + HeaderBytes && n == 4 &&
            std::memcmp(data.data(), recordMagic, 4) != 0 &&
            std::memcmp(data.data() + SegmentHeaderBytes, recordMagic, 4) == 0) {
            out.version = SegmentVersion;
            out.nonce = qFromLittleEndian<quint64>(data.data() + 8);
            out.headerBytes = SegmentHeaderBytes;
            out.damagedHeader = true;
        }
        return out; // else format 1: records from the first byte
    }
    out.version = SegmentVersion;
    if (data.size() < SegmentHeaderBytes) {
        // (1 to 3 bytes could also be a format-1 record's torn magic: torn either way)
        out.tornHeader = true;
        out.headerBytes = data.size();
        return out;
    }
    out.version = qFromLittleEndian<quint32>(data.data() + 4);
    out.nonce = qFromLittleEndian<quint64>(data.data() + 8);
    out.headerBytes = SegmentHeaderBytes;
    return out;
}

QByteArray segmentHeader(quint64 nonce)
{
    QByteArray out(SegmentHeaderBytes, Qt::Uninitialized);
    qToLittleEndian<quint32>(SegmentMagic, out.data());
    qToLittleEndian<quint32>(SegmentVersion, out.data() + 4);
    qToLittleEndian<quint64>(nonce, out.data() + 8);
    return out;
}

bool isTornRecord(QByteArrayView tail, quint64 seq)
{
    const qsizetype n = tail.size();
    if (n == 0)
        return false;
    char magic[4];
    qToLittleEndian<quint32>(Magic, magic);
    if (std::memcmp(tail.data(), magic, size_t(std::min<qsizetype>(n, 4))) != 0)
        return false;
    if (n < 8)
        return true;
    const quint32 length = qFromLittleEndian<quint32>(tail.data() + 4);
    if (length > MaxPayload)
        return false;
    if (n < 16)
        return true;
    if (qFromLittleEndian<quint64>(tail.data() + 8) != seq)
        return false;
    return n < HeaderBytes + qsizetype(length); // the record runs past the end of the file
}

Segment scanSegment(QByteArrayView data, quint64 expectedSeq,
                    const std::function<void(quint64, QByteArrayView)> &onRecord, quint64 countFrom)
{
    Segment out;
    out.size = data.size();
    out.nextSeq = expectedSeq;
    const SegmentFormat format = segmentFormat(data);
    if (format.tornHeader) { // created, then the process died inside the header's write(2)
        out.tailOffset = 0;
        out.tailTorn = true;
        return out;
    }
    if (format.version != 1 && format.version != SegmentVersion) { // unknown: nothing readable
        out.tailOffset = 0;
        return out;
    }
    if (format.damagedHeader)
        out.damaged.append({0, SegmentHeaderBytes, expectedSeq, 0});
    quint64 expected = expectedSeq;
    qsizetype damageStart = -1;
    qsizetype pos = format.headerBytes;
    while (pos < data.size()) {
        // How many records the skipped bytes could have held (none when nothing is skipped).
        const quint64 room = damageStart < 0 ? 0 : quint64((pos - damageStart) / HeaderBytes);
        const auto r = recordAt(data, pos, expected, expected + room, format);
        if (!r) {
            if (damageStart < 0)
                damageStart = pos;
            ++pos;
            continue;
        }
        if (damageStart >= 0) {
            out.damaged.append({damageStart, pos - damageStart, expected, r->seq - expected});
            damageStart = -1;
        }
        if (onRecord)
            onRecord(r->seq, data.sliced(pos + HeaderBytes, r->length));
        ++out.records;
        if (!out.damaged.isEmpty() && r->seq >= countFrom)
            ++out.recordsAfterDamage;
        expected = r->seq + 1;
        pos += HeaderBytes + r->length;
    }
    out.tailOffset = damageStart;
    out.tailTorn = damageStart >= 0 && isTornRecord(data.sliced(damageStart), expected);
    out.nextSeq = expected;
    return out;
}

void Reader::addSegment(const QString &path, quint64 firstSeq, QByteArrayView data,
                        const std::function<void(quint64, QByteArrayView)> &onRecord)
{
    if (m_expected == 0) {
        // The first segment: every record before it must already be in the database.
        if (firstSeq > m_committedSeq + 1)
            reportDamage(path, -1, 0, m_committedSeq + 1, firstSeq - m_committedSeq - 1);
        m_expected = firstSeq;
    } else {
        if (m_tailOffset >= 0) {
            if (m_tailTorn && firstSeq == m_expected) // the restart after the crash continued here
                reportTornTail(m_tailPath, m_tailOffset, m_tailBytes);
            else
                reportDamage(m_tailPath, m_tailOffset, m_tailBytes, m_expected,
                             firstSeq > m_expected ? firstSeq - m_expected : 0);
        } else if (firstSeq > m_expected) {
            reportDamage(path, -1, 0, m_expected, firstSeq - m_expected);
        }
        m_expected = std::max(m_expected, firstSeq);
    }
    m_tailOffset = -1;
    const Segment segment = scanSegment(data, m_expected, onRecord, m_committedSeq + 1);
    for (const Region &r : segment.damaged)
        reportDamage(path, r.offset, r.bytes, r.firstMissingSeq, r.missing);
    m_recovery.recoveredAfterDamage += segment.recordsAfterDamage;
    if (segment.tailOffset >= 0) {
        m_tailPath = path;
        m_tailOffset = segment.tailOffset;
        m_tailBytes = segment.size - segment.tailOffset;
        m_tailTorn = segment.tailTorn;
    }
    m_expected = segment.nextSeq;
}

void Reader::finish()
{
    if (m_tailOffset >= 0) {
        if (m_tailTorn)
            reportTornTail(m_tailPath, m_tailOffset, m_tailBytes);
        else // how many records the bytes held is unknown: at most one per HeaderBytes
            reportDamage(m_tailPath, m_tailOffset, m_tailBytes, m_expected,
                         quint64(m_tailBytes / HeaderBytes), true);
    }
    m_tailOffset = -1;
}

quint64 Reader::nextSeq() const
{
    return std::max(m_committedSeq + 1, m_expected);
}

void Reader::reportDamage(const QString &path, qsizetype offset, qsizetype bytes, quint64 first,
                          quint64 count, bool upperBound)
{
    // Only sequence numbers above the database's last applied one were still to be stored.
    const quint64 last = first + count - 1;
    const quint64 lost =
        count == 0 || last <= m_committedSeq ? 0 : last - std::max(first, m_committedSeq + 1) + 1;
    ++m_recovery.damagedRegions;
    m_recovery.bytesSkipped += bytes;
    m_recovery.eventsLost += qint64(lost);
    QString text =
        bytes > 0
            ? QStringLiteral("%1: %2 damaged bytes at offset %3 skipped").arg(path).arg(bytes).arg(offset)
            : QStringLiteral("%1: sequence numbers missing before this segment").arg(path);
    if (count == 0)
        text += QStringLiteral("; no record is missing");
    else if (upperBound)
        text += QStringLiteral(
                    "; the end of the segment is damaged (not a write cut short by a crash): up to %1 "
                    "record(s) from sequence number %2 on missing, up to %3 acknowledged event(s) lost")
                    .arg(count)
                    .arg(first)
                    .arg(lost);
    else if (count == 1)
        text += QStringLiteral("; sequence number %1 missing, %2 acknowledged event(s) lost")
                    .arg(first)
                    .arg(lost);
    else
        text += QStringLiteral("; sequence numbers %1 to %2 missing, %3 acknowledged event(s) lost")
                    .arg(first)
                    .arg(last)
                    .arg(lost);
    if (count > 0 && lost < count && !upperBound)
        text += QStringLiteral(" (%1 already in the database)").arg(count - lost);
    qCCritical(lcJournal).noquote() << "journal damage:" << text
                                    << "- the intact records after it are recovered";
    m_recovery.lastDamage = text;
    m_recovery.reports << text;
    if (bytes > 0 && !m_damagedSegments.contains(path))
        m_damagedSegments.append(path);
}

void Reader::reportTornTail(const QString &path, qsizetype offset, qsizetype bytes)
{
    ++m_recovery.tornTails;
    qCInfo(lcJournal).noquote() << "journal segment" << path << "ends in" << bytes
                                << "unreadable bytes at offset" << offset
                                << "(a write cut short by a crash; never acknowledged): ignored";
}

} // namespace Core::JournalScan
