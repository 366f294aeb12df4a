// CountryLookup against a country database written by the tests (MaxMind's own format,
// through Debian's libmaxmind-db-writer-perl): IPv4, IPv6, IPv4-mapped IPv6, the
// registered-country fallback, unknown and malformed addresses, files that are no
// country database.
#include "core/ingest/countrylookup.h"

#include "countrydb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Core;

class TestCountryLookup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QString error;
        m_path = TestSupport::writeCountryDatabase(m_dir.path(), &error);
        QVERIFY2(!m_path.isEmpty(), qPrintable(error));
    }

    void countries_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("country");
        QTest::newRow("IPv4") << "198.51.100.7" << "DE";
        QTest::newRow("IPv4, network edge") << "198.51.100.255" << "DE";
        QTest::newRow("IPv4, next network") << "198.51.101.0" << "XX";
        QTest::newRow("another country") << "203.0.113.200" << "US";
        QTest::newRow("IPv6") << "2001:db8:1::42" << "FR";
        QTest::newRow("IPv4-mapped IPv6") << "::ffff:198.51.100.7" << "DE";
        QTest::newRow("registered country only") << "192.0.2.1" << "JP";
        QTest::newRow("loopback") << "127.0.0.1" << "XX";
        QTest::newRow("not in the database") << "2a00:1450::1" << "XX";
        QTest::newRow("empty") << "" << "XX";
        QTest::newRow("a host name is not looked up") << "localhost" << "XX";
        QTest::newRow("garbage") << "198.51.100.7; DROP" << "XX";
        QTest::newRow("non-Latin-1") << "198.51.100.\u0663" << "XX";
    }
    void countries()
    {
        QFETCH(QString, address);
        QFETCH(QString, country);
        QString error;
        const auto lookup = CountryLookup::open(m_path, &error);
        QVERIFY2(lookup, qPrintable(error));
        QCOMPARE(lookup->countryOf(address), country);
        QVERIFY(lookup->description().startsWith(QLatin1String("GeoLite2-Country, built ")));
    }

    void badFilesAreRefusedWithAReason()
    {
        QString error;
        QVERIFY(!CountryLookup::open(m_dir.filePath(QStringLiteral("missing.mmdb")), &error));
        QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));

        const QString text = m_dir.filePath(QStringLiteral("text.mmdb"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database\n");
        f.close();
        QVERIFY(!CountryLookup::open(text, &error));
        QVERIFY2(error.contains(QLatin1String("is not a MaxMind DB file")), qPrintable(error));

        // A cut-off copy of a real one.
        QFile real(m_path);
        QVERIFY(real.open(QIODevice::ReadOnly));
        const QByteArray bytes = real.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.mmdb"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.first(bytes.size() / 2));
        c.close();
        QVERIFY(!CountryLookup::open(cut, &error));

        QVERIFY(!CountryLookup::open(m_dir.path(), &error)); // a directory
        QVERIFY2(error.contains(QLatin1String("not a readable file")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCountryLookup)
#include "tst_countrylookup.moc"
