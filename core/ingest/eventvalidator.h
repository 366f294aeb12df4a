#pragma once

#include "core/model/serviceerror.h"
#include "trackedevent.h"

#include <QJsonObject>
#include <QUrl>

#include <optional>
#include <variant>

namespace Core::EventValidation {

// Bounds of spec section 4, in one place (documented in docs/ingest.md and openapi).
inline constexpr qsizetype MaxUrlLength = 2048;
inline constexpr qsizetype MaxPathLength = 512;
inline constexpr qsizetype MaxNameLength = 100;
inline constexpr qsizetype MinSessionIdLength = 8;
inline constexpr qsizetype MaxSessionIdLength = 128;
inline constexpr qsizetype MaxUserAgentLength = 512;
inline constexpr qsizetype MaxShortFieldLength = 64; // browser, os
inline constexpr qsizetype MaxPropsKeys = 25;
inline constexpr qsizetype MaxPropKeyLength = 64;
inline constexpr qsizetype MaxPropStringLength = 500;
inline constexpr qsizetype MaxPropsBytes = 4096;
inline constexpr qint64 MaxFutureSkewMs = 5 * 60'000;
inline constexpr qint64 MaxPastMs = 90LL * 86'400'000;

// Turns one JSON event into a TrackedEvent for the given website, or the error the
// client gets: InvalidArgument (400 INVALID_PARAMETER naming the field) when a field has
// the wrong JSON type, Validation (422 with one message per failing field) otherwise.
// Unknown fields are ignored. receivedAt = nowMs; occurredAt = timestamp or nowMs.
std::variant<TrackedEvent, ServiceError> parse(const QJsonObject &json, const QString &websiteId,
                                               qint64 nowMs);

// Same, throwing the ServiceError.
TrackedEvent parseOrThrow(const QJsonObject &json, const QString &websiteId, qint64 nowMs);

// True for an absolute http/https URL with a host, at most MaxUrlLength characters.
bool isHttpUrl(const QString &text, QUrl *parsed = nullptr);
// For a URL isHttpUrl() accepts, its path (QUrl::FullyEncoded; "/" when empty); nothing otherwise.
std::optional<QString> httpUrlPath(const QString &text);

} // namespace Core::EventValidation
