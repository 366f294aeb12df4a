#pragma once

#include <QString>

#include <optional>

// Email addresses as account identities. Two addresses that look the same are the same
// account: an address is kept in its normalised form (NFKC, trimmed, lower-cased), so a
// fullwidth "ａdmin@example.com" is "admin@example.com". What normalisation cannot make
// look distinct is refused: invisible and control characters, combining marks, a
// trailing dot in the domain, and letters of more than one script (a Cyrillic "р" among
// Latin letters; East Asian combinations with Latin are fine).
namespace Core::EmailAddress {

// NFKC, then trimmed and lower-cased (and U+3002 as "."): the form stored and compared.
QString normalised(const QString &typed);
// What is wrong with a new address, as the message of the 422 details, or nothing.
std::optional<QString> problem(const QString &typed);

} // namespace Core::EmailAddress
