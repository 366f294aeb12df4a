// Who a request is from behind reverse proxies (server/http/clientaddress.*,
// api-contract section 7): trusted_proxies, X-Forwarded-For, RFC 7239 Forwarded,
// X-Forwarded-Proto / X-Forwarded-Host.
#include "server/http/clientaddress.h"

#include <QTest>

using Server::AddressRanges;

namespace {
AddressRanges proxies(const char *text)
{
    const auto p = AddressRanges::parse(QString::fromLatin1(text));
    Q_ASSERT(p);
    return *p;
}

QString clientOf(const char *peer, const AddressRanges &trusted, const char *xff, const char *forwarded = "")
{
    return Server::resolveClient(QHostAddress(QString::fromLatin1(peer)), trusted, xff, forwarded, "", "")
        .address.toString();
}
} // namespace

class TestClientAddress : public QObject
{
    Q_OBJECT
private slots:
    void trustedProxiesParse()
    {
        const AddressRanges d = AddressRanges::defaults();
        QVERIFY(d.contains(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(d.contains(QHostAddress(QStringLiteral("127.255.0.9"))));
        QVERIFY(d.contains(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(d.contains(QHostAddress(QStringLiteral("::ffff:127.0.0.1")))); // mapped counts as IPv4
        QVERIFY(!d.contains(QHostAddress(QStringLiteral("10.0.0.1"))));
        const AddressRanges p = proxies(" 10.0.0.0/8 ,fd00::/8, 192.0.2.7 ");
        QVERIFY(p.contains(QHostAddress(QStringLiteral("10.200.3.4"))));
        QVERIFY(p.contains(QHostAddress(QStringLiteral("fd12::1"))));
        QVERIFY(p.contains(QHostAddress(QStringLiteral("192.0.2.7"))));
        QVERIFY(!p.contains(QHostAddress(QStringLiteral("192.0.2.8"))));
        QVERIFY(!p.contains(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(AddressRanges::parse(QString())->isEmpty());
        QString error;
        QVERIFY(!AddressRanges::parse(QStringLiteral("10.0.0.0/8, proxy.local"), &error));
        QVERIFY2(error.contains(QLatin1String("proxy.local")), qPrintable(error));
        QVERIFY(!AddressRanges::parse(QStringLiteral("10.0.0.0/33")));
        QVERIFY(!AddressRanges::parse(QStringLiteral("fe80::1%eth0")));
    }

    void forwardedAddresses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("address"); // empty: refused
        QTest::newRow("ipv4") << QByteArray("203.0.113.9") << QStringLiteral("203.0.113.9");
        QTest::newRow("ipv4 port") << QByteArray(" 203.0.113.9:443 ") << QStringLiteral("203.0.113.9");
        QTest::newRow("ipv6") << QByteArray("2001:db8::1") << QStringLiteral("2001:db8::1");
        QTest::newRow("ipv6 brackets") << QByteArray("[2001:db8::1]") << QStringLiteral("2001:db8::1");
        QTest::newRow("ipv6 port") << QByteArray("\"[2001:db8::1]:4711\"") << QStringLiteral("2001:db8::1");
        QTest::newRow("mapped") << QByteArray("::ffff:198.51.100.1") << QStringLiteral("198.51.100.1");
        QTest::newRow("shorthand") << QByteArray("127.1") << QString();
        QTest::newRow("leading zero") << QByteArray("010.0.0.1") << QString();
        QTest::newRow("octet") << QByteArray("1.2.3.256") << QString();
        QTest::newRow("port too big") << QByteArray("1.2.3.4:65536") << QString();
        QTest::newRow("empty port") << QByteArray("1.2.3.4:") << QString();
        QTest::newRow("zone") << QByteArray("fe80::1%eth0") << QString();
        QTest::newRow("name") << QByteArray("proxy.local") << QString();
        QTest::newRow("unknown") << QByteArray("unknown") << QString();
        QTest::newRow("obfuscated") << QByteArray("_hidden") << QString();
        QTest::newRow("unclosed bracket") << QByteArray("[2001:db8::1") << QString();
        QTest::newRow("empty") << QByteArray("") << QString();
    }
    void forwardedAddresses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, address);
        const auto parsed = Server::parseForwardedAddress(text);
        QCOMPARE(parsed ? parsed->toString() : QString(), address);
    }

    void rightMostUntrustedOfXForwardedFor()
    {
        const AddressRanges t = proxies("127.0.0.1, 10.0.0.0/8");
        // the client forged the first entry; nginx appended the real one
        QCOMPARE(clientOf("127.0.0.1", t, "6.6.6.6, 203.0.113.9"), QStringLiteral("203.0.113.9"));
        // a chain of trusted proxies is skipped from the right
        QCOMPARE(clientOf("127.0.0.1", t, "203.0.113.9, 10.1.1.1, 10.2.2.2"), QStringLiteral("203.0.113.9"));
        // every entry trusted: the left-most
        QCOMPARE(clientOf("127.0.0.1", t, "10.1.1.1, 10.2.2.2"), QStringLiteral("10.1.1.1"));
        // split over two field lines, joined in order
        QCOMPARE(clientOf("127.0.0.1", t, "6.6.6.6, 198.51.100.2, 10.0.0.5"), QStringLiteral("198.51.100.2"));
        // IPv6 clients
        QCOMPARE(clientOf("::ffff:127.0.0.1", t, "2001:db8::7"), QStringLiteral("2001:db8::7"));
    }

    void untrustedPeersAreTheClient()
    {
        const AddressRanges t = proxies("127.0.0.1");
        QCOMPARE(clientOf("192.0.2.50", t, "203.0.113.9"), QStringLiteral("192.0.2.50"));
        QCOMPARE(clientOf("192.0.2.50", t, "", "for=203.0.113.9"), QStringLiteral("192.0.2.50"));
        QCOMPARE(clientOf("127.0.0.1", AddressRanges(), "203.0.113.9"), QStringLiteral("127.0.0.1"));
        const auto o = Server::resolveClient(QHostAddress(QStringLiteral("192.0.2.50")), t, "", "", "https",
                                             "evil.example");
        QCOMPARE(o.scheme, QByteArray("http"));
        QVERIFY(o.host.isEmpty());
        QVERIFY(!o.forwarded);
    }

    void malformedHeadersLeaveThePeer()
    {
        const AddressRanges t = proxies("127.0.0.1");
        QCOMPARE(clientOf("127.0.0.1", t, "203.0.113.9, garbage"), QStringLiteral("127.0.0.1"));
        // only the hops up to the client are read: junk the client put on the left is not
        QCOMPARE(clientOf("127.0.0.1", t, ", 203.0.113.9"), QStringLiteral("203.0.113.9"));
        QCOMPARE(clientOf("127.0.0.1", t, "unknown, <script>, 203.0.113.9"), QStringLiteral("203.0.113.9"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=\"[bad, for=203.0.113.9"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=_hidden, for=203.0.113.9"), QStringLiteral("203.0.113.9"));
        QCOMPARE(clientOf("127.0.0.1", t, "203.0.113.9, unknown"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "unknown"), QStringLiteral("127.0.0.1"));
        // a malformed X-Forwarded-For is not replaced by Forwarded
        QCOMPARE(clientOf("127.0.0.1", t, "nonsense", "for=203.0.113.9"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=unknown"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=\"203.0.113.9"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "proto=https"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=1.2.3.4;for=5.6.7.8"), QStringLiteral("127.0.0.1"));
    }

    void rfc7239Forwarded()
    {
        const AddressRanges t = proxies("127.0.0.1, 10.0.0.0/8");
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=192.0.2.60;proto=http;by=203.0.113.43"),
                 QStringLiteral("192.0.2.60"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=6.6.6.6, For=\"[2001:db8:cafe::17]:4711\", for=10.0.0.2"),
                 QStringLiteral("2001:db8:cafe::17"));
        QCOMPARE(clientOf("127.0.0.1", t, "", "for=\"198.51.100.17\";host=\"a;b,c\""),
                 QStringLiteral("198.51.100.17"));
        // X-Forwarded-For, when present, is the one read
        QCOMPARE(clientOf("127.0.0.1", t, "203.0.113.1", "for=198.51.100.17"), QStringLiteral("203.0.113.1"));
    }

    void schemeAndHostFromTrustedPeers()
    {
        const AddressRanges t = proxies("127.0.0.1");
        const QHostAddress peer(QStringLiteral("127.0.0.1"));
        auto o = Server::resolveClient(peer, t, "203.0.113.9", "", "https", "stats.example.com");
        QCOMPARE(o.scheme, QByteArray("https"));
        QCOMPARE(o.host, QByteArray("stats.example.com"));
        QVERIFY(o.forwarded);
        o = Server::resolveClient(peer, t, "", "", "HTTPS, http", "stats.example.com:8443, inner");
        QCOMPARE(o.scheme, QByteArray("https"));
        QCOMPARE(o.host, QByteArray("stats.example.com:8443"));
        o = Server::resolveClient(peer, t, "", "", "gopher", "bad host/path");
        QCOMPARE(o.scheme, QByteArray("http"));
        QVERIFY(o.host.isEmpty());
        QCOMPARE(o.address.toString(), QStringLiteral("127.0.0.1"));
    }

    void clientKeysGroupIPv6Slash64()
    {
        QCOMPARE(Server::clientAddressKey(QHostAddress(QStringLiteral("2001:db8:1:2::1"))),
                 Server::clientAddressKey(QHostAddress(QStringLiteral("2001:db8:1:2:ffff::9"))));
        QVERIFY(Server::clientAddressKey(QHostAddress(QStringLiteral("2001:db8:1:2::1"))) !=
                Server::clientAddressKey(QHostAddress(QStringLiteral("2001:db8:1:3::1"))));
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
