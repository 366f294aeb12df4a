#pragma once

#include <QString>

#include <memory>
#include <optional>

namespace Core {

// Countries of client addresses from a MaxMind DB file (api-contract section 9: the
// user's GeoLite2-Country or DB-IP Country Lite, named by [geoip] database). Only the
// ISO 3166-1 alpha-2 code is read ("country" / "iso_code", else "registered_country");
// the address itself is not kept anywhere.
//
// Lookups are thread-safe (the database is mapped read-only and never changes while open).
class CountryLookup final
{
public:
    static constexpr QLatin1String Unknown{"XX"};

    // Opens the file; nullopt and a message saying what is wrong (missing, unreadable,
    // not a MaxMind DB, a database without countries) otherwise.
    static std::unique_ptr<CountryLookup> open(const QString &path, QString *error);
    ~CountryLookup();
    Q_DISABLE_COPY_MOVE(CountryLookup)

    // "DE" for an address in Germany; Unknown for an address the database does not
    // place (private ranges, unassigned space) and for text that is not an address.
    QString countryOf(const QString &address) const;
    QString description() const { return m_description; } // "GeoLite2-Country, built 2026-11-28"

private:
    struct Handle;
    explicit CountryLookup(std::unique_ptr<Handle> handle, QString description);
    std::unique_ptr<Handle> m_handle;
    QString m_description;
};

} // namespace Core
