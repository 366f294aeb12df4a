#pragma once

#include "listenerlimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Server {

// The listener's single decision on where a request head ends and whether it is
// acceptable, taken before QHttpServer sees a byte. It is stricter than QHttpServer's
// parser on purpose: whatever the two could read differently (bare LF or CR line ends,
// other HTTP versions, Transfer-Encoding, repeated Content-Length, control bytes) is
// refused here, so a request is framed exactly one way.
//
// Pure functions over bytes: no socket, no allocation on the accepting path (fuzzed by
// fuzz/fuzz_requesthead.cpp).

struct HeadScan
{
    enum class Outcome { Incomplete, Complete, BareLineEnd };
    Outcome outcome = Outcome::Incomplete;
    qsizetype length = 0; // Complete: bytes up to and including the blank line
};

// Looks for the end of a head ("\r\n\r\n") in `head`, checking line ends on the way: a
// LF not preceded by CR, or a CR not followed by LF, is BareLineEnd. `from` is where
// scanning may resume (bytes before it were scanned already; pass 0 the first time).
HeadScan scanHead(QByteArrayView head, qsizetype from = 0);

struct ParsedHead
{
    // 0: accepted. Otherwise the status to refuse with, and the error's code and message.
    int status = 0;
    QByteArray code;
    QString message;

    bool keepAlive = true;
    bool isHead = false;
    bool expectContinue = false;
    // Asks to switch to WebSocket (an Upgrade field naming it), which we do not offer:
    // answered once like any request, then the connection closes.
    bool upgrade = false;
    qint64 contentLength = 0;
    // The limit that admitted the body (set when the head was accepted): the route
    // class's, or SmallestBodyLimit for a body within it (no route look-up needed).
    qint64 bodyLimit = 0;

    bool accepted() const { return status == 0; }
};

// Parses a complete head (as found by scanHead, ending in "\r\n\r\n").
ParsedHead parseHead(QByteArrayView head, const ListenerLimits &limits);

} // namespace Server
