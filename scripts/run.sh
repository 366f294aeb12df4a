#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running Zenovay: installs what is
# missing, builds (release), and starts the server on 127.0.0.1:8080 (override with
# ZENOVAY_LISTEN=ADDR:PORT; extra arguments go to the program).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null

listen=${ZENOVAY_LISTEN:-127.0.0.1:8080}
echo "zenovay: starting the headless server (the desktop app is not built yet)." >&2
exec build/release/app/zenovay-server --listen "$listen" "$@"
