#!/usr/bin/env bash
# Runs the libFuzzer targets in fuzz/ (docs/reliability.md).
# Usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...]
#   Builds the targets with clang (preset fuzz, in build/fuzz; installs clang first with
#   scripts/deps.sh fuzz if it is missing), then runs each for SECONDS seconds on a working
#   copy of its seed corpus: fuzz/corpus/TARGET is copied into build/fuzz/corpus/TARGET,
#   where new inputs accumulate from run to run; the committed seeds are never touched.
#   Exits non-zero if any target crashed, hung, leaked or broke one of its checks; the
#   input is kept as build/fuzz/artifacts/TARGET/crash-* (or leak-, timeout-, oom-) and
#   replays with build/fuzz/fuzzers/fuzz_TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]] || (($2 < 1)); then
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

scripts/deps.sh fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"

build=build/fuzz
mapfile -t known <"$build/fuzzers.txt"
if [[ $target == all ]]; then
    targets=("${known[@]}")
elif printf '%s\n' "${known[@]}" | grep -qx -- "$target"; then
    targets=("$target")
else
    echo "scripts/fuzz.sh: unknown target '$target'; known: all ${known[*]}" >&2
    exit 2
fi

# ASan: report leaks, and fail on the first error. UBSan: print a stack with the report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-16/bin/llvm-symbolizer}

failed=()
summary=()
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    artifacts=$build/artifacts/$t
    log=$build/logs/$t.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    if [[ -d fuzz/corpus/$t ]]; then
        cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    else
        echo "scripts/fuzz.sh: $t has no seed corpus in fuzz/corpus/$t" >&2
    fi
    options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
    [[ -f fuzz/$t.dict ]] && options+=(-dict="fuzz/$t.dict")
    echo "== fuzz $t for ${seconds}s (log: $log)"
    status=0
    "$build/fuzzers/fuzz_$t" "${options[@]}" "$@" "$corpus" >"$log" 2>&1 || status=$?
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    line=$(printf '%-12s %10s executions %8s exec/s %6s new inputs %6s corpus files' "$t" \
        "$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" "$(stat new_units_added)" \
        "$(find "$corpus" -type f | wc -l)")
    if ((status != 0)); then
        failed+=("$t")
        line+="  FAILED (exit $status)"
        grep -E "^(==[0-9]+==ERROR|SUMMARY|FUZZ_CHECK|qFatal|.*runtime error)" "$log" | head -5 >&2 || true
        ls -1 "$artifacts" >&2 || true
    fi
    summary+=("$line")
done

printf '%s\n' "== fuzz summary (${seconds}s each)" "${summary[@]}"
if ((${#failed[@]})); then
    echo "scripts/fuzz.sh: FAILED: ${failed[*]} (inputs in $build/artifacts/, logs in $build/logs/)" >&2
    exit 1
fi
