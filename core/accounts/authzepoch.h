#pragma once

#include <QtGlobal>

#include <atomic>

namespace Core {

// A counter bumped after every committed change that can alter what an API key or a
// session may do: a key revoked, a user disabled, a membership added/removed/changed,
// a team's plan changed or the team deleted, plan limits edited. Caches of
// authorisation decisions (the external API's key cache) remember the value they were
// filled at and reload when it moved, so such changes apply on the very next request.
class AuthzEpoch final
{
public:
    quint64 current() const { return m_value.load(std::memory_order_acquire); }
    void bump() { m_value.fetch_add(1, std::memory_order_acq_rel); }

private:
    std::atomic<quint64> m_value{1};
};

} // namespace Core
