// AddressList: the excluded addresses of a website, parsed, made canonical and matched.
#include "core/websites/addresslist.h"

#include <QTest>

using namespace Core;

class TestAddressList : public QObject
{
    Q_OBJECT
private slots:
    void canonicalForm()
    {
        QString error;
        const auto list = AddressList::parse({QStringLiteral(" 203.0.113.7 "), QStringLiteral("10.9.8.7/8"),
                                              QStringLiteral("2001:DB8:0:0::/32"), QStringLiteral("::ffff:192.0.2.1"),
                                              QString(), QStringLiteral("10.0.0.0/8"), QStringLiteral("::1/128")},
                                             &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->entries(), (QStringList{QStringLiteral("203.0.113.7"), QStringLiteral("10.0.0.0/8"),
                                               QStringLiteral("2001:db8::/32"), QStringLiteral("192.0.2.1"),
                                               QStringLiteral("::1")}));
        QCOMPARE(AddressList::fromText(list->toText())->entries(), list->entries());
        QVERIFY(AddressList::fromText(QString())->isEmpty());
    }

    void badEntriesAreNamed_data()
    {
        QTest::addColumn<QString>("entry");
        for (const char *bad : {"10.0.0.0/33", "2001:db8::/129", "my office", "1.2.3.4/", "/8", "1.2.3.4/-1",
                                "1.2.3.4/+8", "1.2.3.4/08x", "fe80::1%eth0", "1.2.3", "256.1.1.1", "1.2.3.4/8/8"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void badEntriesAreNamed()
    {
        QFETCH(QString, entry);
        QString error;
        QVERIFY(!AddressList::parse({QStringLiteral("192.0.2.1"), entry}, &error));
        QVERIFY2(error.contains(u'\'' + entry + u'\''), qPrintable(error));
    }

    void atMostMaxEntries()
    {
        QStringList many;
        for (int i = 0; i <= AddressList::MaxEntries; ++i)
            many << QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
        QString error;
        QVERIFY(!AddressList::parse(many, &error));
        QVERIFY(error.contains(QLatin1String("at most 100")));
        many.removeLast();
        QVERIFY(AddressList::parse(many, &error));
    }

    void matching_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("excluded");
        QTest::newRow("exact") << "203.0.113.7" << true;
        QTest::newRow("next address") << "203.0.113.8" << false;
        QTest::newRow("in /8") << "10.255.0.1" << true;
        QTest::newRow("outside /8") << "11.0.0.1" << false;
        QTest::newRow("mapped IPv4 in /8") << "::ffff:10.1.1.1" << true;
        QTest::newRow("in /33, last bit of the prefix 0") << "2001:db8:7fff::1" << true;
        QTest::newRow("outside /33, last bit of the prefix 1") << "2001:db8:8000::1" << false;
        QTest::newRow("another /32") << "2001:db9::1" << false;
        QTest::newRow("IPv4 is not the IPv6 ::a.b.c.d") << "::10.1.1.1" << false;
        QTest::newRow("not an address") << "10.1.1.1x" << false;
        QTest::newRow("empty") << "" << false;
    }
    void matching()
    {
        QFETCH(QString, address);
        QFETCH(bool, excluded);
        const auto list = AddressList::parse(
            {QStringLiteral("203.0.113.7"), QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/33")}, nullptr);
        QVERIFY(list);
        QCOMPARE(list->contains(address), excluded);
        QVERIFY(!AddressList().contains(address));
    }
};

QTEST_GUILESS_MAIN(TestAddressList)
#include "tst_addresslist.moc"
