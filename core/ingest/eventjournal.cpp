#include "eventjournal.h"

#include "core/storage/storageerror.h"
#include "journalscan.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtEndian>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcJournal, "zenovay.core.journal")

namespace Core {

namespace {
using JournalScan::HeaderBytes;
using JournalScan::Magic;
using JournalScan::MaxPayload;
using JournalScan::recordCrc;

QString segmentName(quint64 firstSeq)
{
    return QStringLiteral("journal-%1.zvj").arg(firstSeq, 20, 10, QLatin1Char('0'));
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Renames a damaged segment to <name>.damaged, or, when an older one of that name exists
// (sequence numbers recur after a database restore), <name>.<UTC time>[-n].damaged: an
// earlier damaged segment is never overwritten.
void keepDamaged(const QString &path)
{
    QString kept = path + QStringLiteral(".damaged");
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (int n = 1; QFileInfo::exists(kept) && n < 1000; ++n)
        kept = path + QLatin1Char('.') + stamp + (n > 1 ? QStringLiteral("-%1").arg(n) : QString()) +
               QStringLiteral(".damaged");
    if (!QFileInfo::exists(kept) && QFile::rename(path, kept))
        qCWarning(lcJournal) << "damaged journal segment kept as" << kept;
    else
        qCWarning(lcJournal) << "cannot rename damaged journal segment" << path;
}
} // namespace

EventJournal::EventJournal(Options options) : m_options(std::move(options)) {}

EventJournal::~EventJournal()
{
    close();
}

bool EventJournal::openSegmentLocked(quint64 firstSeq, QString *error)
{
    const QString path = QDir(m_options.directory).filePath(segmentName(firstSeq));
    // A segment named after firstSeq can only already exist when it holds no intact record
    // (every intact record has seq < firstSeq), at most a torn tail: start it afresh.
    m_segments.removeIf([&](const Segment &s) { return s.path == path; });
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create journal segment %1: %2").arg(path, errnoText());
        return false;
    }
    // Format 2: a random nonce per segment, mixed into every record's CRC.
    const quint64 nonce = QRandomGenerator::system()->generate64();
    const QByteArray header = JournalScan::segmentHeader(nonce);
    if (::write(fd, header.constData(), size_t(header.size())) != header.size()) {
        *error = QStringLiteral("cannot write journal segment %1: %2").arg(path, errnoText());
        ::close(fd); // (a header cut short reads as a torn one: nothing in it)
        return false;
    }
    if (m_fd >= 0) {
        ::fdatasync(m_fd);
        ::close(m_fd);
    }
    m_fd = fd;
    m_size = header.size();
    m_nonce = nonce;
    m_segments.append({path, firstSeq});
    // Make the new directory entry itself durable.
    const int dirFd =
        ::open(QFile::encodeName(m_options.directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

std::optional<QString> EventJournal::open(quint64 committedSeq,
                                          const std::function<void(quint64, const QByteArray &)> &replay,
                                          const Refuse &refuse)
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_options.directory))
        return QStringLiteral("cannot create journal directory %1").arg(m_options.directory);
    static const QRegularExpression re(QStringLiteral(R"(^journal-(\d{20})\.zvj$)"));
    QDir dir(m_options.directory);
    m_segments.clear();
    // Names are zero-padded first sequence numbers: name order is sequence order.
    JournalScan::Reader reader(committedSeq);
    for (const QString &name : dir.entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name)) {
        const auto m = re.match(name);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read journal segment %1: %2").arg(f.fileName(), f.errorString());
        const QByteArray data = f.readAll();
        if (const quint32 v = JournalScan::segmentFormat(data).version; v > JournalScan::SegmentVersion) {
            m_segments.clear();
            return QStringLiteral(
                       "the journal segment %1 has format %2, newer than this build of Zenovay reads "
                       "(%3): upgrade Zenovay to replay it; the journal was not changed")
                .arg(f.fileName())
                .arg(v)
                .arg(JournalScan::SegmentVersion);
        }
        const quint64 firstSeq = m.captured(1).toULongLong();
        m_segments.append({f.fileName(), firstSeq});
        std::optional<QString> refused;
        reader.addSegment(f.fileName(), firstSeq, data, [&](quint64 seq, QByteArrayView payload) {
            if (seq <= committedSeq || refused)
                return;
            const QByteArray bytes = payload.toByteArray();
            if (refuse && (refused = refuse(bytes)))
                return;
            if (replay)
                replay(seq, bytes);
        });
        if (refused) {
            m_segments.clear();
            return QStringLiteral("%1 (in %2)").arg(*refused, f.fileName());
        }
    }
    reader.finish();
    m_recovery = reader.recovery();
    for (Segment &s : m_segments)
        s.damaged = reader.damagedSegments().contains(s.path);
    if (m_recovery.damagedRegions > 0)
        qCCritical(lcJournal).nospace()
            << "the event journal was damaged: " << m_recovery.damagedRegions << " region(s), "
            << m_recovery.bytesSkipped << " bytes skipped, " << m_recovery.eventsLost
            << " acknowledged event(s) lost, " << m_recovery.recoveredAfterDamage
            << " intact record(s) after the damage recovered"
            << (reader.damagedSegments().isEmpty()
                    ? ""
                    : "; damaged segments are kept as *.zvj.damaged once applied");
    m_nextSeq = reader.nextSeq();
    // A segment named after the next sequence number holds no intact record; if it holds
    // damage (not just a torn write), keep it rather than starting it afresh over it.
    const QString next = dir.filePath(segmentName(m_nextSeq));
    if (reader.damagedSegments().contains(next)) {
        keepDamaged(next);
        m_segments.removeIf([&](const Segment &s) { return s.path == next; });
    }
    QString error;
    if (!openSegmentLocked(m_nextSeq, &error))
        return error;
    m_open = true;
    return std::nullopt;
}

