#include "trackedevent.h"

#include <QDataStream>
#include <QIODevice>

namespace Core {

namespace {
// Bumped whenever the field list changes; old journals stay readable by branching on it.
constexpr quint8 FormatVersion = 1;
} // namespace

QByteArray TrackedEvent::serialize() const
{
    QByteArray out;
    out.reserve(256 + url.size() * 2 + userAgent.size() * 2 + props.size());
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << FormatVersion << websiteId << quint8(type) << name << url << path << referrer << sessionId
      << userAgent << deviceType << browser << os << props << occurredAt << receivedAt << keyId;
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
