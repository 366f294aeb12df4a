#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core {

// One validated tracking event, as the journal, the writer and the analytics see it.
// Times are milliseconds since the Unix epoch (UTC).
struct TrackedEvent
{
    enum class Type : quint8 { Pageview = 0, Custom = 1 };

    QString websiteId;
    Type type = Type::Pageview;
    QString name; // required for custom events
    QString url;
    QString path; // URL path, no query or fragment
    QString referrer;
    QString sessionId;
    QString userAgent;
    QString deviceType;
    QString browser;
    QString os;
    QByteArray props; // compact JSON object, or empty
    qint64 occurredAt = 0;
    qint64 receivedAt = 0;
    QString keyId; // set when sent with an API key
    // VisitorIds' daily id (16 bytes); empty for events journaled before it existed,
    // which count their session id as the visitor.
    QByteArray visitorId;
    // ISO 3166-1 alpha-2 of the client address ("XX": not found) when a country database
    // is configured; empty otherwise (and for events journaled before countries existed).
    QString country;

    QString typeName() const
    {
        return type == Type::Pageview ? QStringLiteral("pageview") : QStringLiteral("event");
    }

    // Compact binary form for the journal (versioned; see trackedevent.cpp): the first byte
    // is the format version, bumped whenever the field list changes.
    // 1: up to keyId; 2: + visitorId, country.
    static constexpr quint8 FormatVersion = 2;
    QByteArray serialize() const;
    static std::optional<TrackedEvent> deserialize(const QByteArray &bytes);
};

} // namespace Core
