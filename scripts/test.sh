#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test suite:
# installs what is missing, configures (warnings are errors), builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh test
preset=${ZENOVAY_TEST_PRESET:-ci}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
ctest --preset "$preset" -j"$(nproc)" "$@"
