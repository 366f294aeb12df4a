// Every JSON request body goes through Core::JsonText::parse: a hand-written byte scanner
// for unpaired UTF-16 surrogate escapes, then QJsonDocument. On text QJsonDocument
// accepts, the scanner must flag exactly the documents that hold a lone surrogate in some
// key or string, and parse() must refuse exactly those; what parse() accepts is what
// QJsonDocument reads.
#include "fuzzsupport.h"

#include "core/json/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {
bool hasLoneSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (s[i].isSurrogate())
            return true;
    }
    return false;
}

bool hasLoneSurrogate(const QJsonValue &v, int depth = 0)
{
    FUZZ_CHECK(depth < 10'000);
    if (v.isString())
        return hasLoneSurrogate(v.toString());
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            if (hasLoneSurrogate(item, depth + 1))
                return true;
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (hasLoneSurrogate(it.key()) || hasLoneSurrogate(it.value(), depth + 1))
                return true;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = FuzzSupport::bytes(data, size);
    const qsizetype lone = Core::JsonText::findUnpairedSurrogate(text);
    FUZZ_CHECK(lone >= -1 && lone < text.size());
    if (lone >= 0)
        FUZZ_CHECK(text.mid(lone, 2) == "\\u");

    const Core::JsonText::Parsed parsed = Core::JsonText::parse(text);
    QJsonParseError error;
    const QJsonDocument plain = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        FUZZ_CHECK(!parsed.error.isEmpty() && parsed.document.isNull());
        return 0;
    }
    const bool loneInDocument =
        hasLoneSurrogate(plain.isObject() ? QJsonValue(plain.object()) : QJsonValue(plain.array()));
    // Nothing the document holds is missed.
    if (loneInDocument)
        FUZZ_CHECK(lone >= 0);
    // The scanner may flag an escape the document no longer holds: a value overwritten by
    // a later duplicate key ({"a":"\ud800","a":1}). Refusing that text is intended (the
    // body did send a lone surrogate). Prove that is the only such case: the flagged
    // escape is a real one, and replacing it with a harmless escape changes nothing.
    if (lone >= 0 && !loneInDocument) {
        QByteArray replaced = text;
        replaced.replace(lone, 6, "\\u0041");
        QJsonParseError replacedError;
        const QJsonDocument again = QJsonDocument::fromJson(replaced, &replacedError);
        FUZZ_CHECK(replacedError.error == QJsonParseError::NoError);
        FUZZ_CHECK(again == plain);
    }
    FUZZ_CHECK(parsed.error.isEmpty() == (lone < 0));
    if (parsed.error.isEmpty())
        FUZZ_CHECK(parsed.document == plain);
    else
        FUZZ_CHECK(parsed.document.isNull());
    return 0;
}
