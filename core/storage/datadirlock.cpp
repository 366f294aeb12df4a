#include "datadirlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDataDir, "zenovay.core.datadir")

namespace Core {

namespace {
QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// "PID\nprogram\n" as the holder wrote it; empty while a new holder is still writing.
QByteArray readHolder(int fd)
{
    char buffer[256];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? QByteArray(buffer, n) : QByteArray();
}

QString programName()
{
    if (!QCoreApplication::instance())
        return QStringLiteral("zenovay");
    return QFileInfo(QCoreApplication::applicationFilePath()).fileName();
}

// Lock files this process holds, by device and inode. flock(2) alone does not exclude a
// second holder in the same process everywhere: on NFS the kernel emulates it with POSIX
// record locks, which belong to the process (a second descriptor gets the lock again, and
// closing either releases it).
using FileKey = std::pair<quint64, quint64>;
std::mutex g_heldMutex;
std::set<FileKey> g_held;
} // namespace

DataDirLock::DataDirLock(QString directory) : m_directory(std::move(directory)) {}

DataDirLock::~DataDirLock()
{
    release();
}

QString DataDirLock::filePath() const
{
    return QDir(m_directory).filePath(QLatin1String(FileName));
}

QString DataDirLock::refusal(const QString &holder) const
{
    return QStringLiteral("the data directory %1 is in use by another Zenovay process (%2). Only one "
                          "process may use a data directory at a time: stop that process first, or "
                          "choose another data directory. Nothing was changed.")
        .arg(QDir::toNativeSeparators(QFileInfo(m_directory).absoluteFilePath()), holder);
}

std::optional<QString> DataDirLock::acquire()
{
    if (m_fd >= 0)
        return std::nullopt;
    const QString path = filePath();
    const QByteArray nativePath = QFile::encodeName(path);
    // Held for the whole attempt, so that two threads cannot both pass the registry.
    std::unique_lock registry(g_heldMutex);
    // Checked before opening: on NFS, closing any descriptor of the file would release
    // this process's (emulated, per-process) lock.
    struct stat st = {};
    if (::stat(nativePath.constData(), &st) == 0 && g_held.count({quint64(st.st_dev), quint64(st.st_ino)}))
        return refusal(QStringLiteral("PID %1, %2, this very process").arg(::getpid()).arg(programName()));
    // No O_TRUNC: a refused process must not touch what the holder wrote.
    const int fd = ::open(nativePath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return QStringLiteral("cannot open the lock file %1: %2").arg(path, errnoText(errno));
    if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        return QStringLiteral("cannot read the lock file %1: %2").arg(path, errnoText(error));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        registry.unlock();
        if (error != EWOULDBLOCK) {
            ::close(fd);
            return QStringLiteral("cannot lock %1: %2").arg(path, errnoText(error));
        }
        // The holder writes its PID right after taking the lock: give it a moment (bounded).
        QByteArray holder = readHolder(fd);
        for (int i = 0; i < 20 && holder.isEmpty(); ++i) {
            ::usleep(5000);
            holder = readHolder(fd);
        }
        ::close(fd);
        const QList<QByteArray> lines = holder.split('\n');
        const qint64 pid = lines.value(0).trimmed().toLongLong();
        QString who = pid > 0 ? QStringLiteral("PID %1").arg(pid) : QStringLiteral("PID unknown");
        if (pid > 0 && !lines.value(1).trimmed().isEmpty())
            who += QStringLiteral(", ") + QString::fromUtf8(lines.value(1).trimmed());
        return refusal(who);
    }
    m_key = {quint64(st.st_dev), quint64(st.st_ino)};
    g_held.insert(m_key);
    registry.unlock();
    const QByteArray text = QByteArray::number(qint64(::getpid())) + '\n' + programName().toUtf8() + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.constData(), size_t(text.size()), 0) != text.size())
        qCWarning(lcDataDir) << "cannot write the PID into" << path << errnoText(errno);
    m_fd = fd;
    return std::nullopt;
}

void DataDirLock::release()
{
    if (m_fd < 0)
        return;
    // The file stays: removing it could let two later processes lock two different files.
    const std::lock_guard registry(g_heldMutex);
    ::close(m_fd); // drops the flock
    m_fd = -1;
    g_held.erase(m_key);
}

} // namespace Core
