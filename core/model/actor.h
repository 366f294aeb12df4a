#pragma once

#include <QString>

namespace Core {

// Who asks for a change: the signed-in user (or nobody, for setup and sign-in) and the
// client address, for permission checks and the audit log.
struct Actor
{
    QString userId;
    bool isServerAdmin = false;
    QString ip;
};

} // namespace Core
