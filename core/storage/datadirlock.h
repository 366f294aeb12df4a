#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Core {

// One process per data directory (spec section 7): an exclusive flock(2) on
// DATA_DIR/zenovay.lock, held from acquire() until release() or destruction. The kernel
// drops the lock when the process dies in any way (kill -9 included), so a dead holder's
// lock is simply taken over; the file itself stays and means nothing without a live lock.
// The holder writes its PID (and program name) into the file so that a refused process
// can name it. A second holder in the same process (the desktop app and a test, two
// ServerInstances) is refused too: by flock where locks belong to the open file, and by a
// process-wide registry of held lock files (device and inode) checked first, because on
// NFS flock is emulated with POSIX record locks that belong to the process. Across
// machines sharing a network filesystem the lock is only as good as the server's lock
// manager: do not share one data directory between machines.
class DataDirLock final
{
public:
    static constexpr char FileName[] = "zenovay.lock";

    explicit DataDirLock(QString directory);
    ~DataDirLock();
    Q_DISABLE_COPY_MOVE(DataDirLock)

    // Takes the lock without waiting. On refusal, returns a message for the user naming
    // the holder's PID; nothing but opening the lock file (creating it if it is missing)
    // has happened then. The directory must exist. Calling it again while held is a no-op.
    std::optional<QString> acquire();
    void release();
    bool isHeld() const { return m_fd >= 0; }
    QString filePath() const;

private:
    QString refusal(const QString &holder) const;

    QString m_directory;
    int m_fd = -1;
    std::pair<quint64, quint64> m_key; // device and inode of the held lock file
};

} // namespace Core
