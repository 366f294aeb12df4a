#pragma once

#include "clientaddress.h"

#include <QString>

#include <functional>

namespace Server {

// Limits the hardened listener enforces before QHttpServer sees a byte.
struct ListenerLimits
{
    qint64 maxHeaderBytes = 16 * 1024;   // request line + headers -> 431
    qint64 maxUrlBytes = 8 * 1024;       // request target -> 414
    int headerTimeoutMs = 10'000;        // a started request head must complete in time -> 408
    int bodyIdleTimeoutMs = 15'000;      // a body that stops arriving -> 408
    int keepAliveIdleTimeoutMs = 30'000; // an idle keep-alive connection is closed
    int maxConnections = 1024;           // beyond: 503 and close
    int maxConnectionsPerIp = 64;        // per IPv4 address or IPv6 /64 (0: no cap); beyond: 503
    // Peers exempt from maxConnectionsPerIp: the trusted reverse proxies, which carry
    // every visitor's connections (only maxConnections applies to them).
    AddressRanges uncappedPeers;
    qint64 maxDrainBytes = 64LL << 20; // after a 413, read (and drop) at most this much of the body
    // Body limit for a request (method, request target as sent); without one, 64 KiB.
    // ServerInstance sets it to the declared body class of the route (Router::bodyLimit).
    std::function<qint64(QByteArrayView method, QByteArrayView path)> bodyLimit;
};

} // namespace Server
