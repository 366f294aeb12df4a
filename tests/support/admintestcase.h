#pragma once

#include "adminclient.h"
#include "testserver.h"

#include "core/model/clock.h"

#include <QObject>

#include <functional>
#include <memory>

namespace TestSupport {

// The admin-API tests' common start: a real server on a manual clock (fast password
// hashing), set up by Ada (admin@example.com: server admin, owner of the setup team) with
// a second user, Bob (bob@example.com), both signed in. A test class derives from it and
// calls startAdminServer() in its initTestCase().
class AdminTestCase : public QObject
{
protected:
    static constexpr qint64 Start = 1'780'000'020'000;
    static inline const QString Password = QStringLiteral("password-123");

    std::shared_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin, m_bob; // session tokens
    QString m_bobId;
    QString m_adminTeam; // the team setup created for Ada

    quint16 port() const { return m_server->port(); }
    quint64 epoch() { return m_server->authzEpoch(); }

    // Starts the server (configure may change more settings) and signs both users in;
    // returns what went wrong, or an empty string.
    QString startAdminServer(const std::function<void(Server::ServerConfig &)> &configure = {});
    // POST /teams as token's user: the new team's id, or empty when it was not 201.
    QString createTeam(const QByteArray &token, const QString &name);
};

} // namespace TestSupport
