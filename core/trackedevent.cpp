#include "trackedevent.h"

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <cstring>

namespace Core {

namespace {
// Bumped whenever the field list changes; old journals stay readable by branching on it.
constexpr quint8 FormatVersion = 1;

// The payload is exactly what QDataStream (Qt_6_4, big-endian) writes for the fields in
// order — deserialize() reads it back with QDataStream — but written straight into one
// buffer of the right size: a QString is a u32 byte count (0xFFFFFFFF when null) and
// UTF-16BE, a QByteArray a u32 count (0xFFFFFFFF when null) and the bytes.
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
} // namespace

QByteArray TrackedEvent::serialize() const
{
    const qsizetype size = 1 + sizeOf(websiteId) + 1 + sizeOf(name) + sizeOf(url) + sizeOf(path) +
                           sizeOf(referrer) + sizeOf(sessionId) + sizeOf(userAgent) + sizeOf(deviceType) +
                           sizeOf(browser) + sizeOf(os) + sizeOf(props) + 8 + 8 + sizeOf(keyId);
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
    Q_ASSERT(w.end() == out.constData() + out.size());
    return out;
}

std::optional<TrackedEvent> TrackedEvent::deserialize(const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint8 type = 0;
    TrackedEvent e;
    s >> version;
    if (version != FormatVersion)
        return std::nullopt;
    s >> e.websiteId >> type >> e.name >> e.url >> e.path >> e.referrer >> e.sessionId >> e.userAgent >>
        e.deviceType >> e.browser >> e.os >> e.props >> e.occurredAt >> e.receivedAt >> e.keyId;
    if (s.status() != QDataStream::Ok || type > 1)
        return std::nullopt;
    e.type = Type(type);
    return e;
}

} // namespace Core
