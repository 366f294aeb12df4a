// The external API's key parser: an X-API-Key header value (trimmed, as ExternalAuth
// reads it) -> Core::ApiKeyFormat::check / hash / prefixOf. Random bytes almost never
// carry a valid checksum, so the input also seeds a well-formed key, built with an
// independent CRC-32, that must pass; every single-character change to it must fail.
#include "fuzzsupport.h"

#include "core/crypto/constanttime.h"
#include "core/keys/apikeyformat.h"

namespace {
using namespace Core::ApiKeyFormat;

constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Bitwise CRC-32 (IEEE, reflected), independent of the table the parser uses.
quint32 referenceCrc32(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray referenceKey(QByteArrayView random)
{
    QByteArray checksum(ChecksumLength, '0');
    quint64 v = referenceCrc32(random);
    for (qsizetype i = ChecksumLength - 1; i >= 0; --i, v /= 62)
        checksum[i] = Alphabet[v % 62];
    return "zv_" + random.toByteArray() + checksum;
}

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzSupport::bytes(data, size);
    const QByteArray presented = input.trimmed();
    const Shape shape = check(presented);
    FUZZ_CHECK(hash(presented).size() == 32);
    FUZZ_CHECK(prefixOf(presented).size() == qMin<qsizetype>(PrefixLength, presented.size()));
    FUZZ_CHECK(Core::ConstantTime::equals(presented, presented));
    if (shape == Shape::Ok) {
        FUZZ_CHECK(presented.size() == KeyLength && presented.startsWith("zv_"));
        FUZZ_CHECK(presented == referenceKey(QByteArrayView(presented).sliced(3, RandomLength)));
    } else if (shape == Shape::MissingPrefix) {
        FUZZ_CHECK(!presented.startsWith("zv_"));
    } else if (shape == Shape::WrongLength) {
        FUZZ_CHECK(presented.startsWith("zv_") && presented.size() != KeyLength);
    }

    // A well-formed key from the input's bytes, and every one-character change to it.
    if (input.size() < RandomLength + 2)
        return 0;
    QByteArray random(RandomLength, '0');
    for (qsizetype i = 0; i < RandomLength; ++i)
        random[i] = Alphabet[quint8(input[i]) % 62];
    const QByteArray key = referenceKey(random);
    FUZZ_CHECK(check(key) == Shape::Ok);
    FUZZ_CHECK(prefixOf(key) == QString::fromLatin1(key.left(PrefixLength)));
    const qsizetype at = 3 + qsizetype(quint8(input[RandomLength])) % (KeyLength - 3);
    const char replacement = char(input[RandomLength + 1]);
    if (replacement != key[at]) {
        QByteArray typo = key;
        typo[at] = replacement;
        FUZZ_CHECK(check(typo) == (isBase62(replacement) ? Shape::BadChecksum : Shape::BadAlphabet));
        FUZZ_CHECK(!Core::ConstantTime::equals(typo, key));
        FUZZ_CHECK(hash(typo) != hash(key));
    }
    return 0;
}
