// The ingest journal (sequence numbers, recovery after a torn write, segment release)
// and the visitor sketch (exact while small, bounded error when large, mergeable).
#include "core/analytics/visitorsketch.h"
#include "core/crypto/crc32.h"
#include "core/ingest/eventjournal.h"
#include "core/storage/storageerror.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QTest>

using namespace Core;

namespace {
// Bit at a time, straight from the definition (reflected, polynomial 0xEDB88320).
quint32 bitwiseCrc32(QByteArrayView data)
{
    quint32 c = 0xFFFFFFFFU;
    for (const char byte : data) {
        c ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
    }
    return ~c;
}

QList<QPair<quint64, QByteArray>> reopen(const QString &dir, quint64 committed,
                                         EventJournal::Options options = {})
{
    options.directory = dir;
    EventJournal j(options);
    QList<QPair<quint64, QByteArray>> out;
    const auto error = j.open(committed, [&](quint64 seq, const QByteArray &p) { out.append({seq, p}); });
    if (error)
        qWarning("%s", qPrintable(*error));
    return out;
}
} // namespace

class TestEventJournal : public QObject
{
    Q_OBJECT
private slots:
    void crc32KnownVectors()
    {
        QCOMPARE(Crc32::of(""), 0x00000000U);
        QCOMPARE(Crc32::of("a"), 0xE8B7BE43U);
        QCOMPARE(Crc32::of("abc"), 0x352441C2U);
        QCOMPARE(Crc32::of("123456789"), 0xCBF43926U);
        QCOMPARE(Crc32::of("The quick brown fox jumps over the lazy dog"), 0x414FA339U);
        QCOMPARE(Crc32::of(QByteArray(32, '\0')), 0x190A55ADU);
        QCOMPARE(Crc32::of(QByteArray(32, '\xff')), 0xFF6CAB0BU);
    }

    void crc32MatchesTheDefinitionAtEveryLengthAndSplit()
    {
        QByteArray data;
        for (int i = 0; i < 300; ++i)
            data.append(char((i * 151 + 7) ^ (i >> 3)));
        for (qsizetype n = 0; n <= data.size(); ++n) {
            const QByteArrayView prefix = QByteArrayView(data).first(n);
            const quint32 expected = bitwiseCrc32(prefix);
            QCOMPARE(Crc32::of(prefix), expected);
            // Unaligned starts and chaining at any split give the same value.
            const qsizetype split = n / 3;
            QCOMPARE(Crc32::update(Crc32::update(0, prefix.data(), split), prefix.data() + split, n - split),
                     expected);
        }
        QCOMPARE(Crc32::of(QByteArrayView(data).sliced(3)), bitwiseCrc32(QByteArrayView(data).sliced(3)));
    }

