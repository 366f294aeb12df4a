#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Password storage: PBKDF2-HMAC-SHA256 (RFC 8018) with a 16-byte random salt from the
// OS CSPRNG, encoded as "pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64" (unpadded
// base64). Verification reads the iteration count from the stored string; raising the
// configured count re-hashes a password at its next successful sign-in (AccountService).
namespace Core::PasswordHasher {

inline constexpr int DefaultIterations = 150'000; // cost measured in docs/architecture.md
inline constexpr int MinIterations = 1'000;       // tests may go this low; production >= 100'000
inline constexpr int MaxIterations = 10'000'000;
inline constexpr int SaltBytes = 16;
inline constexpr int HashBytes = 32;

// Raw PBKDF2-HMAC-SHA256 (for the RFC test vectors and for hash()).
QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, int keyLength);

// A fresh encoded hash of password.
QString hash(const QString &password, int iterations);
// True when password matches encoded. Malformed encodings never match. Comparison is in
// constant time.
bool verify(const QString &password, const QString &encoded);
// Spends the same work as verify() against a hash with `iterations` and returns false;
// used for unknown accounts so that timing does not reveal whether an email exists.
void burnEquivalentWork(const QString &password, int iterations);
// The iteration count recorded in an encoded hash (0 when malformed).
int iterationsOf(const QString &encoded);

} // namespace Core::PasswordHasher
