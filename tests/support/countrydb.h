#pragma once

#include <QString>

namespace TestSupport {

// Writes tests/support/write_country_db.pl's country database into dir (Debian's
// libmaxmind-db-writer-perl; no download) and returns its path, or an empty string and
// the reason: 198.51.100.0/24 DE, 203.0.113.0/24 US, 2001:db8::/32 FR, 192.0.2.0/24 only a
// registered country (JP). With demo, also 100.64.N.0/24 for twelve countries (US, DE, GB,
// FR, NL, CA, IN, BR, JP, AU, SE, CH, in that order).
QString writeCountryDatabase(const QString &dir, QString *error, bool demo = false);

} // namespace TestSupport
