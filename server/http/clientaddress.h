#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace Server {

// 127.0.0.1 for ::ffff:127.0.0.1; other addresses unchanged.
QHostAddress normalizedAddress(const QHostAddress &address);
// The key every per-client limit counts under: the IPv4 address (IPv4-mapped IPv6
// normalised), or the IPv6 /64 (one host or household usually holds a whole /64, so
// counting single IPv6 addresses would give each attacker 2^64 fresh starts).
QByteArray clientAddressKey(const QHostAddress &address);

// Addresses and CIDR ranges, IPv4 and IPv6: [server] trusted_proxies (reverse proxies
// whose forwarding headers are believed, api-contract section 7) and [metrics] allow.
class AddressRanges final
{
public:
    AddressRanges() = default;
    // "127.0.0.0/8, ::1, 10.0.0.0/8, fd00::/8"; empty text: nobody is trusted. Returns
    // nullopt and a message naming the bad entry for anything else.
    static std::optional<AddressRanges> parse(const QString &text, QString *error = nullptr);
    static AddressRanges defaults(); // 127.0.0.0/8, ::1

    // IPv4-mapped IPv6 addresses count as their IPv4 address.
    bool contains(const QHostAddress &address) const;
    bool isEmpty() const { return m_ranges.isEmpty(); }
    QString toString() const;

private:
    QList<std::pair<QHostAddress, int>> m_ranges;
};

// Who a request is from, and how it reached the first trusted proxy.
struct ClientOrigin
{
    QHostAddress address;         // what per-IP limits, throttles, logs and audit use
    QByteArray scheme = "http";   // of URLs the server writes ("http" or "https")
    QByteArray host;              // of URLs the server writes (empty: the request's Host)
    bool forwarded = false;       // the address came from a forwarding header
    bool schemeForwarded = false; // scheme came from X-Forwarded-Proto
};

// The client behind a connection. When `peer` is trusted, the client is the right-most
// address of X-Forwarded-For that is not itself trusted (when every listed address is
// trusted, the left-most); without X-Forwarded-For, the for= parameters of RFC 7239
// Forwarded the same way. The hops are read from the right: a hop that names no address
// before an untrusted one is reached makes the header malformed, and a malformed header
// counts as absent (the peer is the client); what lies left of the client's hop (what
// the client itself sent) is never read. X-Forwarded-Proto ("http"/"https") and X-Forwarded-Host are taken
// from a trusted peer only. From an untrusted peer every forwarding header is ignored. Header values are all
// the field lines of that name joined with ", ".
ClientOrigin resolveClient(const QHostAddress &peer, const AddressRanges &trusted,
                           QByteArrayView xForwardedFor, QByteArrayView forwarded,
                           QByteArrayView xForwardedProto, QByteArrayView xForwardedHost);

// One address of a forwarding header: "192.0.2.1", "192.0.2.1:443", "2001:db8::1",
// "[2001:db8::1]", "[2001:db8::1]:443" (quotes around it allowed); nullopt otherwise.
std::optional<QHostAddress> parseForwardedAddress(QByteArrayView text);
// The for= addresses of an RFC 7239 Forwarded value, in order; nullopt when malformed
// (including an element without for=, or for=unknown / an obfuscated identifier).
std::optional<QList<QHostAddress>> parseForwardedFor(QByteArrayView value);
// The addresses of an X-Forwarded-For value, in order; nullopt when malformed.
std::optional<QList<QHostAddress>> parseXForwardedFor(QByteArrayView value);

} // namespace Server
