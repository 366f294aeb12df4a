#pragma once

#include <QByteArrayView>

namespace Core::ConstantTime {

// Equal contents, in time that depends only on the sizes, not on where the first
// difference is: for comparing secrets and their hashes (key hashes, session token
// hashes, password hashes). Different sizes return false at once: the sizes compared
// here are public (fixed-length hashes).
bool equals(QByteArrayView a, QByteArrayView b) noexcept;

} // namespace Core::ConstantTime
