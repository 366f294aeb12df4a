#pragma once

#include "ui/client/serverconnector.h"

#include <QThread>

namespace Server {
class ServerInstance;
}

namespace App {

// Starts the server in-process on its own thread (data in the app-data folder, loopback,
// a free port) or points at a remote URL. The UI then talks to either over HTTP.
class EmbeddedConnector final : public Gui::ServerConnector
{
    Q_OBJECT
public:
    explicit EmbeddedConnector(QString dataDir, QObject *parent = nullptr);
    ~EmbeddedConnector() override;

    void connectTo(const Gui::ConnectionTarget &target) override;
    Gui::ConnectionTarget target() const override { return m_target; }
    QString dataDir() const { return m_dataDir; }

private:
    void stopEmbedded();
    QString m_dataDir;
    Gui::ConnectionTarget m_target;
    QThread m_thread;
    Server::ServerInstance *m_instance = nullptr; // started and serving
    Server::ServerInstance *m_starting = nullptr; // start() under way on the server thread
    quint64 m_startGeneration = 0;                // moves when a start is abandoned
    QUrl m_embeddedUrl;
};

} // namespace App
