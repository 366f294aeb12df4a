#pragma once

#include "server/serverconfig.h"

#include <QTemporaryDir>
#include <QThread>

#include <functional>

namespace Server {
class ServerInstance;
}

namespace TestSupport {

// A real ServerInstance on its own thread, listening on an ephemeral loopback port,
// with a private temporary data directory.
class TestServer final
{
public:
    // configure may set dataDir (e.g. to restart on the same data).
    explicit TestServer(std::function<void(Server::ServerConfig &)> configure = {});
    ~TestServer();
    Q_DISABLE_COPY_MOVE(TestServer)

    bool isRunning() const { return m_instance != nullptr; }
    QString startError() const { return m_error; }
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }
    // Runs fn on the server's thread and waits for it.
    void runOnServerThread(const std::function<void(Server::ServerInstance &)> &fn);
    // The server's AuthzEpoch now (services bump it on authorisation-relevant changes).
    quint64 authzEpoch();

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    Server::ServerInstance *m_instance = nullptr;
    quint16 m_port = 0;
    QString m_dataDir;
    QString m_error;
};

} // namespace TestSupport
