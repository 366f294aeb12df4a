#include "testserver.h"

#include "server/serverinstance.h"

namespace TestSupport {

TestServer::TestServer(std::function<void(Server::ServerConfig &)> configure)
{
    Server::ServerConfig config;
    config.dataDir = m_dir.path();
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    // The cheapest Argon2id libsodium allows: tests sign in hundreds of times. The
    // production parameters are checked by tst_passwordhasher.
    config.auth.argon2MemoryKib = Core::PasswordHasher::Policy::MinMemoryKib;
    config.auth.argon2Iterations = 1;
    if (configure)
        configure(config);
    m_dataDir = config.dataDir;
    m_thread.setObjectName(QStringLiteral("test-server"));
    m_thread.start();
    auto *instance = new Server::ServerInstance(config);
    instance->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        instance,
        [this, instance] {
            if (auto error = instance->start()) {
                m_error = *error;
                delete instance;
                return;
            }
            m_instance = instance;
            m_port = instance->port();
        },
        Qt::BlockingQueuedConnection);
}

TestServer::~TestServer()
{
    if (m_instance) {
        QMetaObject::invokeMethod(
            m_instance,
            [this] {
                m_instance->stop();
                delete m_instance;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void TestServer::runOnServerThread(const std::function<void(Server::ServerInstance &)> &fn)
{
    QMetaObject::invokeMethod(
        m_instance, [this, &fn] { fn(*m_instance); }, Qt::BlockingQueuedConnection);
}

quint64 TestServer::authzEpoch()
{
    quint64 value = 0;
    runOnServerThread([&](Server::ServerInstance &s) { value = s.context().authzEpoch.current(); });
    return value;
}

} // namespace TestSupport
