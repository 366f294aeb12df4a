#include "jsonwriter.h"

namespace Wire {

namespace {
char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + (v - 10));
}
} // namespace

void JsonWriter::separate()
{
    if (m_needComma)
        m_out += ',';
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out += '"';
    appendEscaped(name.data(), name.size());
    m_out += "\":";
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::value(QStringView s)
{
    separate();
    m_out += '"';
    // UTF-8 first: multi-byte sequences never contain the bytes that need escaping.
    const QByteArray utf8 = s.toUtf8();
    appendEscaped(utf8.constData(), utf8.size());
    m_out += '"';
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1StringView s)
{
    for (const char c : s)
        if (uchar(c) >= 0x80) // Latin-1 above ASCII is not UTF-8: convert
            return value(QString(s));
    separate();
    m_out += '"';
    appendEscaped(s.data(), s.size());
    m_out += '"';
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 n)
{
    separate();
    m_out += QByteArray::number(n);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool b)
{
    separate();
    m_out += b ? "true" : "false";
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += "null";
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out += json;
    m_needComma = true;
    return *this;
}

void JsonWriter::appendEscaped(const char *utf8, qsizetype n)
{
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(utf8 + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hexDigit(c >> 4), hexDigit(c & 0xF)};
            m_out.append(esc, sizeof esc);
        }
        }
    }
    m_out.append(utf8 + runStart, n - runStart);
}

} // namespace Wire
