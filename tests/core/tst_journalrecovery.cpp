// Recovery of a damaged event journal over real segment files (issue 11): only a torn tail
// is skipped quietly; damage followed by intact records is reported and the records after
// it are recovered, each exactly once and in order.
#include "core/ingest/eventjournal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QTest>

using namespace Core;

namespace {
constexpr qsizetype HeaderBytes = JournalScan::HeaderBytes;

// Payloads of varying length that name their record, so a replay can be checked byte for byte.
QByteArray payloadFor(quint64 n)
{
    return QByteArray("event-") + QByteArray::number(n) + ':' +
           QByteArray(int(n * 7 % 53), char('a' + n % 26));
}

struct Replayed
{
    QList<quint64> seqs;
    JournalScan::Recovery recovery;
    QString error;
    bool payloadsMatch = true;
};

Replayed reopen(const QString &dir, quint64 committed = 0)
{
    EventJournal j({dir});
    Replayed out;
    const auto error = j.open(committed, [&](quint64 seq, const QByteArray &p) {
        out.seqs.append(seq);
        out.payloadsMatch = out.payloadsMatch && p == payloadFor(seq);
    });
    out.error = error.value_or(QString());
    out.recovery = j.recovery();
    return out;
}

// Writes `count` records, one append each; returns the segment files in order.
QStringList writeJournal(const QString &dir, int count, qint64 segmentBytes = 32LL << 20)
{
    EventJournal j({dir, segmentBytes});
    if (j.open(0, {}))
        return {};
    for (int i = 1; i <= count; ++i)
        j.append({payloadFor(quint64(i))});
    j.close();
    QStringList out;
    for (const QString &name :
         QDir(dir).entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name))
        out << QDir(dir).filePath(name);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

// Offsets of the records of an intact segment, in order.
QList<qsizetype> recordOffsets(const QByteArray &data)
{
    QList<qsizetype> out;
    for (qsizetype pos = JournalScan::segmentFormat(data).headerBytes; pos + HeaderBytes <= data.size();) {
        out << pos;
        pos += HeaderBytes + qFromLittleEndian<quint32>(data.constData() + pos + 4);
    }
    return out;
}

// A record as a format-1 segment (no header, no nonce) holds it.
QByteArray formatOneRecord(quint64 seq, const QByteArray &payload)
{
    QByteArray out(HeaderBytes, '\0');
    qToLittleEndian<quint32>(JournalScan::Magic, out.data());
    qToLittleEndian<quint32>(quint32(payload.size()), out.data() + 4);
    qToLittleEndian<quint64>(seq, out.data() + 8);
    qToLittleEndian<quint32>(JournalScan::recordCrc(out.constData() + 8, payload.constData(), payload.size()),
                             out.data() + 16);
    return out + payload;
}

QList<quint64> range(quint64 first, quint64 last, QList<quint64> except = {})
{
    QList<quint64> out;
    for (quint64 s = first; s <= last; ++s)
        if (!except.contains(s))
            out << s;
    return out;
}
} // namespace

