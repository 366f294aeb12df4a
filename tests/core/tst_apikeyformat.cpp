#include "core/crypto/constanttime.h"
#include "core/keys/apikeyformat.h"

#include <QSet>
#include <QTest>

using namespace Core::ApiKeyFormat;

class TestApiKeyFormat : public QObject
{
    Q_OBJECT
private slots:
    void generatedKeysRoundTrip()
    {
        for (int i = 0; i < 200; ++i) {
            const GeneratedKey g = generate();
            const QByteArray key = g.key.toLatin1();
            QCOMPARE(key.size(), KeyLength);
            QVERIFY(key.startsWith("zv_"));
            QCOMPARE(check(key), Shape::Ok);
            QCOMPARE(g.prefix, g.key.left(11));
            QCOMPARE(prefixOf(key), g.prefix);
            QCOMPARE(g.hash, hash(key));
            QCOMPARE(g.hash.size(), 32);
        }
    }

    void keysAreUniqueAndUseTheWholeAlphabet()
    {
        QSet<QString> keys;
        QSet<QChar> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString k = generate().key;
            keys.insert(k);
            for (QChar c : k.mid(3, RandomLength))
                seen.insert(c);
        }
        QCOMPARE(keys.size(), 2000);
        QCOMPARE(seen.size(), 62); // 64,000 draws over 62 symbols: all appear
    }

    void malformedShapes_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("shape");
        const QByteArray good = generate().key.toLatin1();
        QTest::newRow("no prefix") << good.mid(3) << int(Shape::MissingPrefix);
        QTest::newRow("other prefix") << (QByteArray("zk_") + good.mid(3)) << int(Shape::MissingPrefix);
        QTest::newRow("guide's wrong example")
            << QByteArray("abc123_not_valid...") << int(Shape::MissingPrefix);
        QTest::newRow("upper-case prefix") << (QByteArray("ZV_") + good.mid(3)) << int(Shape::MissingPrefix);
        QTest::newRow("empty") << QByteArray() << int(Shape::MissingPrefix);
        QTest::newRow("prefix only") << QByteArray("zv_") << int(Shape::WrongLength);
        QTest::newRow("truncated") << good.left(KeyLength - 1) << int(Shape::WrongLength);
        QTest::newRow("one extra") << (good + "a") << int(Shape::WrongLength);
        QTest::newRow("guide's placeholder") << QByteArray("zv_xyz789abc...") << int(Shape::WrongLength);
        QByteArray dash = good;
        dash[10] = '-';
        QTest::newRow("dash") << dash << int(Shape::BadAlphabet);
        QByteArray space = good;
        space[20] = ' ';
        QTest::newRow("space") << space << int(Shape::BadAlphabet);
        QByteArray high = good;
        high[5] = char(0xC3);
        QTest::newRow("non-ascii") << high << int(Shape::BadAlphabet);
    }

    void malformedShapes()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, shape);
        QCOMPARE(int(check(key)), shape);
        QVERIFY(!isWellFormed(key));
    }

    void everySingleCharacterChangeIsCaught()
    {
        static const QByteArray alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        const QByteArray good = generate().key.toLatin1();
        int checked = 0;
        for (qsizetype pos = 3; pos < good.size(); ++pos) {
            for (char c : alphabet) {
                if (c == good[pos])
                    continue;
                QByteArray typo = good;
                typo[pos] = c;
                QCOMPARE(check(typo), Shape::BadChecksum);
                ++checked;
            }
        }
        QCOMPARE(checked, (KeyLength - 3) * 61);
        // Two swapped neighbours are a typo too.
        QByteArray swapped = good;
        for (qsizetype pos = 3; pos + 1 < good.size(); ++pos) {
            if (good[pos] == good[pos + 1])
                continue;
            swapped = good;
            std::swap(swapped[pos], swapped[pos + 1]);
            QCOMPARE(check(swapped), Shape::BadChecksum);
        }
    }

    // Keys handed out by earlier releases stay valid: the checksum is zlib's CRC-32 of the
    // random part in 6 base62 digits (vectors computed with Python's zlib.crc32).
    void checksumIsZlibCrc32()
    {
        QCOMPARE(check("zv_0123456789ABCDEFGHIJKLMNOPQRSTUV1ggZdL"), Shape::Ok);
        QCOMPARE(check("zv_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4W8LJS"), Shape::Ok);
        QCOMPARE(check("zv_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4W8LJT"), Shape::BadChecksum);
    }

    void constantTimeComparison()
    {
        QVERIFY(Core::ConstantTime::equals("abc", "abc"));
        QVERIFY(!Core::ConstantTime::equals("abc", "abd"));
        QVERIFY(!Core::ConstantTime::equals("abc", "ab"));
        QVERIFY(Core::ConstantTime::equals("", ""));
        const QByteArray h = hash("zv_x");
        QByteArray other = h;
        other[31] = char(other[31] ^ 1);
        QVERIFY(!Core::ConstantTime::equals(h, other));
    }
};

QTEST_GUILESS_MAIN(TestApiKeyFormat)
#include "tst_apikeyformat.moc"
