// The data directory against the real binary (issue 11): one process at a time (a second
// one is refused at once, names the holder's PID and changes nothing; a dead holder's lock
// is taken over).
#include "adminclient.h"
#include "serverprocess.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
// Every file under dir (the lock file too unless skipped): size, mtime and content.
QMap<QString, QByteArray> snapshot(const QString &dir, bool withLockFile = true)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString name = QDir(dir).relativeFilePath(info.filePath());
        if (!withLockFile && name == QLatin1String("zenovay.lock"))
            continue;
        QByteArray state = QByteArray::number(info.size()) + ' ' +
                           QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ' ';
        QFile f(info.filePath());
        if (info.isFile() && f.open(QIODevice::ReadOnly))
            state += QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        out.insert(name, state);
    }
    return out;
}

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString stdoutText;
    QString stderrText;
};

// Runs zenovay-server on dir until it exits by itself (at most 10 s; a server that
// starts serving instead is stopped and reported as not finished).
Run runOn(const QString &dir)
{
    QProcess p;
    p.start(ServerProcess::binary(),
            {QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    Run out;
    out.finished = p.waitForFinished(10'000);
    if (!out.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    out.stdoutText = QString::fromUtf8(p.readAllStandardOutput());
    out.stderrText = QString::fromUtf8(p.readAllStandardError());
    return out;
}

} // namespace

class TestDataDir : public QObject
{
    Q_OBJECT
private slots:
    void secondProcessIsRefusedAndChangesNothing()
    {
        ServerProcess first;
        QVERIFY2(first.start(), qPrintable(first.errors()));
        const QString dir = first.dataDir();
        const auto before = snapshot(dir);

        const Run second = runOn(dir);
        QVERIFY2(second.finished, "a second process started on a data directory in use");
        QVERIFY(second.exitCode != 0);
        QVERIFY2(second.stderrText.contains(QStringLiteral("PID %1").arg(first.pid())),
                 qPrintable(second.stderrText));
        QVERIFY2(second.stderrText.contains(QStringLiteral("in use")), qPrintable(second.stderrText));
        QCOMPARE(snapshot(dir), before);
        QCOMPARE(httpRequest(first.port(), "GET", "/healthz").status, 200);

        // The holder dies without cleaning up: its lock goes with it.
        first.kill();
        ServerProcess next;
        QVERIFY2(next.start({QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0")},
                            false),
                 qPrintable(next.errors()));
        QCOMPARE(httpRequest(next.port(), "GET", "/healthz").status, 200);
        QFile lock(dir + QStringLiteral("/zenovay.lock"));
        QVERIFY(lock.open(QIODevice::ReadOnly));
        QCOMPARE(lock.readLine().trimmed().toLongLong(), next.pid());
        QCOMPARE(next.terminate(), 0);
    }

    // The desktop app's embedded server goes through the same ServerInstance::start().
    void secondInstanceInOneProcessIsRefused()
    {
        TestServer first;
        QVERIFY2(first.isRunning(), qPrintable(first.startError()));
        TestServer second([&](Server::ServerConfig &c) { c.dataDir = first.dataDir(); });
        QVERIFY(!second.isRunning());
        QVERIFY2(
            second.startError().contains(QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
            qPrintable(second.startError()));
        QCOMPARE(httpRequest(first.port(), "GET", "/healthz").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "tst_datadir.moc"
