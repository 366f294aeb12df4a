// The desktop app's built-in server connector: one start at a time on a data directory
// that the running instance locks, and an abandoned start releases the lock.
#include "app/embeddedconnector.h"
#include "httpclient.h"
#include "ui/widgets/connectiondialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
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

    // A port the user chose is used or refused with a clear message, never swapped for a
    // free one (their snippets name it); choosing another port for the running server
    // moves it there.
    void aChosenPortIsUsedOrRefused()
    {
        QTemporaryDir dir;
        App::EmbeddedConnector connector(dir.path());
        QSignalSpy connected(&connector, &Gui::ServerConnector::connected);
        QSignalSpy failed(&connector, &Gui::ServerConnector::connectionFailed);
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        Gui::ConnectionTarget target;
        target.embeddedPort = squatter.serverPort();
        connector.connectTo(target);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20'000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QString::number(squatter.serverPort())) &&
                     message.contains(QLatin1String("in use")),
                 qPrintable(message));
        QVERIFY(connected.isEmpty());
        squatter.close();

        connector.connectTo(embedded()); // the remembered (or default) port, or a free one
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 20'000);
        const quint16 first = quint16(connected.first().first().toUrl().port());
        QCOMPARE(connector.builtInPort(), first);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        target.embeddedPort = probe.serverPort();
        probe.close();
        connector.connectTo(target);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20'000);
        QCOMPARE(quint16(connected.at(1).first().toUrl().port()), target.embeddedPort);
        QCOMPARE(connector.builtInPort(), target.embeddedPort);
        QCOMPARE(httpRequest(target.embeddedPort, "GET", "/healthz").status, 200);
        QCOMPARE(httpRequest(first, "GET", "/healthz").status, 0); // nobody listens there now
        QVERIFY(failed.size() == 1);
        // Remembered for the next launch.
        QFile remembered(dir.filePath(QStringLiteral("embedded-port")));
        QVERIFY(remembered.open(QIODevice::ReadOnly));
        QCOMPARE(remembered.readAll().trimmed().toUInt(), uint(target.embeddedPort));
    }

    // The connection dialog shows the built-in server's port; only a changed port is a
    // choice, ports below 1024 are refused, and the note says what a change means.
    void theConnectionDialogChoosesThePort()
    {
        Gui::ConnectionTarget current;
        current.embeddedPort = 8931;
        Gui::ConnectionDialog dialog(current);
        dialog.show();
        auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("embeddedPort"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("embeddedPortNote"));
        QVERIFY(port && note);
        QCOMPARE(port->value(), 8931);
        QVERIFY(port->isEnabled());
        QCOMPARE(dialog.target().embeddedPort, quint16(0)); // unchanged: the remembered one
        QVERIFY(note->text().contains(QLatin1String("http://127.0.0.1:8931")));
        port->setValue(9100);
        QCOMPARE(dialog.target().embeddedPort, quint16(9100));
        QVERIFY2(note->text().contains(QLatin1String("8931")) && note->text().contains(QLatin1String("9100")),
                 qPrintable(note->text()));
        port->setValue(80);
        QVERIFY(note->text().contains(QLatin1String("1024")));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(dialog.isVisible()); // refused
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        port->setValue(9100);
        dialog.findChild<QRadioButton *>(QStringLiteral("remoteServer"))->setChecked(true);
        QVERIFY(!port->isEnabled());
        QVERIFY(note->isHidden());
        dialog.findChild<QRadioButton *>(QStringLiteral("embeddedServer"))->setChecked(true);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.target().embeddedPort, quint16(9100));
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
