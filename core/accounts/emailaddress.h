#pragma once

#include <QString>

#include <optional>

// Email addresses as account identities. Two addresses that look the same are the same
// account: an address is kept in its normalised form (NFKC, trimmed, lower-cased), so a
// fullwidth "ａdmin@example.com" is "admin@example.com". What normalisation cannot make
// look distinct is refused: invisible and control characters, combining marks, a
// trailing dot in the domain, non-ASCII punctuation and symbols, and what Unicode TS #39
// "Highly Restrictive" refuses (Core::SpoofCheck): letters outside everyday writing
// (small capitals, phonetic letters), letters of more than one script (a Cyrillic "р"
// among Latin letters; East Asian combinations with Latin are fine), digits of more than
// one number system. An address that passes but looks like another one (a dotless i, "rn"
// for "m") is told by its confusable skeleton.
namespace Core::EmailAddress {

// NFKC, then trimmed and lower-cased (and U+3002 as "."): the form stored and compared.
QString normalised(const QString &typed);
// The confusable skeleton of the normalised address (UTS #39), invisible characters left
// out: equal for addresses that look alike.
QString skeleton(const QString &typed);
// What is wrong with a new address, as the message of the 422 details, or nothing.
std::optional<QString> problem(const QString &typed);

} // namespace Core::EmailAddress
