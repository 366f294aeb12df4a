#include "addresslist.h"

#include <arpa/inet.h>

#include <cstring>

namespace Core {

namespace {
constexpr quint8 MappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

QString textOf(const std::array<quint8, 16> &bytes, bool v4)
{
    char out[INET6_ADDRSTRLEN];
    const char *text = v4 ? inet_ntop(AF_INET, bytes.data() + 12, out, sizeof out)
                          : inet_ntop(AF_INET6, bytes.data(), out, sizeof out);
    return text ? QString::fromLatin1(text) : QString();
}
} // namespace

std::optional<std::array<quint8, 16>> AddressList::addressBytes(const QString &text, bool *isV4)
{
    if (text.isEmpty() || text.size() > 45 || text.contains(u'%'))
        return std::nullopt;
    const QByteArray latin1 = text.toLatin1();
    if (QString::fromLatin1(latin1) != text)
        return std::nullopt;
    std::array<quint8, 16> bytes{};
    if (inet_pton(AF_INET, latin1.constData(), bytes.data() + 12) == 1) {
        std::memcpy(bytes.data(), MappedPrefix, sizeof MappedPrefix);
        *isV4 = true;
        return bytes;
    }
    if (inet_pton(AF_INET6, latin1.constData(), bytes.data()) != 1)
        return std::nullopt;
    *isV4 = std::memcmp(bytes.data(), MappedPrefix, sizeof MappedPrefix) == 0;
    return bytes;
}

std::optional<QString> AddressList::canonical(const QString &address)
{
    bool v4 = false;
    const auto bytes = addressBytes(address, &v4);
    if (!bytes)
        return std::nullopt;
    return textOf(*bytes, v4);
}

std::optional<AddressList> AddressList::parse(const QStringList &entries, QString *error)
{
    AddressList list;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const auto bad = [&] {
            if (error)
                *error = QStringLiteral("'%1' is not an IP address or CIDR range (for example 203.0.113.7, "
                                        "10.0.0.0/8, 2001:db8::/32)")
                             .arg(entry.left(64));
            return std::nullopt;
        };
        const qsizetype slash = entry.indexOf(u'/');
        bool v4 = false;
        const auto bytes = addressBytes(slash < 0 ? entry : entry.left(slash), &v4);
        if (!bytes)
            return bad();
        Range range{*bytes, 128};
        if (slash >= 0) {
            const QString digits = entry.mid(slash + 1);
            bool ok = false;
            const int bits = digits.toInt(&ok);
            if (!ok || digits.isEmpty() || digits.size() > 3 || !digits.front().isDigit() || bits < 0 ||
                bits > (v4 ? 32 : 128))
                return bad();
            range.prefix = v4 ? 96 + bits : bits;
        }
        // The network, not the host inside it: 10.1.2.3/8 is 10.0.0.0/8.
        for (int bit = range.prefix; bit < 128; ++bit)
            range.bytes[size_t(bit / 8)] &= quint8(~(0x80u >> (bit % 8)));
        QString canonical = textOf(range.bytes, v4);
        if (range.prefix < 128)
            canonical += u'/' + QString::number(v4 ? range.prefix - 96 : range.prefix);
        if (list.m_canonical.contains(canonical))
            continue;
        if (list.m_ranges.size() >= MaxEntries) {
            if (error)
                *error = QStringLiteral("at most %1 addresses and ranges").arg(MaxEntries);
            return std::nullopt;
        }
        list.m_ranges.append(range);
        list.m_canonical.append(canonical);
    }
    return list;
}

std::optional<AddressList> AddressList::fromText(const QString &text, QString *error)
{
    return parse(text.split(u','), error);
}

bool AddressList::contains(const QString &address) const
{
    if (m_ranges.isEmpty())
        return false;
    bool v4 = false;
    const auto bytes = addressBytes(address, &v4);
    if (!bytes)
        return false;
    for (const Range &r : m_ranges) {
        const int whole = r.prefix / 8, rest = r.prefix % 8;
        if (std::memcmp(bytes->data(), r.bytes.data(), size_t(whole)) != 0)
            continue;
        if (rest == 0 || ((bytes->at(size_t(whole)) ^ r.bytes.at(size_t(whole))) & quint8(0xff00u >> rest)) == 0)
            return true;
    }
    return false;
}

} // namespace Core
