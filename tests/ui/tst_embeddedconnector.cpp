// The desktop app's built-in server connector: one start at a time on a data directory
// that the running instance locks, and an abandoned start releases the lock.
#include "app/embeddedconnector.h"
#include "httpclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

class TestEmbeddedConnector : public QObject
{
    Q_OBJECT
    static Gui::ConnectionTarget embedded() { return {}; }
    static Gui::ConnectionTarget remote() { return {false, QUrl(QStringLiteral("http://127.0.0.1:9"))}; }

private slots:
    // Choosing the built-in server again while it is starting must not start a second
    // instance (the data directory's lock would refuse it, naming our own PID).
    void connectingTwiceWhileStartingStartsOnce()
    {
        QTemporaryDir dir;
        App::EmbeddedConnector connector(dir.path());
        QSignalSpy connected(&connector, &Gui::ServerConnector::connected);
        QSignalSpy failed(&connector, &Gui::ServerConnector::connectionFailed);
        connector.connectTo(embedded());
        connector.connectTo(embedded());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20'000);
        QTest::qWait(300);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(connected.size(), 1);
        const QUrl url = connected.first().first().toUrl();
        QCOMPARE(httpRequest(quint16(url.port()), "GET", "/healthz").status, 200);
        // Asked again once running: the same server is announced.
        connector.connectTo(embedded());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
        QCOMPARE(connected.at(1).first().toUrl(), url);
        QVERIFY(failed.isEmpty());
    }

    // The built-in server keeps its port across launches, so snippets made for it keep
    // working; when someone else holds that port it takes a free one and keeps that.
    void thePortIsStableAcrossLaunches()
    {
        QTemporaryDir dir;
        auto launch = [&](quint16 *port) {
            App::EmbeddedConnector connector(dir.path());
            QSignalSpy connected(&connector, &Gui::ServerConnector::connected);
            QSignalSpy failed(&connector, &Gui::ServerConnector::connectionFailed);
            connector.connectTo(embedded());
            QTRY_COMPARE_WITH_TIMEOUT(connected.size() + failed.size(), 1, 20'000);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
            *port = quint16(connected.first().first().toUrl().port());
            QCOMPARE(httpRequest(*port, "GET", "/healthz").status, 200);
        };
        quint16 first = 0;
        launch(&first);
        QVERIFY(first > 0);
        QFile remembered(dir.filePath(QStringLiteral("embedded-port")));
        QVERIFY(remembered.open(QIODevice::ReadOnly));
        QCOMPARE(remembered.readAll().trimmed().toUInt(), uint(first));
        remembered.close();
        quint16 second = 0;
        launch(&second);
        QCOMPARE(second, first);
        // Someone else took it: a free port, remembered from then on.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, first));
        quint16 third = 0;
        launch(&third);
        QVERIFY(third != first);
        squatter.close();
        quint16 fourth = 0;
        launch(&fourth);
        QCOMPARE(fourth, third);
        // A chosen port wins over the remembered one.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 chosen = probe.serverPort();
        probe.close();
        App::EmbeddedConnector connector(dir.path());
        QSignalSpy connected(&connector, &Gui::ServerConnector::connected);
        Gui::ConnectionTarget target;
        target.embeddedPort = chosen;
        connector.connectTo(target);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20'000);
        QCOMPARE(quint16(connected.first().first().toUrl().port()), chosen);
    }

    // Switching to a remote server while the built-in one is starting abandons that start;
    // the instance must stop and release the data directory.
    void abandonedStartReleasesTheDataDirectory()
    {
        QTemporaryDir dir;
        App::EmbeddedConnector connector(dir.path());
        QSignalSpy connected(&connector, &Gui::ServerConnector::connected);
        QSignalSpy failed(&connector, &Gui::ServerConnector::connectionFailed);
        connector.connectTo(embedded());
        connector.connectTo(remote());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 5000);
        QCOMPARE(connected.first().at(2).toString(), QStringLiteral("http://127.0.0.1:9"));
        QTest::qWait(300);
        QCOMPARE(connected.size(), 1); // the abandoned start announced nothing
        connector.connectTo(embedded());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20'000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(connected.at(1).at(2).toString(), QStringLiteral("embedded"));
    }

    // Closing the app while its server starts leaves the data directory free.
    void destroyedWhileStartingReleasesTheDataDirectory()
    {
        QTemporaryDir dir;
        {
            App::EmbeddedConnector connector(dir.path());
            connector.connectTo(embedded());
        }
        App::EmbeddedConnector again(dir.path());
        QSignalSpy connected(&again, &Gui::ServerConnector::connected);
        QSignalSpy failed(&again, &Gui::ServerConnector::connectionFailed);
        again.connectTo(embedded());
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 20'000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    }
};

QTEST_MAIN(TestEmbeddedConnector)
#include "tst_embeddedconnector.moc"
