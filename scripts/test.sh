#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test suite: installs what is
# missing, then runs four stages (docs/reliability.md), stopping at the first failure:
#   ci    build with warnings as errors (preset ci), run every test;
#   asan  build with AddressSanitizer, UBSan and LeakSanitizer (preset asan), run every test;
#   fuzz  run every libFuzzer target in fuzz/ from its committed seeds for the executions
#         fuzz/ci-runs.txt gives, with a fixed seed (scripts/fuzz.sh --ci); with
#         ZENOVAY_FUZZ_SECONDS set, for that many seconds each on the growing local corpus
#         instead. Any crash, leak, hang or broken check fails.
#   package  build the Debian packages (scripts/package.sh: lintian must find no error and
#         no warning, appstreamcli must accept the metadata); with
#         ZENOVAY_PACKAGE_INSTALL_TEST=1 also install them into a pristine Debian 12 root
#         and start the server there (tests/packaging/fresh_install.sh; needs root,
#         ../shared/tools/fresh-machine.sh and the Debian mirror).
# ZENOVAY_TEST_STAGES chooses the stages (default "ci asan fuzz package"; "ci" for a quick
# run while developing). CI (.ci/run) always runs all four. Extra arguments go to the ci
# stage's ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

stages=${ZENOVAY_TEST_STAGES:-ci asan fuzz package}
for s in $stages; do
    if [[ $s != ci && $s != asan && $s != fuzz && $s != package ]]; then
        echo "scripts/test.sh: unknown stage '$s' in ZENOVAY_TEST_STAGES (ci, asan, fuzz, package)" >&2
        exit 2
    fi
done
runs() { [[ " $stages " == *" $1 "* ]]; }
timings=()
timed() {
    local name=$1 start=$SECONDS
    shift
    echo "== stage $name"
    "$@"
    timings+=("$(printf '%-7s %4d s' "$name" $((SECONDS - start)))")
}

ci_stage() {
    local preset=${ZENOVAY_TEST_PRESET:-ci}
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j"$(nproc)"
    ctest --preset "$preset" -j"$(nproc)" "$@"
}
asan_stage() {
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j"$(nproc)"
    ctest --preset asan -j"$(nproc)"
}
package_stage() {
    scripts/package.sh build/packages
    if [[ ${ZENOVAY_PACKAGE_INSTALL_TEST:-0} == 1 ]]; then
        tests/packaging/fresh_install.sh build/packages
    fi
}

scripts/deps.sh test
# Where ccache is installed, unchanged files are not compiled again (paths are hashed
# relative to the checkout, so separate clones share the cache). Optional: without it
# everything builds from scratch.
if command -v ccache >/dev/null; then
    export CMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER:-ccache}
    export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
runs ci && timed ci ci_stage "$@"
runs asan && timed asan asan_stage
if [[ -n ${ZENOVAY_FUZZ_SECONDS:-} ]]; then
    runs fuzz && timed fuzz scripts/fuzz.sh all "$ZENOVAY_FUZZ_SECONDS"
else
    runs fuzz && timed fuzz scripts/fuzz.sh --ci
fi
runs package && timed package package_stage
printf '%s\n' "== stage times" "${timings[@]}"
