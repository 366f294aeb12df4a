#include "passwordhasher.h"

#include "core/crypto/constanttime.h"

#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <sodium.h>

#include <array>

namespace Core::PasswordHasher {

namespace {

constexpr qsizetype BlockSize = 64; // SHA-256 block
constexpr qsizetype DigestSize = 32;
const QByteArray Scheme = QByteArrayLiteral("pbkdf2-sha256");

// HMAC-SHA256 with the key's inner and outer pad blocks computed once. Each call
// reuses the two hash objects (reset, no allocation for the state).
class HmacSha256 final
{
public:
    explicit HmacSha256(QByteArrayView key)
    {
        QByteArray k = key.size() > BlockSize ? QCryptographicHash::hash(key, QCryptographicHash::Sha256)
                                              : key.toByteArray();
        k.append(QByteArray(BlockSize - k.size(), '\0'));
        m_ipad.resize(BlockSize);
        m_opad.resize(BlockSize);
        for (qsizetype i = 0; i < BlockSize; ++i) {
            m_ipad[i] = char(k[i] ^ 0x36);
            m_opad[i] = char(k[i] ^ 0x5c);
        }
        k.fill('\0');
    }
    ~HmacSha256()
    {
        m_ipad.fill('\0');
        m_opad.fill('\0');
    }
    Q_DISABLE_COPY_MOVE(HmacSha256)

    // out = HMAC(key, message); out must hold DigestSize bytes.
    void compute(QByteArrayView message, char *out)
    {
        m_inner.reset();
        m_inner.addData(m_ipad);
        m_inner.addData(message);
        const QByteArrayView innerDigest = m_inner.resultView();
        m_outer.reset();
        m_outer.addData(m_opad);
        m_outer.addData(innerDigest);
        const QByteArrayView result = m_outer.resultView();
        std::copy(result.begin(), result.end(), out);
    }

private:
    QByteArray m_ipad;
    QByteArray m_opad;
    QCryptographicHash m_inner{QCryptographicHash::Sha256};
    QCryptographicHash m_outer{QCryptographicHash::Sha256};
};

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

std::optional<Parsed> parse(const QString &encoded)
{
    const QList<QByteArray> parts = encoded.toLatin1().split('$');
    if (parts.size() != 4 || parts[0] != Scheme)
        return std::nullopt;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts[2], QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts[3], QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.isEmpty() || hash.decoded.size() != HashBytes)
        return std::nullopt;
    return Parsed{iterations, salt.decoded, hash.decoded};
}

} // namespace

QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, int keyLength)
{
    Q_ASSERT(iterations >= 1 && keyLength >= 1);
    HmacSha256 prf(password);
    QByteArray out;
    out.reserve(keyLength);
    QByteArray saltBlock = salt.toByteArray();
    saltBlock.resize(salt.size() + 4);
    std::array<char, DigestSize> u{};
    std::array<char, DigestSize> t{};
    for (quint32 block = 1; out.size() < keyLength; ++block) {
        saltBlock[salt.size()] = char(block >> 24);
        saltBlock[salt.size() + 1] = char(block >> 16);
        saltBlock[salt.size() + 2] = char(block >> 8);
        saltBlock[salt.size() + 3] = char(block);
        prf.compute(saltBlock, u.data());
        t = u;
        for (int i = 1; i < iterations; ++i) {
            prf.compute(QByteArrayView(u.data(), DigestSize), u.data());
            for (qsizetype j = 0; j < DigestSize; ++j)
                t[j] = char(t[j] ^ u[j]);
        }
        out.append(t.data(), qMin<qsizetype>(DigestSize, keyLength - out.size()));
    }
    u.fill('\0');
    t.fill('\0');
    return out;
}

// libsodium before its first use, once per process (thread-safe, idempotent).
static void ensureSodium()
{
    static const int ready = sodium_init();
    Q_ASSERT(ready >= 0);
    Q_UNUSED(ready);
}

QString hash(const QString &password, const Policy &policy)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const quint64 ops = qBound(Policy::MinIterations, policy.iterations, Policy::MaxIterations);
    const quint64 memory = qBound(Policy::MinMemoryKib, policy.memoryKib, Policy::MaxMemoryKib) * 1024;
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), ops, size_t(memory),
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::bad_alloc(); // libsodium fails only when it cannot get the memory
    return QString::fromLatin1(out);
}

bool needsRehash(const QString &encoded, const Policy &policy)
{
    // "$argon2id$v=19$m=19456,t=2,p=1$salt$hash": replaced when weaker than the policy in
    // memory or passes (never weakened when the policy is lowered).
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[1] != QLatin1String("argon2id"))
        return true;
    quint64 memory = 0;
    quint64 passes = 0;
    for (const QString &param : parts[3].split(QLatin1Char(','))) {
        if (param.startsWith(QLatin1String("m=")))
            memory = param.mid(2).toULongLong();
        else if (param.startsWith(QLatin1String("t=")))
            passes = param.mid(2).toULongLong();
    }
    return memory < policy.memoryKib || passes < policy.iterations;
}

Check check(const QString &password, const std::optional<QString> &stored, const Policy &policy)
{
    if (!stored) {
        burnEquivalentWork(password, policy);
        return {};
    }
    if (!verify(password, *stored))
        return {};
    return {true, needsRehash(*stored, policy) ? hash(password, policy) : QString()};
}

QString hashPbkdf2(const QString &password, int iterations)
{
    iterations = qBound(MinIterations, iterations, MaxIterations);
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / 4);
    const QByteArray derived = pbkdf2Sha256(password.toUtf8(), salt, iterations, HashBytes);
    return QString::fromLatin1(Scheme + '$' + QByteArray::number(iterations) + '$' + b64(salt) + '$' +
                               b64(derived));
}

bool verify(const QString &password, const QString &encoded)
{
    if (encoded.startsWith(QLatin1String("$argon2"))) {
        ensureSodium();
        const QByteArray latin1 = encoded.toLatin1();
        const QByteArray utf8 = password.toUtf8();
        return latin1.size() < crypto_pwhash_STRBYTES &&
               crypto_pwhash_str_verify(latin1.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    }
    const auto parsed = parse(encoded);
    if (!parsed)
        return false;
    const QByteArray derived = pbkdf2Sha256(password.toUtf8(), parsed->salt, parsed->iterations, HashBytes);
    return ConstantTime::equals(derived, parsed->hash);
}

void burnEquivalentWork(const QString &password, const Policy &policy)
{
    // A hash with the same parameters costs what verifying one does.
    const QString wasted = hash(password, policy);
    Q_UNUSED(wasted);
}

int iterationsOf(const QString &encoded)
{
    const auto parsed = parse(encoded);
    return parsed ? parsed->iterations : 0;
}

} // namespace Core::PasswordHasher
