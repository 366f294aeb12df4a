#include "admintestcase.h"

namespace TestSupport {

QString AdminTestCase::startAdminServer(const std::function<void(Server::ServerConfig &)> &configure)
{
    m_clock = std::make_shared<Core::ManualClock>(Start);
    m_server = std::make_unique<TestServer>([this, &configure](Server::ServerConfig &c) {
        c.clock = m_clock;
        if (configure)
            configure(c);
    });
    if (!m_server->isRunning())
        return QStringLiteral("server did not start: ") + m_server->startError();
    const QJsonObject setup =
        adminSetup(port(), QStringLiteral("admin@example.com"), QStringLiteral("Ada"), Password);
    m_adminTeam = setup.value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
    if (m_adminTeam.isEmpty())
        return QStringLiteral("setup failed");
    m_admin = adminLogin(port(), QStringLiteral("admin@example.com"), Password);
    if (m_admin.isEmpty())
        return QStringLiteral("admin sign-in failed");
    m_bobId =
        adminCreateUser(port(), m_admin, QStringLiteral("bob@example.com"), QStringLiteral("Bob"), Password);
    if (m_bobId.isEmpty())
        return QStringLiteral("creating bob failed");
    m_bob = adminLogin(port(), QStringLiteral("bob@example.com"), Password);
    if (m_bob.isEmpty())
        return QStringLiteral("bob's sign-in failed");
    return {};
}

QString AdminTestCase::createTeam(const QByteArray &token, const QString &name)
{
    const HttpResult r = adminCall(port(), "POST", QStringLiteral("/teams"), token,
                                   QJsonObject{{QStringLiteral("name"), name}});
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toString() : QString();
}

} // namespace TestSupport
