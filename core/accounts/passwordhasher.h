#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// Password storage. New hashes are Argon2id (libsodium's crypto_pwhash_str, the PHC
// string "$argon2id$v=19$m=...,t=...,p=1$salt$hash"), with OWASP's parameters by
// default (19 MiB, 2 passes, 1 lane). Hashes of older releases are PBKDF2-HMAC-SHA256
// (RFC 8018), "pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64". At start-up the server wraps
// each of those in Argon2id without the password (wrapLegacy): Argon2id over the stored
// PBKDF2 output, "pbkdf2-sha256+argon2id$ITERATIONS$SALT_B64$" followed by the PHC
// string, so a stolen database holds no bare PBKDF2 hash. Wrapped and PBKDF2 hashes keep
// verifying and are replaced by plain Argon2id at the next successful sign-in
// (needsRehash), as are Argon2id hashes made with weaker parameters than configured.
namespace Core::PasswordHasher {

// The cost of new hashes ([auth] argon2_memory_kib, argon2_iterations).
struct Policy
{
    quint64 memoryKib = 19 * 1024;             // OWASP: m=19 MiB,
    quint64 iterations = 2;                    // t=2, p=1
    static constexpr quint64 MinMemoryKib = 8; // libsodium's floor; tests go this low
    static constexpr quint64 MaxMemoryKib = 4ULL << 20;
    static constexpr quint64 MinIterations = 1;
    static constexpr quint64 MaxIterations = 20;
};

inline constexpr int DefaultIterations = 150'000; // cost measured in docs/architecture.md
inline constexpr int MinIterations = 1'000;       // tests may go this low; production >= 100'000
inline constexpr int MaxIterations = 10'000'000;
inline constexpr int SaltBytes = 16;
inline constexpr int HashBytes = 32;

// Raw PBKDF2-HMAC-SHA256 (for the RFC test vectors and for hash()).
QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, int keyLength);

// A fresh Argon2id hash of password.
QString hash(const QString &password, const Policy &policy);
// A PBKDF2 hash as older releases wrote them (tests of the upgrade path).
QString hashPbkdf2(const QString &password, int iterations);
// True when password matches encoded (either scheme). Malformed encodings never match.
// Comparison is in constant time.
bool verify(const QString &password, const QString &encoded);
// True when encoded should be replaced at the next successful sign-in: PBKDF2, or
// Argon2id with less memory or fewer passes than policy's (a hash is never weakened).
bool needsRehash(const QString &encoded, const Policy &policy);
// The Argon2id parameters of a hash (plain or wrapped); nothing for PBKDF2 or malformed.
std::optional<Policy> parametersOf(const QString &encoded);
// The PBKDF2 iteration count recorded in a PBKDF2 or wrapped hash (0 when malformed or
// plain Argon2id).
int iterationsOf(const QString &encoded);
// The wrapped form of a PBKDF2 hash (Argon2id with policy over its PBKDF2 output); nothing
// when encoded is not a well-formed PBKDF2 hash. Needs no password.
std::optional<QString> wrapLegacy(const QString &encoded, const Policy &policy);

// One sign-in's password work, safe to run on any thread (no database): whether the
// password matches the stored hash (none stored: the same work, no match) and, when it
// matches but needsRehash(), the replacement hash.
//
// Every check does the same work, so its time tells nothing about the account: one
// Argon2id pass (a verify with the stored hash's parameters; with nothing to verify
// against, a hash with cost.dummyArgon2, else policy) and max(cost.pbkdf2Floor, the
// stored hash's own) PBKDF2 rounds. The caller (AccountService::beginLogin) passes as
// floor the largest iteration count of any PBKDF2 or wrapped hash still stored (0 once
// every account has signed in since the upgrade), and as dummyArgon2 the parameters of
// the most expensive stored Argon2id hash, so an unknown email costs what the most
// expensive account costs.
struct Check
{
    bool matches = false;
    QString upgradedHash;     // empty: keep the stored one
    bool unavailable = false; // the check could not run (out of memory): answer 503
    // The work done, which is the same for every stored hash and for none (tests).
    int pbkdf2Rounds = 0;
    int argon2Passes = 0;
    Policy argon2Parameters{0, 0}; // of that pass
};
struct Cost
{
    int pbkdf2Floor = 0;
    std::optional<Policy> dummyArgon2;
};
Check check(const QString &password, const std::optional<QString> &stored, const Policy &policy,
            const Cost &cost = {});

} // namespace Core::PasswordHasher