class TestJournalRecovery : public QObject
{
    Q_OBJECT
private slots:
    // One flipped byte anywhere in record 151 of 300 costs that record only.
    void flippedByteInTheMiddleLosesOneRecord_data()
    {
        QTest::addColumn<int>("field"); // byte offset inside the record
        QTest::newRow("magic") << 1;
        QTest::newRow("length") << 5;
        QTest::newRow("length high byte") << 7;
        QTest::newRow("sequence") << 9;
        QTest::newRow("crc") << 17;
        QTest::newRow("payload") << 24;
    }
    void flippedByteInTheMiddleLosesOneRecord()
    {
        QFETCH(int, field);
        QTemporaryDir dir;
        const QStringList segments = writeJournal(dir.path(), 300);
        QCOMPARE(segments.size(), 1);
        QByteArray data = readAll(segments.first());
        const QList<qsizetype> offsets = recordOffsets(data);
        QCOMPARE(offsets.size(), 300);
        const qsizetype at = offsets[150] + field; // record 151, in the middle of the segment
        data[at] = char(data[at] ^ 0x5A);
        writeAll(segments.first(), data);

        const Replayed r = reopen(dir.path());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.seqs.size(), 299);
        QCOMPARE(r.seqs, range(1, 300, {151}));
        QVERIFY(r.payloadsMatch);
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, 1);
        QCOMPARE(r.recovery.bytesSkipped, offsets[151] - offsets[150]); // exactly record 151
        QCOMPARE(r.recovery.recoveredAfterDamage, 149);
        QCOMPARE(r.recovery.tornTails, 0);
        QVERIFY2(r.recovery.lastDamage.contains(QFileInfo(segments.first()).fileName()),
                 qPrintable(r.recovery.lastDamage));
        QVERIFY2(r.recovery.lastDamage.contains(QStringLiteral("offset %1").arg(offsets[150])),
                 qPrintable(r.recovery.lastDamage));
    }

    // After recovery the sequence goes on, the damaged segment is kept aside once applied,
    // and the next start neither replays anything twice nor reports the damage again.
    void recoveredJournalContinuesAndKeepsTheDamagedSegment()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        QByteArray data = readAll(segment);
        data[recordOffsets(data)[150] + 30] ^= 1;
        writeAll(segment, data);
        {
            EventJournal j({dir.path()});
            QList<quint64> seqs;
            QVERIFY(!j.open(0, [&](quint64 seq, const QByteArray &) { seqs << seq; }));
            QCOMPARE(seqs.size(), 299);
            QCOMPARE(j.append({payloadFor(301)}), quint64(301));
            j.releaseUpTo(301);
            QVERIFY(QFile::exists(segment + QStringLiteral(".damaged")));
            QVERIFY(!QFile::exists(segment));
        }
        const Replayed again = reopen(dir.path(), 301);
        QVERIFY(again.seqs.isEmpty());
        QCOMPARE(again.recovery.damagedRegions, 0);
    }

    // Sequence numbers recur after a database restore: a damaged segment of the same name kept
    // earlier is not overwritten by the new one.
    void olderDamagedSegmentOfTheSameNameIsKept()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        const QByteArray older = "an older damaged segment of the same name";
        writeAll(segment + QStringLiteral(".damaged"), older);
        QByteArray data = readAll(segment);
        data[recordOffsets(data)[150] + 30] ^= 1;
        writeAll(segment, data);
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            j.releaseUpTo(300);
        }
        QVERIFY(!QFile::exists(segment));
        QCOMPARE(readAll(segment + QStringLiteral(".damaged")), older);
        const QStringList kept =
            QDir(dir.path()).entryList({QFileInfo(segment).fileName() + QStringLiteral(".*.damaged")});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(readAll(QDir(dir.path()).filePath(kept.first())), data);
    }

    void truncatedTailIsQuiet()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        const QByteArray data = readAll(segment);
        writeAll(segment, data.chopped(7)); // the last record, cut short
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 299));
        QCOMPARE(r.recovery.damagedRegions, 0);
        QCOMPARE(r.recovery.eventsLost, 0);
        QCOMPARE(r.recovery.tornTails, 1);
        QVERIFY(r.recovery.lastDamage.isEmpty());
    }

    // A write cut short by a crash leaves a proper prefix of the next record: quiet, at any cut.
    void properPrefixOfTheLastRecordIsATornTail_data()
    {
        QTest::addColumn<int>("keep"); // bytes of record 300 left
        QTest::newRow("1 byte of the magic") << 1;
        QTest::newRow("the magic") << 4;
        QTest::newRow("magic and length") << 8;
        QTest::newRow("header without CRC") << 17;
        QTest::newRow("whole header") << int(HeaderBytes);
        QTest::newRow("header and part of the payload") << int(HeaderBytes) + 5;
    }
    void properPrefixOfTheLastRecordIsATornTail()
    {
        QFETCH(int, keep);
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        const QByteArray data = readAll(segment);
        writeAll(segment, data.left(recordOffsets(data)[299] + keep));
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 299));
        QCOMPARE(r.recovery.damagedRegions, 0);
        QCOMPARE(r.recovery.eventsLost, 0);
        QCOMPARE(r.recovery.tornTails, 1);
    }

    // A complete-length last record with a bad CRC or magic, or zeroed records at the end,
    // cannot come from a torn write: damage, loud, counted as lost (at most bytes / 20).
    void damageAtTheEndOfTheLastSegmentIsDamage_data()
    {
        QTest::addColumn<int>("field"); // byte offset inside record 300 to flip; -1: zero the last 3
        QTest::newRow("payload of the last record") << 30;
        QTest::newRow("last byte of the last record") << 1000;
        QTest::newRow("magic of the last record") << 0;
        QTest::newRow("sequence number of the last record") << 9;
        QTest::newRow("last three records zeroed") << -1;
    }
    void damageAtTheEndOfTheLastSegmentIsDamage()
    {
        QFETCH(int, field);
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        QByteArray data = readAll(segment);
        const QList<qsizetype> o = recordOffsets(data);
        const qsizetype firstBad = field < 0 ? o[297] : o[299];
        if (field < 0)
            data.replace(o[297], data.size() - o[297], QByteArray(data.size() - o[297], '\0'));
        else {
            const qsizetype at = std::min(o[299] + field, data.size() - 1);
            data[at] = char(data[at] ^ 0x01);
        }
        writeAll(segment, data);
        const quint64 lastIntact = field < 0 ? 297 : 299;
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, lastIntact));
        QCOMPARE(r.recovery.tornTails, 0);
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.bytesSkipped, data.size() - firstBad);
        QCOMPARE(r.recovery.eventsLost, (data.size() - firstBad) / HeaderBytes); // the most it held
        QVERIFY(r.recovery.eventsLost >= qint64(300 - lastIntact));
        QVERIFY2(r.recovery.lastDamage.contains(QStringLiteral("up to")), qPrintable(r.recovery.lastDamage));
    }

    // The last segment holds nothing intact but damage, and is named after the next sequence
    // number: it is kept aside, not started afresh over its bytes.
    void damagedLastSegmentIsKeptNotTruncated()
    {
        QTemporaryDir dir;
        writeJournal(dir.path(), 10);
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            for (quint64 s = 11; s <= 15; ++s)
                QCOMPARE(j.append({payloadFor(s)}), s);
        }
        const QStringList segments =
            QDir(dir.path()).entryList({QStringLiteral("journal-*.zvj")}, QDir::Files, QDir::Name);
        QCOMPARE(segments.size(), 2);
        const QString last = QDir(dir.path()).filePath(segments.last());
        QByteArray data = readAll(last);
        data.fill('\0');
        writeAll(last, data);
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 10));
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.tornTails, 0);
        QVERIFY(r.recovery.eventsLost >= 5);
        QCOMPARE(readAll(last + QStringLiteral(".damaged")), data);
    }

    // Killed inside write(2), restarted (a new segment continues the sequence), more
    // appends: the torn end of the older segment stays quiet.
    void tornTailBeforeARestartIsQuiet()
    {
        QTemporaryDir dir;
        const QString first = writeJournal(dir.path(), 10).first();
        QFile f(first);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray::fromHex("5a564a31ff000000")); // half a header
        f.close();
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            for (quint64 s = 11; s <= 15; ++s)
                QCOMPARE(j.append({payloadFor(s)}), s);
        }
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.zvj")}).size(), 2);
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 15));
        QVERIFY(r.payloadsMatch);
        QCOMPARE(r.recovery.damagedRegions, 0);
        QCOMPARE(r.recovery.tornTails, 1);
    }

    void damageInAnEarlierSegmentIsRecovered()
    {
        QTemporaryDir dir;
        const QStringList segments = writeJournal(dir.path(), 300, 4000); // ~40 records a segment
        QVERIFY(segments.size() >= 5);
        QByteArray data = readAll(segments[1]);
        const QList<qsizetype> offsets = recordOffsets(data);
        const quint64 firstSeq = QFileInfo(segments[1]).baseName().mid(8).toULongLong();
        data[offsets[10] + 2] ^= 0x10; // the magic of the segment's 11th record
        writeAll(segments[1], data);
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 300, {firstSeq + 10}));
        QVERIFY(r.payloadsMatch);
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, 1);
        QCOMPARE(r.recovery.recoveredAfterDamage, offsets.size() - 11);
    }

    // The end of a segment that is not the last is cut off and the next segment does not
    // continue the sequence: acknowledged records are gone, which is damage, not a torn write.
    void cutEndOfAnEarlierSegmentIsDamage()
    {
        QTemporaryDir dir;
        const QStringList segments = writeJournal(dir.path(), 300, 4000);
        const QByteArray data = readAll(segments[0]);
        const QList<qsizetype> offsets = recordOffsets(data);
        const qsizetype n = offsets.size();
        writeAll(segments[0], data.left(offsets[n - 2] + 5)); // the last two records, one half gone
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 300, {quint64(n - 1), quint64(n)}));
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, 2);
        QCOMPARE(r.recovery.bytesSkipped, 5);
        QCOMPARE(r.recovery.tornTails, 0);
    }

    void missingSegmentIsAGap()
    {
        QTemporaryDir dir;
        const QStringList segments = writeJournal(dir.path(), 300, 4000);
        const qsizetype inSecond = recordOffsets(readAll(segments[1])).size();
        const quint64 firstOfSecond = QFileInfo(segments[1]).baseName().mid(8).toULongLong();
        const quint64 firstOfThird = QFileInfo(segments[2]).baseName().mid(8).toULongLong();
        QVERIFY(QFile::remove(segments[1]));
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs.size(), 300 - inSecond);
        QCOMPARE(r.seqs.first(), quint64(1));
        QCOMPARE(r.seqs.last(), quint64(300));
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, inSecond);
        QCOMPARE(r.recovery.bytesSkipped, 0);
        QVERIFY2(
            r.recovery.lastDamage.contains(
                QStringLiteral("sequence numbers %1 to %2 missing").arg(firstOfSecond).arg(firstOfThird - 1)),
            qPrintable(r.recovery.lastDamage));
    }

    // Damage to records the database already holds is still reported, but nothing is lost.
    void damageBelowTheCommittedSequenceLosesNothing()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 300).first();
        QByteArray data = readAll(segment);
        data[recordOffsets(data)[99] + 12] ^= 0x01;
        writeAll(segment, data);
        const Replayed r = reopen(dir.path(), 200);
        QCOMPARE(r.seqs, range(201, 300));
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, 0);
        QCOMPARE(r.recovery.recoveredAfterDamage, 100); // 201..300; 101..200 are in the database
        QVERIFY2(r.recovery.lastDamage.contains(QStringLiteral("already in the database")),
                 qPrintable(r.recovery.lastDamage));
    }

    // A copy of an earlier record (a stray block) is skipped: nothing is delivered twice.
    void repeatedRecordIsNotReplayedTwice()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 5).first();
        const QByteArray data = readAll(segment);
        const QList<qsizetype> o = recordOffsets(data);
        const QByteArray second = data.mid(o[1], o[2] - o[1]);
        writeAll(segment, data.left(o[3]) + second + data.mid(o[3])); // 1 2 3 2 4 5
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 5));
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.eventsLost, 0);
        QCOMPARE(r.recovery.bytesSkipped, second.size());
        EventJournal j({dir.path()});
        QVERIFY(!j.open(5, {}));
        QCOMPARE(j.append({payloadFor(6)}), quint64(6));
    }

    // A whole record carried inside a payload (an attacker's event) is not taken for a
    // record when the scan resynchronises through that payload: not with a far-off
    // sequence number, and not with the very number the carrier had (in the window the
    // resynchronisation accepts), because the payload cannot know the segment's nonce.
    void recordInsideAPayloadIsNotTakenForOne_data()
    {
        QTest::addColumn<quint64>("forgedSeq");
        QTest::newRow("far-off sequence number") << quint64(1'000'000);
        QTest::newRow("the carrier's own sequence number") << quint64(2);
        QTest::newRow("the next sequence number") << quint64(3);
    }
    void recordInsideAPayloadIsNotTakenForOne()
    {
        QFETCH(quint64, forgedSeq);
        const QByteArray forged = formatOneRecord(forgedSeq, "forged");
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            j.append({payloadFor(1)});
            j.append({QByteArray("carrier:") + forged});
            j.append({payloadFor(3)});
        }
        const QString segment =
            QDir(dir.path()).filePath(QDir(dir.path()).entryList({QStringLiteral("*.zvj")}).first());
        QByteArray data = readAll(segment);
        data[recordOffsets(data)[1]] ^= 0x01; // the carrier's magic
        writeAll(segment, data);
        QList<QByteArray> payloads;
        QList<quint64> seqs;
        EventJournal j({dir.path()});
        QVERIFY(!j.open(0, [&](quint64 seq, const QByteArray &p) {
            seqs << seq;
            payloads << p;
        }));
        QCOMPARE(seqs, (QList<quint64>{1, 3}));
        QCOMPARE(payloads.last(), payloadFor(3));
        QCOMPARE(j.recovery().eventsLost, 1);
        QCOMPARE(j.append({payloadFor(4)}), quint64(4));
    }

    // Segments written before the nonce existed (format 1) are still read, and a journal
    // that mixes both formats replays in order.
    void formatOneSegmentsAreStillRead()
    {
        QTemporaryDir dir;
        QByteArray old;
        for (quint64 s = 1; s <= 5; ++s)
            old += formatOneRecord(s, payloadFor(s));
        old += formatOneRecord(6, payloadFor(6)).left(HeaderBytes + 2); // torn, as a crash leaves it
        writeAll(QDir(dir.path()).filePath(QStringLiteral("journal-00000000000000000001.zvj")), old);
        {
            EventJournal j({dir.path()});
            QList<quint64> seqs;
            QVERIFY(!j.open(0, [&](quint64 seq, const QByteArray &) { seqs << seq; }));
            QCOMPARE(seqs, range(1, 5));
            QCOMPARE(j.recovery().tornTails, 1);
            QCOMPARE(j.append({payloadFor(6)}), quint64(6));
            QCOMPARE(j.append({payloadFor(7)}), quint64(7));
        }
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 7));
        QVERIFY(r.payloadsMatch);
        QCOMPARE(r.recovery.damagedRegions, 0);
        const QByteArray current =
            readAll(QDir(dir.path()).filePath(QStringLiteral("journal-00000000000000000006.zvj")));
        QCOMPARE(JournalScan::segmentFormat(current).version, JournalScan::SegmentVersion);
    }

    // A segment whose header was cut short by a crash holds nothing: quiet.
    void tornSegmentHeaderIsQuiet()
    {
        QTemporaryDir dir;
        writeJournal(dir.path(), 3);
        writeAll(QDir(dir.path()).filePath(QStringLiteral("journal-00000000000000000004.zvj")),
                 JournalScan::segmentHeader(42).left(9));
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 3));
        QCOMPARE(r.recovery.damagedRegions, 0);
        QCOMPARE(r.recovery.tornTails, 1);
    }

    // A damaged byte in a segment header's magic costs no record: reported, all recovered.
    void damagedSegmentHeaderMagicLosesNothing()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 10).first();
        QByteArray data = readAll(segment);
        data[1] = char(data[1] ^ 0x40);
        writeAll(segment, data);
        const Replayed r = reopen(dir.path());
        QCOMPARE(r.seqs, range(1, 10));
        QVERIFY(r.payloadsMatch);
        QCOMPARE(r.recovery.damagedRegions, 1);
        QCOMPARE(r.recovery.bytesSkipped, JournalScan::SegmentHeaderBytes);
        QCOMPARE(r.recovery.eventsLost, 0);
        QCOMPARE(r.recovery.recoveredAfterDamage, 10);
    }

    // A segment in a newer format than this build knows refuses the start, unchanged.
    void newerSegmentFormatIsRefused()
    {
        QTemporaryDir dir;
        const QString segment = writeJournal(dir.path(), 3).first();
        QByteArray data = readAll(segment);
        qToLittleEndian<quint32>(JournalScan::SegmentVersion + 1, data.data() + 4);
        writeAll(segment, data);
        const Replayed r = reopen(dir.path());
        QVERIFY2(r.error.contains(QStringLiteral("newer")), qPrintable(r.error));
        QVERIFY(r.seqs.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QFileInfo(segment).fileName()});
        QCOMPARE(readAll(segment), data);
    }
};

QTEST_GUILESS_MAIN(TestJournalRecovery)
#include "tst_journalrecovery.moc"
