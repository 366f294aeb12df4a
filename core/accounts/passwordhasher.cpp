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
const QByteArray WrappedScheme = QByteArrayLiteral("pbkdf2-sha256+argon2id");
const QByteArray Argon2idPrefix = QByteArrayLiteral("$argon2id$");
// The salt of the padding rounds (their output is thrown away).
const QByteArray FloorSalt = QByteArrayLiteral("zenovay-pbkdf2-floor");

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

// A PBKDF2 hash ("pbkdf2-sha256$N$SALT$HASH": hash is the PBKDF2 output) or a wrapped one
// ("pbkdf2-sha256+argon2id$N$SALT$" + PHC string: argon2 is Argon2id over that output).
struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
    QByteArray argon2;
};

std::optional<Parsed> parse(const QString &encoded)
{
    const QByteArray latin1 = encoded.toLatin1();
    const bool wrapped = latin1.startsWith(QByteArray(WrappedScheme + '$'));
    QList<QByteArray> parts;
    QByteArray argon2;
    if (wrapped) {
        // The PHC string follows the third '$' and brings its own leading '$'.
        const qsizetype phc = latin1.indexOf(Argon2idPrefix, WrappedScheme.size() + 1);
        if (phc < 0 || latin1.size() - phc >= qsizetype(crypto_pwhash_STRBYTES))
            return std::nullopt;
        parts = latin1.left(phc).split('$'); // scheme, iterations, salt and "" (the separator)
        argon2 = latin1.mid(phc);
        if (parts.size() != 4 || !parts[3].isEmpty())
            return std::nullopt;
    } else {
        parts = latin1.split('$');
        if (parts.size() != 4 || parts[0] != Scheme)
            return std::nullopt;
    }
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts[2], QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.isEmpty())
        return std::nullopt;
    if (wrapped)
        return Parsed{iterations, salt.decoded, {}, argon2};
    const auto hash = QByteArray::fromBase64Encoding(parts[3], QByteArray::AbortOnBase64DecodingErrors);
    if (!hash || hash.decoded.size() != HashBytes)
        return std::nullopt;
    return Parsed{iterations, salt.decoded, hash.decoded, {}};
}

// libsodium before its first use, once per process (thread-safe, idempotent).
void ensureSodium()
{
    static const int ready = sodium_init();
    Q_ASSERT(ready >= 0);
    Q_UNUSED(ready);
}

// libsodium's arguments must not be null, even for no bytes (an empty password's view is).
const char *bytesOf(QByteArrayView input)
{
    return input.isEmpty() ? "" : input.data();
}

// Argon2id of input (any bytes) with policy, as a PHC string.
QByteArray argon2Hash(QByteArrayView input, const Policy &policy)
{
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    const quint64 ops = qBound(Policy::MinIterations, policy.iterations, Policy::MaxIterations);
    const quint64 memory = qBound(Policy::MinMemoryKib, policy.memoryKib, Policy::MaxMemoryKib) * 1024;
    if (crypto_pwhash_str_alg(out, bytesOf(input), quint64(input.size()), ops, size_t(memory),
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::bad_alloc(); // libsodium fails only when it cannot get the memory
    return QByteArray(out);
}

bool argon2Verify(QByteArrayView input, const QByteArray &phc)
{
    ensureSodium();
    return phc.size() < qsizetype(crypto_pwhash_STRBYTES) &&
           crypto_pwhash_str_verify(phc.constData(), bytesOf(input), quint64(input.size())) == 0;
}

// Whether utf8 matches encoded, and the work that took: the PBKDF2 rounds run and
// whether an Argon2id pass ran. Malformed encodings never match (and cost nothing).
struct Outcome
{
    bool matches = false;
    int rounds = 0;
    bool argon2 = false;
};

Outcome match(const QByteArray &utf8, const QString &encoded)
{
    if (encoded.startsWith(QLatin1String("$argon2")))
        return {argon2Verify(utf8, encoded.toLatin1()), 0, true};
    const auto parsed = parse(encoded);
    if (!parsed)
        return {};
    const QByteArray derived = pbkdf2Sha256(utf8, parsed->salt, parsed->iterations, HashBytes);
    if (!parsed->argon2.isEmpty())
        return {argon2Verify(derived, parsed->argon2), parsed->iterations, true};
    return {ConstantTime::equals(derived, parsed->hash), parsed->iterations, false};
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

QString hash(const QString &password, const Policy &policy)
{
    return QString::fromLatin1(argon2Hash(password.toUtf8(), policy));
}

std::optional<Policy> parametersOf(const QString &encoded)
{
    // "$argon2id$v=19$m=19456,t=2,p=1$salt$hash", alone or after a wrapped hash's prefix.
    const qsizetype at = encoded.indexOf(QLatin1String("$argon2id$"));
    if (at < 0)
        return std::nullopt;
    const QStringList parts = encoded.mid(at).split(QLatin1Char('$'));
    if (parts.size() != 6)
        return std::nullopt;
    Policy p{0, 0};
    for (const QString &param : parts[3].split(QLatin1Char(','))) {
        if (param.startsWith(QLatin1String("m=")))
            p.memoryKib = param.mid(2).toULongLong();
        else if (param.startsWith(QLatin1String("t=")))
            p.iterations = param.mid(2).toULongLong();
    }
    if (p.memoryKib == 0 || p.iterations == 0)
        return std::nullopt;
    return p;
}

bool needsRehash(const QString &encoded, const Policy &policy)
{
    // Plain Argon2id, replaced when weaker than the policy in memory or passes (never
    // weakened when the policy is lowered); anything else always.
    if (!encoded.startsWith(QLatin1String("$argon2id$")))
        return true;
    const auto p = parametersOf(encoded);
    return !p || p->memoryKib < policy.memoryKib || p->iterations < policy.iterations;
}

Check check(const QString &password, const std::optional<QString> &stored, const Policy &policy,
            const Cost &cost)
{
    const QByteArray utf8 = password.toUtf8();
    const Outcome outcome = stored ? match(utf8, *stored) : Outcome();
    // The same work whatever was stored: one Argon2id pass, and the floor's PBKDF2 rounds.
    if (!outcome.argon2)
        argon2Hash(utf8, cost.dummyArgon2.value_or(policy));
    const int padding = qMin(cost.pbkdf2Floor, MaxIterations) - outcome.rounds;
    if (padding > 0)
        pbkdf2Sha256(utf8, FloorSalt, padding, HashBytes);
    Check result;
    result.pbkdf2Rounds = outcome.rounds + qMax(0, padding);
    result.argon2Passes = 1;
    result.argon2Parameters =
        outcome.argon2 ? parametersOf(*stored).value_or(Policy{0, 0}) : cost.dummyArgon2.value_or(policy);
    if (outcome.matches) {
        result.matches = true;
        if (needsRehash(*stored, policy))
            result.upgradedHash = hash(password, policy);
    }
    return result;
}

std::optional<QString> wrapLegacy(const QString &encoded, const Policy &policy)
{
    const auto parsed = parse(encoded);
    if (!parsed || !parsed->argon2.isEmpty())
        return std::nullopt;
    return QString::fromLatin1(WrappedScheme + '$' + QByteArray::number(parsed->iterations) + '$' +
                               b64(parsed->salt) + '$' + argon2Hash(parsed->hash, policy));
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
    return match(password.toUtf8(), encoded).matches;
}

int iterationsOf(const QString &encoded)
{
    const auto parsed = parse(encoded);
    return parsed ? parsed->iterations : 0;
}

} // namespace Core::PasswordHasher
