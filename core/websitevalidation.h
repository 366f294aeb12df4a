#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace Core {

// Field rules for websites, shared by every API that creates or changes one. The
// messages are the public guide's: "Invalid URL format", "Name too long (max 100
// characters)". Returns field -> message for each problem (empty when valid);
// a nullopt argument is not checked (PATCH).
QMap<QString, QString> validateWebsiteInput(const std::optional<QString> &name,
                                            const std::optional<QString> &url);
// Lower-cased host of an absolute http(s) URL ("example.com").
QString websiteDomain(const QString &url);

} // namespace Core