    // The on-disk record format is fixed: a journal written by an earlier build replays.
    void recordFormatIsStable()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            j.append({"hello"});
        }
        const QString name = QDir(dir.path()).entryList({QStringLiteral("*.zvj")}).first();
        QFile f(QDir(dir.path()).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        // Segment header: magic "ZVJS", format 2, a random nonce; then the record: magic
        // "ZVJ1", length 5, seq 1, CRC-32 of nonce + seq bytes + payload (zlib.crc32), payload.
        const QByteArray data = f.readAll();
        QCOMPARE(data.size(), 16 + 20 + 5);
        QCOMPARE(data.left(8).toHex(), QByteArray("5a564a5302000000"));
        QCOMPARE(data.mid(16, 16).toHex(), QByteArray("5a564a31050000000100000000000000"));
        QCOMPARE(qFromLittleEndian<quint32>(data.constData() + 32),
                 bitwiseCrc32(QByteArray(data.mid(8, 8) + data.mid(24, 8) + QByteArray("hello"))));
        QCOMPARE(data.mid(36), QByteArray("hello"));

        // A segment as an earlier build wrote it (format 1: no header; two records, seq 7
        // and 8; CRC-32 of seq bytes + payload) replays.
        QTemporaryDir old;
        QFile seg(QDir(old.path()).filePath(QStringLiteral("journal-00000000000000000007.zvj")));
        QVERIFY(seg.open(QIODevice::WriteOnly));
        QByteArray bytes;
        for (const auto &[seq, payload] : {qMakePair(quint64(7), QByteArray("first event payload")),
                                           qMakePair(quint64(8), QByteArray(1000, 'x'))}) {
            QByteArray header(20, '\0');
            qToLittleEndian<quint32>(0x314A565AU, header.data());
            qToLittleEndian<quint32>(quint32(payload.size()), header.data() + 4);
            qToLittleEndian<quint64>(seq, header.data() + 8);
            qToLittleEndian<quint32>(bitwiseCrc32(QByteArray(header.mid(8, 8) + payload)),
                                     header.data() + 16);
            bytes += header + payload;
        }
        seg.write(bytes);
        seg.close();
        const auto all = reopen(old.path(), 0);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0], qMakePair(quint64(7), QByteArray("first event payload")));
        QCOMPARE(all[1], qMakePair(quint64(8), QByteArray(1000, 'x')));
    }

    void appendAndReplayAfterCommittedSeq()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            QCOMPARE(j.append({"a", "b"}), quint64(1));
            QCOMPARE(j.append({"c"}), quint64(3));
            QCOMPARE(j.lastSeq(), quint64(3));
        } // no close(): like a crash after write() returned
        const auto all = reopen(dir.path(), 0);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[2], qMakePair(quint64(3), QByteArray("c")));
        const auto after = reopen(dir.path(), 2);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after[0].first, quint64(3));
        // Sequence numbers continue across restarts.
        EventJournal j({dir.path()});
        QVERIFY(!j.open(3, {}));
        QCOMPARE(j.append({"d"}), quint64(4));
    }

    void tornTailIsIgnoredAndLaterAppendsStayReadable()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            j.append({"one", "two"});
        }
        // A process killed inside write(2): half a record at the end of the segment.
        const QStringList files = QDir(dir.path()).entryList({QStringLiteral("journal-*.zvj")});
        QCOMPARE(files.size(), 1);
        QFile f(QDir(dir.path()).filePath(files.first()));
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray::fromHex("5a564a31ff000000"));
        f.close();
        {
            EventJournal j({dir.path()});
            QList<QByteArray> seen;
            QVERIFY(!j.open(0, [&](quint64, const QByteArray &p) { seen.append(p); }));
            QCOMPARE(seen, (QList<QByteArray>{"one", "two"}));
            QCOMPARE(j.append({"three"}), quint64(3));
        }
        const auto all = reopen(dir.path(), 0);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.last(), qMakePair(quint64(3), QByteArray("three")));
    }

    void corruptRecordIsNotReplayed()
    {
        QTemporaryDir dir;
        {
            EventJournal j({dir.path()});
            QVERIFY(!j.open(0, {}));
            j.append({"payload-x"});
        }
        const QString path =
            QDir(dir.path()).filePath(QDir(dir.path()).entryList({QStringLiteral("*.zvj")}).first());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray data = f.readAll();
        data[data.size() - 1] = 'y'; // flips the payload: the CRC no longer matches
        f.seek(0);
        f.write(data);
        f.close();
        QVERIFY(reopen(dir.path(), 0).isEmpty());
    }

    void appliedSegmentsAreReleased()
    {
        QTemporaryDir dir;
        EventJournal j({dir.path(), 64});
        QVERIFY(!j.open(0, {}));
        for (int i = 0; i < 10; ++i)
            j.append({QByteArray(50, char(0x61 + i))}); // each record (70 bytes) fills a segment
        QVERIFY(j.segmentCount() >= 9);
        j.releaseUpTo(5);
        QVERIFY(j.segmentCount() <= 6);
        const auto rest = reopen(dir.path(), 5);
        QCOMPARE(rest.size(), 5);
        QCOMPARE(rest.first().first, quint64(6));
        j.releaseUpTo(10);
        QCOMPARE(j.segmentCount(), 1); // the current one stays
    }

    void appendOnClosedJournalThrows()
    {
        QTemporaryDir dir;
        EventJournal j({dir.path()});
        QVERIFY_THROWS_EXCEPTION(StorageError, j.append({"x"}));
    }

    void sketchExactWhileSparse()
    {
        VisitorSketch a, b;
        for (int i = 0; i < 600; ++i)
            a.add(VisitorSketch::hashOf(QByteArray::number(i)));
        for (int i = 300; i < 1000; ++i)
            b.add(VisitorSketch::hashOf(QByteArray::number(i)));
        QVERIFY(!a.add(VisitorSketch::hashOf("5"))); // already there
        QCOMPARE(a.estimate(), 600);
        a.merge(b);
        QVERIFY(a.isExact());
        QCOMPARE(a.estimate(), 1000);
        const VisitorSketch back = VisitorSketch::fromBytes(a.toBytes());
        QCOMPARE(back.estimate(), 1000);
    }

    void sketchErrorIsBoundedWhenDense()
    {
        VisitorSketch total;
        for (int day = 0; day < 5; ++day) {
            VisitorSketch s;
            for (int i = 0; i < 40'000; ++i)
                s.add(VisitorSketch::hashOf(QByteArray::number(day * 20'000 + i))); // days overlap by half
            total.merge(VisitorSketch::fromBytes(s.toBytes()));
        }
        QVERIFY(!total.isExact());
        const double truth = 120'000; // distinct ids 0 .. 119999
        const double error = std::abs(double(total.estimate()) - truth) / truth;
        QVERIFY2(error < 0.03, qPrintable(QString::number(total.estimate())));
        VisitorSketch small;
        for (int i = 0; i < 2000; ++i)
            small.add(VisitorSketch::hashOf(QByteArray::number(i)));
        QVERIFY(std::abs(small.estimate() - 2000) < 60); // linear counting range
    }
};

QTEST_GUILESS_MAIN(TestEventJournal)
#include "tst_eventjournal.moc"