void EventJournal::close()
{
    QMutexLocker lock(&m_mutex);
    m_open = false;
    if (m_fd >= 0) {
        ::fdatasync(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
}

quint64 EventJournal::append(const QList<QByteArray> &payloads)
{
    QByteArray buffer;
    qsizetype total = 0;
    for (const QByteArray &p : payloads)
        total += HeaderBytes + p.size();
    buffer.resize(total);

    QMutexLocker lock(&m_mutex);
    if (!m_open)
        throw StorageError(QStringLiteral("the event journal is not open"));
    if (m_fd < 0 || m_size >= m_options.segmentBytes) { // (no descriptor: a failed roll-over)
        QString error;
        if (!openSegmentLocked(m_nextSeq, &error))
            throw StorageError(error);
    }
    const quint64 first = m_nextSeq;
    char *out = buffer.data();
    quint64 seq = first;
    for (const QByteArray &p : payloads) {
        if (quint32(p.size()) > MaxPayload)
            throw StorageError(QStringLiteral("event too large for the journal"));
        qToLittleEndian<quint32>(Magic, out);
        qToLittleEndian<quint32>(quint32(p.size()), out + 4);
        qToLittleEndian<quint64>(seq, out + 8);
        qToLittleEndian<quint32>(recordCrc(m_nonce, out + 8, p.constData(), p.size()), out + 16);
        std::memcpy(out + HeaderBytes, p.constData(), size_t(p.size()));
        out += HeaderBytes + p.size();
        ++seq;
    }
    qsizetype written = 0;
    while (written < total) {
        const ssize_t n = ::write(m_fd, buffer.constData() + written, size_t(total - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = errnoText();
            // Cut a partial record off again so later appends stay readable.
            if (written > 0)
                cutFailedAppendLocked(false, seq);
            throw StorageError(QStringLiteral("journal write failed: %1").arg(why));
        }
        written += n;
    }
    if (m_options.syncEachAppend && ::fdatasync(m_fd) != 0) {
        // Not acknowledged: the records must go again, or the next batch would reuse their
        // sequence numbers. After a failed fsync the kernel may have dropped the dirty pages
        // and report success next time: this descriptor is never synced again.
        const QString why = errnoText();
        cutFailedAppendLocked(true, seq);
        throw StorageError(QStringLiteral("journal fdatasync failed: %1").arg(why));
    }
    m_size += total;
    m_nextSeq = seq;
    return first;
}

void EventJournal::cutFailedAppendLocked(bool newSegment, quint64 batchEnd)
{
    const bool cut = ::ftruncate(m_fd, m_size) == 0;
    if (cut && !newSegment)
        return;
    if (!cut) {
        // Whole records of the failed batch may stay in the file: never reuse their numbers.
        qCCritical(lcJournal) << "cannot cut a failed journal append off again:" << errnoText()
                              << "- its sequence numbers are skipped";
        m_nextSeq = batchEnd;
    }
    ::close(m_fd); // no fdatasync: this descriptor's data is suspect
    m_fd = -1;
    QString error;
    if (!openSegmentLocked(m_nextSeq, &error)) // else retried by the next append
        qCCritical(lcJournal).noquote() << error;
}

void EventJournal::sync()
{
    QMutexLocker lock(&m_mutex);
    if (m_fd < 0 || ::fdatasync(m_fd) == 0)
        return;
    // The acknowledged records are still in the page cache (a kill -9 loses nothing) and the
    // writer is about to commit them; but never trust this descriptor's fsync again.
    qCCritical(lcJournal) << "journal fdatasync failed:" << errnoText()
                          << "- a power loss now could lose acknowledged events; continuing in a new segment";
    ::close(m_fd);
    m_fd = -1;
    QString error;
    if (!openSegmentLocked(m_nextSeq, &error))
        qCCritical(lcJournal).noquote() << error;
}

void EventJournal::releaseUpTo(quint64 seq)
{
    QMutexLocker lock(&m_mutex);
    // A segment can go when the next one starts at or before seq + 1 (all its records <= seq).
    while (m_segments.size() > 1 && m_segments.at(1).firstSeq <= seq + 1) {
        const Segment &s = m_segments.first();
        if (s.damaged) {
            // Applied as far as it could be read; the damaged bytes stay for inspection.
            keepDamaged(s.path);
        } else if (!QFile::remove(s.path)) {
            qCWarning(lcJournal) << "cannot remove applied journal segment" << s.path;
        }
        m_segments.removeFirst();
    }
}

quint64 EventJournal::lastSeq() const
{
    QMutexLocker lock(&m_mutex);
    return m_nextSeq - 1;
}

JournalScan::Recovery EventJournal::recovery() const
{
    QMutexLocker lock(&m_mutex);
    return m_recovery;
}

void EventJournal::markDamaged(quint64 seq)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = m_segments.size() - 1; i >= 0; --i) {
        if (m_segments[i].firstSeq <= seq) {
            m_segments[i].damaged = true;
            return;
        }
    }
}

qsizetype EventJournal::segmentCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_segments.size();
}

} // namespace Core
