// The forwarding headers a trusted reverse proxy sends (server/http/clientaddress.*):
// X-Forwarded-For and RFC 7239 Forwarded are parsed without crashing; the client they
// resolve to is the peer or one of the addresses the header lists, never a trusted
// address unless every listed one is trusted (or, for a partly unreadable header, never
// a trusted one); every parsed address reads back as itself.
// Input: the header value; its first byte picks the header and the peer.
#include "fuzzsupport.h"

#include "server/http/clientaddress.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView value(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const bool useForwarded = data[0] & 1;
    const bool peerTrusted = data[0] & 2;
    static const Server::AddressRanges trusted =
        *Server::AddressRanges::parse(QStringLiteral("127.0.0.0/8, 10.0.0.0/8, ::1, fd00::/8"));
    const QHostAddress peer(peerTrusted ? QStringLiteral("127.0.0.1") : QStringLiteral("192.0.2.1"));

    const auto list = useForwarded ? Server::parseForwardedFor(value) : Server::parseXForwardedFor(value);
    if (list) {
        FUZZ_CHECK(!list->isEmpty());
        for (const QHostAddress &a : *list) {
            FUZZ_CHECK(!a.isNull());
            const auto again = Server::parseForwardedAddress(a.toString().toLatin1());
            FUZZ_CHECK(again && *again == a);
        }
    }
    const Server::ClientOrigin origin =
        Server::resolveClient(peer, trusted, useForwarded ? QByteArrayView() : value,
                              useForwarded ? value : QByteArrayView(), value, value);
    if (!peerTrusted) {
        FUZZ_CHECK(origin.address == peer && !origin.forwarded);
    } else if (!list) {
        // some hop is unreadable: the client is an untrusted hop right of it, or the peer
        FUZZ_CHECK(origin.forwarded ? !trusted.contains(origin.address) : origin.address == peer);
    } else {
        FUZZ_CHECK(origin.forwarded && list->contains(origin.address));
        bool anyUntrusted = false;
        for (const QHostAddress &a : *list)
            anyUntrusted = anyUntrusted || !trusted.contains(a);
        FUZZ_CHECK(anyUntrusted == !trusted.contains(origin.address));
    }
    FUZZ_CHECK(origin.scheme == "http" || origin.scheme == "https");
    FUZZ_CHECK(peerTrusted || origin.host.isEmpty());
    for (char c : origin.host)
        FUZZ_CHECK(c > 0x20 && c < 0x7f && c != '/' && c != ',');
    return 0;
}
