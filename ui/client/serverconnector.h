#pragma once

#include <QObject>
#include <QUrl>

namespace Gui {

// Which server the app talks to: the built-in one (started by the app) or a remote URL.
struct ConnectionTarget
{
    bool embedded = true;
    QUrl remoteUrl;
    // The built-in server's port: 0 keeps the one it used last time (first time:
    // EmbeddedConnector::DefaultPort), falling back to a free one when that is taken. A
    // port chosen here is used or refused (connectionFailed), never swapped for another.
    quint16 embeddedPort = 0;
};

// Makes a server reachable over HTTP and says where. The app provides one that starts the
// embedded server on its own thread; tests provide one pointing at their own server. The
// UI never sees more than the URL.
class ServerConnector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Asynchronous: answers with connected() or connectionFailed().
    virtual void connectTo(const ConnectionTarget &target) = 0;
    virtual ConnectionTarget target() const = 0;
    // The port the built-in server listens on, or would try first at its next start; 0
    // when this connector has no built-in server.
    virtual quint16 builtInPort() const { return 0; }

Q_SIGNALS:
    // displayName: "Built-in server (http://127.0.0.1:41234)"; accountKey: a stable name for
    // this server's secrets ("embedded", or the remote URL).
    void connected(const QUrl &baseUrl, const QString &displayName, const QString &accountKey);
    void connectionFailed(const QString &message);
};

} // namespace Gui
