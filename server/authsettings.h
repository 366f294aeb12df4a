#pragma once

#include "core/accounts/passwordhasher.h"

#include <QtGlobal>

namespace Server {

// [auth] in the config file: password hashing, sessions, the per-IP limits of the
// sign-in endpoints (login, setup) and the per-account sign-in lock.
struct AuthSettings
{
    int passwordIterations = Core::PasswordHasher::DefaultIterations;
    qint64 sessionTtlMinutes = 7 * 24 * 60;
    int requestsPerMinute = 30; // per IP, login + setup together
    int failuresBeforeBan = 5;  // failed sign-ins in a row from one IP
    int banInitialSeconds = 30; // doubles with each further round of failures
    int banMaxSeconds = 3600;
    // Per target account (normalised email), failures from any addresses.
    int accountFailuresBeforeLock = 10;
    int accountLockInitialSeconds = 30; // doubles with each further round, up to the max
    int accountLockMaxSeconds = 900;
};

} // namespace Server
