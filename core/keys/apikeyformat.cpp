#include "apikeyformat.h"

#include "core/crypto/crc32.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Core::ApiKeyFormat {

namespace {

constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int AlphabetSize = 62;

QByteArray checksumOf(QByteArrayView randomPart)
{
    quint64 v = Crc32::of(randomPart);
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

} // namespace Core::ApiKeyFormat
