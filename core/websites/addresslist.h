#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Core {

// A website's excluded addresses (api-contract section 9): IPv4 and IPv6 addresses and
// CIDR ranges ("203.0.113.7", "10.0.0.0/8", "2001:db8::/32"). IPv4-mapped IPv6 addresses
// count as their IPv4 address. Qt Core only (inet_pton), so core can validate and match.
class AddressList final
{
public:
    static constexpr qsizetype MaxEntries = 100;

    // Entries as given (each trimmed; empty ones ignored). nullopt and a message naming
    // the first bad entry otherwise.
    static std::optional<AddressList> parse(const QStringList &entries, QString *error);
    // The stored form: canonical entries joined by ", " ("" for none).
    static std::optional<AddressList> fromText(const QString &text, QString *error = nullptr);
    QString toText() const { return m_canonical.join(QStringLiteral(", ")); }
    QStringList entries() const { return m_canonical; }
    bool isEmpty() const { return m_ranges.isEmpty(); }

    // address: any textual IPv4 or IPv6 address; false for anything else.
    bool contains(const QString &address) const;

    // One text per address, whoever wrote it ("2001:DB8:0::1" -> "2001:db8::1",
    // "::ffff:192.0.2.1" -> "192.0.2.1"; inet_ntop's form); nullopt for anything that is
    // not an IPv4 or IPv6 address (zone ids included). Visitor ids and countries are made
    // from this form, so the tracker's and the API's paths agree.
    static std::optional<QString> canonical(const QString &address);

private:
    struct Range
    {
        std::array<quint8, 16> bytes{}; // IPv4 as ::ffff:a.b.c.d
        int prefix = 128;               // in IPv6 bits
    };
    static std::optional<std::array<quint8, 16>> addressBytes(const QString &text, bool *isV4);

    QList<Range> m_ranges;
    QStringList m_canonical;
};

} // namespace Core
