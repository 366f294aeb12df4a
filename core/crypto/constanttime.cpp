#include "constanttime.h"

namespace Core::ConstantTime {

bool equals(QByteArrayView a, QByteArrayView b) noexcept
{
    if (a.size() != b.size())
        return false;
    // volatile: the compiler must not turn the loop into an early-exit comparison.
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace Core::ConstantTime
