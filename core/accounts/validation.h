#pragma once

#include "core/model/fieldlimits.h"

#include <QString>

#include <optional>

// Field rules shared by the services. Each returns the message for the 422 details,
// or nothing when the value is fine.
namespace Core::Validation {

// Length in characters (code points), not UTF-16 units.
qsizetype characterCount(const QString &text);
// 1..100 characters after trimming: "Name is required", "Name too long (max 100 characters)".
std::optional<QString> checkName(const QString &name);
// A new account's address: Core::EmailAddress::problem (look-alikes refused).
std::optional<QString> checkEmail(const QString &email);
std::optional<QString> checkPassword(const QString &password);

} // namespace Core::Validation
