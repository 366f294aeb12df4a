#pragma once

#include <QString>

#include <stdexcept>

namespace Core {

// Thrown by storage code when the database cannot do what was asked (I/O error, locked
// beyond the busy timeout, constraint the service did not expect). The server maps it
// to 503 SERVICE_UNAVAILABLE; its text never reaches a client.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

} // namespace Core
