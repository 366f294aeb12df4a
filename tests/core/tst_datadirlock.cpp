// The data directory lock within one process (issue 11, review finding 6), over real files.
// On NFS, Linux emulates flock(2) with POSIX record locks, which belong to the process: a
// second descriptor in the same process gets the lock again, and closing either descriptor
// releases it. This test executable interposes flock() with exactly that emulation (the
// lock code is linked in statically, so its calls resolve here), so the in-process
// guarantee is checked as it would behave on NFS.
#include "core/storage/datadirlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" int flock(int fd, int operation)
{
    struct flock fl = {};
    fl.l_whence = SEEK_SET; // the whole file
    fl.l_type = (operation & LOCK_EX) ? F_WRLCK : (operation & LOCK_SH) ? F_RDLCK : F_UNLCK;
    if (::fcntl(fd, (operation & LOCK_NB) ? F_SETLK : F_SETLKW, &fl) == 0)
        return 0;
    if (errno == EACCES || errno == EAGAIN)
        errno = EWOULDBLOCK;
    return -1;
}

using namespace Core;

namespace {
// Whether another process is refused a POSIX lock on path (a forked child tries it).
bool lockedForOtherProcesses(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::open(native.constData(), O_RDWR | O_CLOEXEC);
        struct flock fl = {};
        fl.l_whence = SEEK_SET;
        fl.l_type = F_WRLCK;
        _exit(fd >= 0 && ::fcntl(fd, F_SETLK, &fl) != 0 && (errno == EACCES || errno == EAGAIN) ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}
} // namespace

class TestDataDirLock : public QObject
{
    Q_OBJECT
private slots:
    // The premise: under this emulation two descriptors of one process both get the lock.
    void emulationBehavesLikeNfs()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("f")));
        const int a = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        const int b = ::open(path.constData(), O_RDWR | O_CLOEXEC);
        QVERIFY(a >= 0 && b >= 0);
        QCOMPARE(::flock(a, LOCK_EX | LOCK_NB), 0);
        QCOMPARE(::flock(b, LOCK_EX | LOCK_NB), 0);
        ::close(a);
        ::close(b);
    }

    void secondHolderInOneProcessIsRefusedAndDoesNotReleaseTheFirst()
    {
        QTemporaryDir dir;
        DataDirLock first(dir.path());
        QVERIFY(!first.acquire());
        QVERIFY(first.isHeld());
        {
            DataDirLock second(dir.path());
            const auto refused = second.acquire();
            QVERIFY2(refused, "a second lock in the same process was granted");
            QVERIFY2(refused->contains(QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
                     qPrintable(*refused));
            QVERIFY(!second.isHeld());
        } // the refused attempt must not have released the first's lock, for other processes too
        QVERIFY(lockedForOtherProcesses(first.filePath()));
        DataDirLock third(dir.path());
        QVERIFY(third.acquire());
        QVERIFY(lockedForOtherProcesses(first.filePath()));
        first.release();
        QVERIFY(!lockedForOtherProcesses(first.filePath()));
        QVERIFY(!third.acquire()); // released for real: taken over
        QVERIFY(third.isHeld());
    }

    // The same directory under another path (a symbolic link) is the same lock file.
    void sameDirectoryThroughASymlinkIsRefused()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        const QString link = dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(data, link));
        DataDirLock first(data);
        QVERIFY(!first.acquire());
        DataDirLock second(link);
        QVERIFY(second.acquire());
    }
};

QTEST_GUILESS_MAIN(TestDataDirLock)
#include "tst_datadirlock.moc"
