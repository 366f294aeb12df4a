#!/bin/sh
# Runs a command in a private network namespace whose loopback interface also has two
# IPv6 addresses of one /64 (fd99::2 and fd99::3), for tests of per-/64 limits. Nothing
# outside the namespace changes. Exits 77 (ctest: skipped) where no namespace can be made
# (no unshare or ip, or neither root nor unprivileged user namespaces).
command -v unshare >/dev/null 2>&1 || exit 77
PATH=$PATH:/usr/sbin:/sbin
command -v ip >/dev/null 2>&1 || exit 77
if unshare -rn true 2>/dev/null; then
    flags=-rn
elif unshare -n true 2>/dev/null; then
    flags=-n
else
    exit 77
fi
exec unshare "$flags" sh -c 'ip link set lo up &&
    ip -6 addr add fd99::2/64 dev lo nodad && ip -6 addr add fd99::3/64 dev lo nodad &&
    exec "$@"' sh "$@"
