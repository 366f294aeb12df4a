#pragma once

#include "ui/client/serverconnector.h"

#include <QThread>

namespace Server {
class ServerInstance;
}

namespace App {

// Starts the server in-process on its own thread (data in the app-data folder, loopback)
// or points at a remote URL. The UI then talks to either over HTTP. The built-in server
// keeps its port across launches (remembered in DATA_DIR/embedded-port), so tracking
// snippets and bookmarks made for it keep working; when that port is taken by someone
// else it takes a free one and remembers that instead.
class EmbeddedConnector final : public Gui::ServerConnector
{
    Q_OBJECT
public:
    explicit EmbeddedConnector(QString dataDir, QObject *parent = nullptr);
    ~EmbeddedConnector() override;

    void connectTo(const Gui::ConnectionTarget &target) override;
    Gui::ConnectionTarget target() const override { return m_target; }
    quint16 builtInPort() const override;
    QString dataDir() const { return m_dataDir; }
    static constexpr quint16 DefaultPort = 8931;
    // The port the next start tries: the target's, else the remembered one, else DefaultPort.
    quint16 preferredPort(const Gui::ConnectionTarget &target) const;

private:
    void stopEmbedded();
    // fallBack: when the port is taken meanwhile, start on a free one instead of failing.
    void startEmbedded(quint16 port, bool fallBack);
    QString portFile() const;
    void rememberPort(quint16 port);
    QString m_dataDir;
    Gui::ConnectionTarget m_target;
    QThread m_thread;
    Server::ServerInstance *m_instance = nullptr; // started and serving
    Server::ServerInstance *m_starting = nullptr; // start() under way on the server thread
    quint64 m_startGeneration = 0;                // moves when a start is abandoned
    QUrl m_embeddedUrl;
};

} // namespace App
