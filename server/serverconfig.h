#pragma once

#include "authsettings.h"
#include "listenerlimits.h"

#include "core/clock.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace Server {

struct ServerConfig
{
    QString dataDir;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    ListenerLimits limits;
    AuthSettings auth;
    std::shared_ptr<Core::Clock> clock = std::make_shared<Core::SystemClock>();

    // The platform's per-user application data folder.
    static QString defaultDataDir();
    QString databasePath() const;

    // Reads an INI file ([server] listen, data_dir; [limits] ...; [auth] ...). Returns a message
    // naming the file, key and problem, or nothing on success.
    std::optional<QString> loadFile(const QString &path);
    // "127.0.0.1:8080", "[::1]:0", "localhost:8080". Loopback names only resolve locally.
    static std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
};

} // namespace Server
