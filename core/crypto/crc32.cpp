#include "crc32.h"

#include <QtEndian>

#include <array>

namespace Core::Crc32 {

namespace {
// Slice-by-8: Tables[0] is the classic byte table; Tables[k][b] is the CRC of byte b
// followed by k zero bytes, so eight input bytes cost eight independent look-ups.
using Table = std::array<quint32, 256>;

constexpr std::array<Table, 8> makeTables()
{
    std::array<Table, 8> t{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
        t[0][i] = c;
    }
    for (size_t k = 1; k < t.size(); ++k)
        for (size_t i = 0; i < 256; ++i)
            t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFU];
    return t;
}
constexpr auto Tables = makeTables();
static_assert(Tables[0][1] == 0x77073096U && Tables[0][255] == 0x2D02EF8DU);
} // namespace

quint32 update(quint32 crc, const char *data, qsizetype size)
{
    const auto *p = reinterpret_cast<const uchar *>(data);
    quint32 c = ~crc;
    for (; size >= 8; size -= 8, p += 8) {
        const quint32 lo = qFromLittleEndian<quint32>(p) ^ c;
        const quint32 hi = qFromLittleEndian<quint32>(p + 4);
        c = Tables[7][lo & 0xFFU] ^ Tables[6][(lo >> 8) & 0xFFU] ^ Tables[5][(lo >> 16) & 0xFFU] ^
            Tables[4][lo >> 24] ^ Tables[3][hi & 0xFFU] ^ Tables[2][(hi >> 8) & 0xFFU] ^
            Tables[1][(hi >> 16) & 0xFFU] ^ Tables[0][hi >> 24];
    }
    for (; size > 0; --size, ++p)
        c = Tables[0][(c ^ *p) & 0xFFU] ^ (c >> 8);
    return ~c;
}

} // namespace Core::Crc32
