#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QString>

// The one checked way to turn a request body into JSON. QJsonDocument refuses invalid
// UTF-8 itself, but it accepts a \u escape of an unpaired UTF-16 surrogate ("\ud800"
// alone, or a low "\udc00" without its high half) and keeps the lone code unit, which
// then reads back as a different string (U+FFFD or nothing once stored as UTF-8).
namespace Core::JsonText {

// Byte offset of the first \u escape in `json` that encodes an unpaired surrogate (a
// high \uD800-\uDBFF not directly followed by a low \uDC00-\uDFFF escape, or a low one on
// its own), or -1. Hex digits may be either case. An escaped backslash ("\\ud800") is
// literal text, not an escape. Only backslashes are looked at (memchr), so a body
// without any costs one pass and allocates nothing. Escapes that are malformed in other
// ways (fewer than four hex digits) are left to the JSON parser.
qsizetype findUnpairedSurrogate(QByteArrayView json) noexcept;

struct Parsed
{
    QJsonDocument document;
    QString error; // empty when the text is valid: "<problem> at offset N"
};

// QJsonDocument::fromJson after findUnpairedSurrogate: an unpaired surrogate escape is
// an error like any other parse error.
Parsed parse(const QByteArray &json);

} // namespace Core::JsonText
