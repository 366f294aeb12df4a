#pragma once

// The lengths the services accept for names, addresses and passwords: the server's
// checks (core/accounts/validation) and the app's forms (which say them up front) read
// the same numbers.
namespace Core::Validation {

inline constexpr int MaxNameLength = 100;
inline constexpr int MaxEmailLength = 254;
inline constexpr int MinPasswordLength = 8;
inline constexpr int MaxPasswordLength = 1024;

} // namespace Core::Validation
