#include "embeddedconnector.h"

#include "server/serverinstance.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace App {

EmbeddedConnector::EmbeddedConnector(QString dataDir, QObject *parent)
    : Gui::ServerConnector(parent), m_dataDir(std::move(dataDir))
{
    m_thread.setObjectName(u"zenovay-server"_s);
}

EmbeddedConnector::~EmbeddedConnector()
{
    stopEmbedded();
}

void EmbeddedConnector::stopEmbedded()
{
    if (m_starting) {
        // The start under way finishes first (calls to the server thread run in order),
        // then the instance stops, releasing the data directory's lock; its result, when
        // it reaches this thread, belongs to an abandoned start and is dropped.
        Server::ServerInstance *instance = m_starting;
        m_starting = nullptr;
        ++m_startGeneration;
        QMetaObject::invokeMethod(
            instance,
            [instance] {
                instance->stop();
                delete instance;
            },
            Qt::BlockingQueuedConnection);
    }
    if (m_instance) {
        Server::ServerInstance *instance = m_instance;
        m_instance = nullptr;
        // Graceful: in-flight requests are answered, the database closed, on its own thread.
        QMetaObject::invokeMethod(
            instance,
            [instance] {
                instance->stop();
                delete instance;
            },
            Qt::BlockingQueuedConnection);
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
    m_embeddedUrl.clear();
}

QString EmbeddedConnector::portFile() const
{
    return QDir(m_dataDir).filePath(u"embedded-port"_s);
}

quint16 EmbeddedConnector::preferredPort(const Gui::ConnectionTarget &target) const
{
    if (target.embeddedPort)
        return target.embeddedPort;
    QFile f(portFile());
    if (f.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const uint port = f.readAll().trimmed().toUInt(&ok);
        if (ok && port > 0 && port <= 65535)
            return quint16(port);
    }
    return DefaultPort;
}

quint16 EmbeddedConnector::builtInPort() const
{
    return m_embeddedUrl.isValid() ? quint16(m_embeddedUrl.port()) : preferredPort({});
}

void EmbeddedConnector::rememberPort(quint16 port)
{
    QSaveFile f(portFile());
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray::number(port) + '\n');
        f.commit();
    }
}

void EmbeddedConnector::connectTo(const Gui::ConnectionTarget &target)
{
    m_target = target;
    if (!target.embedded) {
        stopEmbedded();
        const QUrl url = target.remoteUrl;
        QMetaObject::invokeMethod(
            this, [this, url] { Q_EMIT connected(url, url.toString(QUrl::RemoveUserInfo), url.toString()); },
            Qt::QueuedConnection);
        return;
    }
    // Another port chosen for the running server: it stops and starts again there.
    if (m_instance && target.embeddedPort && target.embeddedPort != m_embeddedUrl.port())
        stopEmbedded();
    if (m_instance) {
        const QUrl url = m_embeddedUrl;
        QMetaObject::invokeMethod(
            this,
            [this, url] {
                Q_EMIT connected(url, tr("Built-in server (%1)").arg(url.toString()), u"embedded"_s);
            },
            Qt::QueuedConnection);
        return;
    }
    // One start at a time: the data directory is locked by the instance that holds it,
    // so a second instance would be refused. The start under way announces itself.
    if (m_starting)
        return;
    // The remembered port if it is free now, else any free one; should another program
    // take it between this probe and the listen, the start is retried on a free port.
    const quint16 preferred = preferredPort(target);
    bool free = false;
    {
        QTcpServer probe; // closed again before the server listens
        free = probe.listen(QHostAddress::LocalHost, preferred);
    }
    // A port the user chose is used or refused, never swapped silently for another: a
    // snippet or bookmark made for it would stop working without a word.
    if (!free && target.embeddedPort) {
        const quint16 port = target.embeddedPort;
        QMetaObject::invokeMethod(
            this,
            [this, port] {
                Q_EMIT connectionFailed(
                    tr("Port %1 on this computer is in use by another program, so the built-in server "
                       "cannot listen there. Choose another port (File > Connect to Server…), or stop "
                       "the program that uses it.")
                        .arg(port));
            },
            Qt::QueuedConnection);
        return;
    }
    startEmbedded(free ? preferred : 0, !target.embeddedPort);
}

void EmbeddedConnector::startEmbedded(quint16 port, bool fallBack)
{
    Server::ServerConfig config;
    config.dataDir = m_dataDir;
    config.address = QHostAddress::LocalHost;
    config.port = port;
    m_thread.start();
    auto *instance = new Server::ServerInstance(config);
    instance->moveToThread(&m_thread);
    m_starting = instance;
    const quint64 generation = ++m_startGeneration;
    QPointer<EmbeddedConnector> self(this);
    // Opening the database and running migrations happens on the server thread; the window
    // keeps painting meanwhile. Only this (GUI) thread deletes the instance, and only
    // through a call queued to the server thread.
    QMetaObject::invokeMethod(instance, [self, instance, generation, port, fallBack] {
        const std::optional<QString> error = instance->start();
        const QUrl url = error ? QUrl() : instance->baseUrl();
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, instance, generation, error, url, port, fallBack] {
            if (!self || generation != self->m_startGeneration)
                return; // abandoned: stopEmbedded() has deleted the instance
            self->m_starting = nullptr;
            if (error) {
                QMetaObject::invokeMethod(
                    instance, [instance] { delete instance; }, Qt::BlockingQueuedConnection);
                if (port != 0 && fallBack && error->startsWith(u"cannot listen"_s)) {
                    self->startEmbedded(0, true); // the port was taken meanwhile: any free one
                    return;
                }
                Q_EMIT self->connectionFailed(tr("The built-in server could not start: %1").arg(*error));
                return;
            }
            self->m_instance = instance;
            self->m_embeddedUrl = url;
            self->rememberPort(quint16(url.port()));
            Q_EMIT self->connected(url, tr("Built-in server (%1)").arg(url.toString()), u"embedded"_s);
        });
    });
}

} // namespace App
