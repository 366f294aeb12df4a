#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running Zenovay: installs what is
# missing, builds (release), then
#   - with a display (DISPLAY or WAYLAND_DISPLAY set): opens the desktop admin app,
#     which runs the server in-process on loopback (extra arguments go to zenovay-admin,
#     e.g. --server https://zenovay.example.com or --lang de);
#   - without one: starts the headless server on 127.0.0.1:8080 (override with
#     ZENOVAY_LISTEN=ADDR:PORT; extra arguments go to zenovay-server).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    echo "zenovay: opening the desktop admin app (zenovay-admin)." >&2
    exec build/release/app/zenovay-admin "$@"
fi

listen=${ZENOVAY_LISTEN:-127.0.0.1:8080}
echo "zenovay: no display (DISPLAY/WAYLAND_DISPLAY unset): starting the headless server." >&2
exec build/release/app/zenovay-server --listen "$listen" "$@"
