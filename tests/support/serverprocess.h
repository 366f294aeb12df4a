#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace TestSupport {

// The real zenovay-server binary (path from ZENOVAY_SERVER_BINARY), started on an
// ephemeral loopback port with a private data directory unless told otherwise.
class ServerProcess final
{
public:
    ServerProcess();
    ~ServerProcess();
    Q_DISABLE_COPY_MOVE(ServerProcess)

    // For the next start(): the server's environment is the test's plus this variable.
    void setEnvironmentVariable(const QString &name, const QString &value);
    // Starts with the given extra arguments; waits for the "listening on" line.
    bool start(const QStringList &extraArgs = {}, bool useOwnDataDir = true);
    // SIGTERM and wait; returns the exit code (-1 on crash or time-out).
    int terminate(int timeoutMs = 10'000);
    void kill();
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dir.path(); }
    QString output() const { return m_stdout; }
    QString errors();
    qint64 pid() const { return m_process.processId(); }
    // Peak and current resident set size of the server process, in KiB.
    qint64 peakRssKiB() const;
    qint64 rssKiB() const;
    static QString binary();

private:
    qint64 statusField(const char *field) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_stdout;
    quint16 m_port = 0;
};

} // namespace TestSupport
