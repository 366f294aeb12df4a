#include "trackedevent.h"

#include <QtEndian>

#include <cstring>

namespace Core {

namespace {
// TrackedEvent::FormatVersion is bumped whenever the field list changes; old journals stay
// readable by branching on it.
// The payload is exactly what QDataStream (Qt_6_4, big-endian) writes for the fields in
// order, so journals written with QDataStream replay; but it is written and read
// directly: a QString is a u32 byte count (0xFFFFFFFF when null) and UTF-16BE, a
// QByteArray a u32 count (0xFFFFFFFF when null) and the bytes.
constexpr quint32 NullMarker = 0xFFFFFFFFU;

qsizetype sizeOf(const QString &s)
{
    return 4 + s.size() * 2;
}
qsizetype sizeOf(const QByteArray &b)
{
    return 4 + b.size();
}

class Writer
{
public:
    explicit Writer(char *out) : m_out(out) {}
    char *end() const { return m_out; }

    void u8(quint8 v) { *m_out++ = char(v); }
    void u32(quint32 v)
    {
        qToBigEndian(v, m_out);
        m_out += 4;
    }
    void i64(qint64 v)
    {
        qToBigEndian(v, m_out);
        m_out += 8;
    }
    void string(const QString &s)
    {
        if (s.isNull())
            return u32(NullMarker);
        u32(quint32(s.size() * 2));
        qToBigEndian<quint16>(s.utf16(), s.size(), m_out);
        m_out += s.size() * 2;
    }
    void bytes(const QByteArray &b)
    {
        if (b.isNull())
            return u32(NullMarker);
        u32(quint32(b.size()));
        std::memcpy(m_out, b.constData(), size_t(b.size()));
        m_out += b.size();
    }

private:
    char *m_out;
};

// Reads what Writer (or QDataStream) wrote, as QDataStream does: an empty string is
// empty but not null, an odd UTF-16 byte count or a short read fails the whole read.
class Reader
{
public:
    explicit Reader(const QByteArray &in) : m_at(in.constData()), m_end(in.constData() + in.size()) {}
    bool ok() const { return m_ok; }

    quint8 u8() { return have(1) ? quint8(*m_at++) : 0; }
    quint32 u32()
    {
        if (!have(4))
            return 0;
        const quint32 v = qFromBigEndian<quint32>(m_at);
        m_at += 4;
        return v;
    }
    qint64 i64()
    {
        if (!have(8))
            return 0;
        const qint64 v = qFromBigEndian<qint64>(m_at);
        m_at += 8;
        return v;
    }
    QString string()
    {
        const quint32 size = u32();
        if (!m_ok || size == NullMarker)
            return {};
        if (size == 0)
            return QLatin1String("");
        if ((size & 1U) || !have(size)) {
            m_ok = false;
            return {};
        }
        QString s(qsizetype(size / 2), Qt::Uninitialized);
        qFromBigEndian<quint16>(m_at, s.size(), s.data());
        m_at += size;
        return s;
    }
    QByteArray bytes()
    {
        const quint32 size = u32();
        if (!m_ok || size == NullMarker)
            return {};
        if (!have(size)) {
            m_ok = false;
            return {};
        }
        QByteArray b(m_at, qsizetype(size));
        m_at += size;
        return b;
    }

private:
    bool have(quint32 n)
    {
        m_ok = m_ok && quint64(m_end - m_at) >= n;
        return m_ok;
    }

    const char *m_at;
    const char *m_end;
    bool m_ok = true;
};
} // namespace

QByteArray TrackedEvent::serialize() const
{
    const qsizetype size = 1 + sizeOf(websiteId) + 1 + sizeOf(name) + sizeOf(url) + sizeOf(path) +
                           sizeOf(referrer) + sizeOf(sessionId) + sizeOf(userAgent) + sizeOf(deviceType) +
                           sizeOf(browser) + sizeOf(os) + sizeOf(props) + 8 + 8 + sizeOf(keyId) + sizeOf(visitorId) + sizeOf(country);
    QByteArray out(size, Qt::Uninitialized);
    Writer w(out.data());
    w.u8(FormatVersion);
    w.string(websiteId);
    w.u8(quint8(type));
    for (const QString *s :
         {&name, &url, &path, &referrer, &sessionId, &userAgent, &deviceType, &browser, &os})
        w.string(*s);
    w.bytes(props);
    w.i64(occurredAt);
    w.i64(receivedAt);
    w.string(keyId);
    w.bytes(visitorId);
    w.string(country);
    Q_ASSERT(w.end() == out.constData() + out.size());
    return out;
}

std::optional<TrackedEvent> TrackedEvent::deserialize(const QByteArray &bytes)
{
    Reader r(bytes);
    TrackedEvent e;
    const quint8 version = r.u8();
    if (version < 1 || version > FormatVersion)
        return std::nullopt;
    e.websiteId = r.string();
    const quint8 type = r.u8();
    for (QString *s : {&e.name, &e.url, &e.path, &e.referrer, &e.sessionId, &e.userAgent, &e.deviceType,
                       &e.browser, &e.os})
        *s = r.string();
    e.props = r.bytes();
    e.occurredAt = r.i64();
    e.receivedAt = r.i64();
    e.keyId = r.string();
    if (version >= 2) {
        e.visitorId = r.bytes();
        e.country = r.string();
    }
    if (!r.ok() || type > 1)
        return std::nullopt;
    e.type = Type(type);
    return e;
}

} // namespace Core
