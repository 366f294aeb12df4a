#include "clientaddress.h"

#include <QStringList>

namespace Server {

QHostAddress normalizedAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4);
    }
    return address;
}

QByteArray clientAddressKey(const QHostAddress &address)
{
    const QHostAddress a = normalizedAddress(address);
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = a.toIPv4Address();
        return QByteArray(reinterpret_cast<const char *>(&v4), sizeof v4);
    }
    const Q_IPV6ADDR v6 = a.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8);
}

std::optional<AddressRanges> AddressRanges::parse(const QString &text, QString *error)
{
    AddressRanges out;
    for (const QString &raw : text.split(QLatin1Char(','))) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        std::pair<QHostAddress, int> range;
        if (entry.contains(QLatin1Char('/'))) {
            range = QHostAddress::parseSubnet(entry);
        } else if (QHostAddress a; !entry.contains(QLatin1Char('%')) && a.setAddress(entry)) {
            a = normalizedAddress(a);
            range = {a, a.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (range.first.isNull() || range.second < 0) {
            if (error)
                *error =
                    QStringLiteral("'%1' is not an IP address or CIDR range (like 10.0.0.0/8 or fd00::/8)")
                        .arg(entry);
            return std::nullopt;
        }
        out.m_ranges.append(range);
    }
    return out;
}

AddressRanges AddressRanges::defaults()
{
    return *parse(QStringLiteral("127.0.0.0/8, ::1"));
}

bool AddressRanges::contains(const QHostAddress &address) const
{
    const QHostAddress a = normalizedAddress(address);
    for (const auto &range : m_ranges)
        if (a.isInSubnet(range))
            return true;
    return false;
}

QString AddressRanges::toString() const
{
    QStringList parts;
    for (const auto &[address, prefix] : m_ranges)
        parts << address.toString() + QLatin1Char('/') + QString::number(prefix);
    return parts.join(QStringLiteral(", "));
}

namespace {
bool isDigits(QByteArrayView s, qsizetype maxLength)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool isPort(QByteArrayView s)
{
    return isDigits(s, 5) && s.toInt() <= 65535;
}

// Exactly four dotted decimal parts of 0..255 (no shorthand like "127.1", no octal).
std::optional<QHostAddress> parseIPv4(QByteArrayView s)
{
    quint32 value = 0;
    int parts = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != '.')
            continue;
        const QByteArrayView part = s.sliced(start, i - start);
        if (!isDigits(part, 3) || (part.size() > 1 && part[0] == '0') || part.toInt() > 255)
            return std::nullopt;
        value = (value << 8) | quint32(part.toInt());
        ++parts;
        start = i + 1;
    }
    if (parts != 4)
        return std::nullopt;
    return QHostAddress(value);
}

std::optional<QHostAddress> parseIPv6(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 45 || !s.contains(':'))
        return std::nullopt;
    for (char c : s) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                        c == ':' || c == '.';
        if (!ok)
            return std::nullopt; // no zone ids ("%eth0"), nothing else
    }
    QHostAddress a;
    if (!a.setAddress(QString::fromLatin1(s)) || a.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return normalizedAddress(a);
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// Splits at `separator` outside double quotes; nullopt for an unterminated quote.
std::optional<QList<QByteArrayView>> splitOutsideQuotes(QByteArrayView s, char separator)
{
    QList<QByteArrayView> out;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted && c == '\\') {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == separator) {
            out << s.sliced(start, i - start);
            start = i + 1;
        }
    }
    if (quoted)
        return std::nullopt;
    out << s.sliced(start);
    return out;
}
} // namespace

std::optional<QHostAddress> parseForwardedAddress(QByteArrayView text)
{
    QByteArrayView s = trimmed(text);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.sliced(1, s.size() - 2);
    if (s.startsWith('[')) {
        const qsizetype close = s.indexOf(']');
        if (close < 0)
            return std::nullopt;
        const QByteArrayView rest = s.sliced(close + 1);
        if (!rest.isEmpty() && !(rest.front() == ':' && isPort(rest.sliced(1))))
            return std::nullopt;
        return parseIPv6(s.sliced(1, close - 1));
    }
    const qsizetype colons = s.count(':');
    if (colons == 1) {
        const qsizetype colon = s.indexOf(':');
        if (!isPort(s.sliced(colon + 1)))
            return std::nullopt;
        return parseIPv4(s.first(colon));
    }
    return colons == 0 ? parseIPv4(s) : parseIPv6(s);
}

