#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Wire {

// A streaming writer of compact JSON into one byte buffer, for responses on hot paths
// where building a QJsonObject tree and serialising it cost more than the request's
// database work. Strings are escaped exactly as QJsonDocument::Compact escapes them, so
// for the same keys in the same (sorted) order the bytes are identical.
class JsonWriter final
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // An object member name; the value follows with one of the calls below.
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &value(QStringView s);
    JsonWriter &value(QLatin1StringView s);
    JsonWriter &value(qint64 n);
    JsonWriter &value(int n) { return value(qint64(n)); }
    JsonWriter &value(bool b);
    JsonWriter &null();
    // Inserts already-serialised JSON (one complete value).
    JsonWriter &raw(const QByteArray &json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    void appendEscaped(const char *utf8, qsizetype n);

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace Wire
