#include "jsontext.h"

#include <QJsonParseError>

#include <cstring>

namespace Core::JsonText {

namespace {

// The value of four hex digits at p, or -1 when any of them is not a hex digit.
int hex4(const char *p) noexcept
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

constexpr bool isHigh(int unit) noexcept
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}
constexpr bool isLow(int unit) noexcept
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

} // namespace

qsizetype findUnpairedSurrogate(QByteArrayView json) noexcept
{
    const char *const begin = json.data();
    const char *const end = begin + json.size();
    const char *p = begin;
    while (p < end) {
        p = static_cast<const char *>(std::memchr(p, '\\', size_t(end - p)));
        if (!p)
            return -1;
        // A backslash always starts an escape inside a string of valid JSON, and every
        // escape is two characters but \u, which is six.
        if (end - p < 2)
            return -1; // a truncated escape: the parser reports it
        if (p[1] != 'u') {
            p += 2;
            continue;
        }
        const int unit = end - p >= 6 ? hex4(p + 2) : -1;
        if (unit < 0) {
            p += 2; // malformed: the parser reports it
            continue;
        }
        if (isLow(unit))
            return p - begin;
        if (isHigh(unit)) {
            const bool pairsUp = end - p >= 12 && p[6] == '\\' && p[7] == 'u' && isLow(hex4(p + 8));
            if (!pairsUp)
                return p - begin;
            p += 12;
            continue;
        }
        p += 6;
    }
    return -1;
}

Parsed parse(const QByteArray &json)
{
    Parsed out;
    const qsizetype lone = findUnpairedSurrogate(json);
    if (lone >= 0) {
        out.error = QStringLiteral("unpaired UTF-16 surrogate %1 at offset %2 (a \\uD800-\\uDBFF escape "
                                   "must be followed by a \\uDC00-\\uDFFF one)")
                        .arg(QString::fromLatin1(json.mid(lone, 6)))
                        .arg(lone);
        return out;
    }
    QJsonParseError error;
    out.document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        out.document = {};
        out.error = QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset);
    }
    return out;
}

} // namespace Core::JsonText
