#pragma once

#include <QString>

// Unicode Technical Standard #39 (Unicode Security Mechanisms) through ICU's spoof
// checker (uspoof): ICU is the Unicode library Qt itself is built on. Used for email
// addresses, which are identities (Core::EmailAddress). Thread-safe.
namespace Core::SpoofCheck {

enum class Finding {
    None,
    // A character outside UTS #39's identifier profile (Identifier_Status=Allowed: the
    // letters and digits of everyday writing) and outside printable ASCII: small
    // capitals, phonetic, obsolete, technical letters ...
    UnusualCharacter,
    // Letters of more than one script, beyond what "Highly Restrictive" allows (one
    // script; Latin with Han and Hiragana/Katakana, with Han and Bopomofo, or with Han
    // and Hangul).
    MixedScripts,
    // Decimal digits of more than one number system.
    MixedNumbers,
};

// Checks text (a normalised address) at the "Highly Restrictive" level.
Finding check(const QString &text);
// The confusable skeleton: two strings that look alike (a dotless i and an i, "rn" and
// "m", Cyrillic "р" and Latin "p") have the same skeleton. Case matters: pass lower-case.
QString skeleton(const QString &text);

} // namespace Core::SpoofCheck