namespace {
// The for= address of one Forwarded element; nullopt when it has none, has two, or
// names no address ("unknown", an obfuscated identifier, garbage).
std::optional<QHostAddress> forwardedElementFor(QByteArrayView element)
{
    const auto pairs = splitOutsideQuotes(element, ';');
    if (!pairs)
        return std::nullopt;
    std::optional<QHostAddress> address;
    for (QByteArrayView pair : *pairs) {
        pair = trimmed(pair);
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        if (trimmed(pair.first(eq)).compare("for", Qt::CaseInsensitive) != 0)
            continue;
        if (address)
            return std::nullopt;
        QByteArray v = pair.sliced(eq + 1).toByteArray();
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
            QByteArray unescaped;
            for (qsizetype i = 1; i + 1 < v.size(); ++i) {
                if (v[i] == '\\' && i + 2 < v.size())
                    ++i;
                unescaped += v[i];
            }
            v = unescaped;
        }
        address = parseForwardedAddress(v);
        if (!address)
            return std::nullopt;
    }
    return address;
}

// Each hop of a forwarding header, left to right; nullopt for a hop that names no
// address. nullopt overall when the hops cannot even be told apart.
std::optional<QList<std::optional<QHostAddress>>> hopsOf(QByteArrayView value, bool rfc7239)
{
    QList<std::optional<QHostAddress>> hops;
    if (!rfc7239) {
        for (QByteArrayView item : value.toByteArray().split(','))
            hops << parseForwardedAddress(item);
        return hops;
    }
    const auto elements = splitOutsideQuotes(value, ',');
    if (!elements)
        return std::nullopt;
    for (QByteArrayView element : *elements)
        hops << forwardedElementFor(element);
    return hops;
}

std::optional<QList<QHostAddress>> allHops(QByteArrayView value, bool rfc7239)
{
    const auto hops = hopsOf(value, rfc7239);
    if (!hops)
        return std::nullopt;
    QList<QHostAddress> out;
    for (const auto &hop : *hops) {
        if (!hop)
            return std::nullopt;
        out << *hop;
    }
    return out.isEmpty() ? std::nullopt : std::optional(out);
}
} // namespace

std::optional<QList<QHostAddress>> parseForwardedFor(QByteArrayView value)
{
    return allHops(value, true);
}

std::optional<QList<QHostAddress>> parseXForwardedFor(QByteArrayView value)
{
    return allHops(value, false);
}

ClientOrigin resolveClient(const QHostAddress &peer, const AddressRanges &trusted,
                           QByteArrayView xForwardedFor, QByteArrayView forwarded,
                           QByteArrayView xForwardedProto, QByteArrayView xForwardedHost)
{
    ClientOrigin origin;
    origin.address = normalizedAddress(peer);
    if (!trusted.contains(origin.address))
        return origin;
    // Walked from the right, where the trusted proxies wrote: only the hops up to the
    // client need to be readable, so whatever a client wrote into its own header (left
    // of what its proxy appended) cannot make the header count as malformed.
    std::optional<QList<std::optional<QHostAddress>>> hops;
    if (!trimmed(xForwardedFor).isEmpty())
        hops = hopsOf(xForwardedFor, false);
    else if (!trimmed(forwarded).isEmpty())
        hops = hopsOf(forwarded, true);
    if (hops && !hops->isEmpty()) {
        std::optional<QHostAddress> client;
        bool malformed = false;
        for (qsizetype i = hops->size() - 1; i >= 0 && !client && !malformed; --i) {
            const std::optional<QHostAddress> &hop = hops->at(i);
            if (!hop)
                malformed = true;
            else if (!trusted.contains(*hop) || i == 0) // every hop trusted: the left-most
                client = hop;
        }
        if (client) {
            origin.address = *client;
            origin.forwarded = true;
        }
    }
    // The left-most value is what the client used (a chain of proxies appends).
    const QByteArray proto =
        trimmed(xForwardedProto.toByteArray().split(',').first()).toByteArray().toLower();
    if (proto == "http" || proto == "https") {
        origin.scheme = proto;
        origin.schemeForwarded = true;
    }
    const QByteArray firstHost = xForwardedHost.toByteArray().split(',').first();
    const QByteArrayView host = trimmed(firstHost);
    bool hostOk = !host.isEmpty() && host.size() <= 255;
    for (char c : host)
        hostOk = hostOk && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '.' || c == '-' || c == ':' || c == '[' || c == ']');
    if (hostOk)
        origin.host = host.toByteArray();
    return origin;
}

} // namespace Server
