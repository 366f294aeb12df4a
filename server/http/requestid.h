#pragma once

#include <QByteArray>

namespace Server {

// 32 hex characters from the process-wide generator; unique per request.
QByteArray newRequestId();
// A client-supplied X-Request-Id is kept only if it is short and plain.
bool isAcceptableRequestId(const QByteArray &id);

} // namespace Server
