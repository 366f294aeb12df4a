#pragma once

#include "core/accounts/passwordhasher.h"

#include <QtGlobal>

namespace Server {

// [auth] in the config file: password hashing, sessions, the per-IP limits of the
// sign-in endpoints (login, setup) and the per-account sign-in lock.
struct AuthSettings
{
    // Argon2id cost of new password hashes (OWASP: 19 MiB, 2 passes).
    quint64 argon2MemoryKib = Core::PasswordHasher::Policy().memoryKib;
    quint64 argon2Iterations = Core::PasswordHasher::Policy().iterations;
    // Sign-ins whose password is being checked at once (queued or running on
    // hashThreads workers); beyond this, 503 + Retry-After at once.
    int maxPendingSignIns = 32;
    int hashThreads = 0; // 0: one less than the CPU cores, at least 1
    qint64 sessionTtlMinutes = 7 * 24 * 60;
    int requestsPerMinute = 30; // per IP, login + setup together
    int failuresBeforeBan = 5;  // failed sign-ins in a row from one IP
    int banInitialSeconds = 30; // doubles with each further round of failures
    int banMaxSeconds = 3600;
    // Per target account (normalised email), failures from any addresses.
    int accountFailuresBeforeLock = 10;
    int accountLockInitialSeconds = 30; // doubles with each further round, up to the max
    int accountLockMaxSeconds = 900;

    Core::PasswordHasher::Policy passwordPolicy() const { return {argon2MemoryKib, argon2Iterations}; }
};

} // namespace Server
