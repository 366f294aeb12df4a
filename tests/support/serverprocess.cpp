#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

namespace TestSupport {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

QString ServerProcess::binary()
{
    return qEnvironmentVariable("ZENOVAY_SERVER_BINARY");
}

void ServerProcess::setEnvironmentVariable(const QString &name, const QString &value)
{
    QProcessEnvironment env = m_process.processEnvironment();
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    env.insert(name, value);
    m_process.setProcessEnvironment(env);
}

bool ServerProcess::start(const QStringList &extraArgs, bool useOwnDataDir)
{
    QStringList args;
    if (useOwnDataDir)
        args << QStringLiteral("--data-dir") << m_dir.path() << QStringLiteral("--listen")
             << QStringLiteral("127.0.0.1:0");
    args << extraArgs;
    m_stdout.clear();
    m_port = 0;
    m_process.start(binary(), args);
    if (!m_process.waitForStarted(5000))
        return false;
    static const QRegularExpression re(QStringLiteral(R"(listening on https?://([^\s]+):(\d+))"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10'000) {
        m_process.waitForReadyRead(100);
        m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
        const auto m = re.match(m_stdout);
        if (m.hasMatch()) {
            m_port = quint16(m.captured(2).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

int ServerProcess::terminate(int timeoutMs)
{
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs))
        return -1;
    m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString ServerProcess::errors()
{
    return QString::fromUtf8(m_process.readAllStandardError());
}

qint64 ServerProcess::statusField(const char *field) const
{
    QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 ServerProcess::peakRssKiB() const
{
    return statusField("VmHWM:");
}
qint64 ServerProcess::rssKiB() const
{
    return statusField("VmRSS:");
}

} // namespace TestSupport
