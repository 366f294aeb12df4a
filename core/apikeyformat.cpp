#include "apikeyformat.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace Core::ApiKeyFormat {

namespace {

constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int AlphabetSize = 62;

constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
constexpr auto CrcTable = makeCrcTable();

quint32 crc32(QByteArrayView data)
{
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = CrcTable[(c ^ static_cast<quint8>(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray checksumOf(QByteArrayView randomPart)
{
    quint64 v = crc32(randomPart);
    QByteArray out(ChecksumLength, '0');
    for (qsizetype i = ChecksumLength - 1; i >= 0; --i) {
        out[i] = Alphabet[v % AlphabetSize];
        v /= AlphabetSize;
    }
    return out;
}

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

GeneratedKey generate()
{
    QRandomGenerator *rng = QRandomGenerator::system(); // OS CSPRNG
    QByteArray random;
    random.reserve(RandomLength);
    while (random.size() < RandomLength) {
        // Rejection sampling keeps every character uniform: 248 = 4 * 62.
        const quint32 word = rng->generate();
        for (int shift = 0; shift < 32 && random.size() < RandomLength; shift += 8) {
            const quint32 b = (word >> shift) & 0xFFu;
            if (b < 248)
                random.append(Alphabet[b % AlphabetSize]);
        }
    }
    const QByteArray key = QByteArrayLiteral("zv_") + random + checksumOf(random);
    return {QString::fromLatin1(key), QString::fromLatin1(key.left(PrefixLength)), hash(key)};
}

Shape check(QByteArrayView key)
{
    if (!key.startsWith("zv_"))
        return Shape::MissingPrefix;
    if (key.size() != KeyLength)
        return Shape::WrongLength;
    for (qsizetype i = 3; i < key.size(); ++i)
        if (!isBase62(key[i]))
            return Shape::BadAlphabet;
    const QByteArrayView random = key.sliced(3, RandomLength);
    if (checksumOf(random) != key.sliced(3 + RandomLength))
        return Shape::BadChecksum;
    return Shape::Ok;
}

QByteArray hash(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

QString prefixOf(QByteArrayView key)
{
    return QString::fromLatin1(key.first(qMin(PrefixLength, key.size())));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace Core::ApiKeyFormat
