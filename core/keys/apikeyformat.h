#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Personal API keys: "zv_" + 32 base62 characters from the system CSPRNG (190.5 bits)
// + 6 base62 characters of CRC-32 over the random part. The checksum lets a mistyped
// or truncated key be told apart from an unknown one without a database look-up, and
// lets secret scanners recognise leaked keys. Only SHA-256(key) and the display prefix
// (first 11 characters) are ever stored.
namespace Core::ApiKeyFormat {

inline constexpr qsizetype RandomLength = 32;
inline constexpr qsizetype ChecksumLength = 6;
inline constexpr qsizetype KeyLength = 3 + RandomLength + ChecksumLength; // 41
inline constexpr qsizetype PrefixLength = 11;

enum class Shape { Ok, MissingPrefix, WrongLength, BadAlphabet, BadChecksum };

struct GeneratedKey
{
    QString key;     // shown exactly once
    QString prefix;  // "zv_" + 8
    QByteArray hash; // SHA-256 of key, raw 32 bytes
};

GeneratedKey generate();
Shape check(QByteArrayView key);
inline bool isWellFormed(QByteArrayView key)
{
    return check(key) == Shape::Ok;
}
QByteArray hash(QByteArrayView key);
QString prefixOf(QByteArrayView key);

} // namespace Core::ApiKeyFormat
