#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace Core::Crc32 {

// CRC-32 as in zlib, PNG and Ethernet (IEEE 802.3: reflected, polynomial 0xEDB88320,
// initial value and final xor 0xFFFFFFFF); "123456789" gives 0xCBF43926. Chainable
// like zlib's crc32(): update(update(0, a), b) is the CRC of a followed by b.
quint32 update(quint32 crc, const char *data, qsizetype size);

inline quint32 of(QByteArrayView data)
{
    return update(0, data.data(), data.size());
}

} // namespace Core::Crc32
