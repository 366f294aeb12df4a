#!/usr/bin/env bash
# Runs the libFuzzer targets in fuzz/ (docs/reliability.md).
# Usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...]
#        scripts/fuzz.sh --ci
#   Builds the targets with clang (preset fuzz, in build/fuzz; installs clang first with
#   scripts/deps.sh fuzz if it is missing), then runs each for SECONDS seconds on a working
#   copy of its seed corpus: fuzz/corpus/TARGET is copied into build/fuzz/corpus/TARGET,
#   where new inputs accumulate from run to run; the committed seeds are never touched.
#   Exits non-zero if any target crashed, hung, leaked or broke one of its checks; the
#   input is kept as build/fuzz/artifacts/TARGET/crash-* (or leak-, timeout-, oom-) and
#   replays with build/fuzz/fuzzers/fuzz_TARGET FILE.
#   --ci is the test command's fuzz stage, bounded and seeded: every target runs the number
#   of executions fuzz/ci-runs.txt gives, from its committed seeds only (a fresh copy),
#   with a fixed seed and a fixed hash seed, so every run starts from the same inputs and
#   does the same amount of work (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...] | scripts/fuzz.sh --ci" >&2
    exit 2
}
ci=0
if [[ ${1:-} == --ci ]]; then
    (($# == 1)) || usage
    ci=1
    target=all
    seconds=300 # a guard only: the run counts end each target well before this
    shift
else
    if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]] || (($2 < 1)); then
        usage
    fi
    target=$1
    seconds=$2
    shift 2
fi

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

# Executions for target $1 in --ci mode, from fuzz/ci-runs.txt.
ci_runs() {
    awk -v t="$1" '$1 == t { print $2; found = 1 } END { if (!found) exit 1 }' fuzz/ci-runs.txt
}
if ((ci)); then
    for t in "${targets[@]}"; do
        ci_runs "$t" >/dev/null || {
            echo "scripts/fuzz.sh: fuzz/ci-runs.txt has no line for target $t" >&2
            exit 2
        }
    done
    # QHash/QSet iteration order follows a per-process random seed; fix it so coverage,
    # and with it what libFuzzer keeps, is the same from run to run.
    export QT_HASH_SEED=0
fi

failed=()
summary=()
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    artifacts=$build/artifacts/$t
    log=$build/logs/$t.log
    if ((ci)); then
        corpus=$build/ci-corpus/$t
        rm -rf "$corpus"
    fi
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    if [[ -d fuzz/corpus/$t ]]; then
        cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    else
        echo "scripts/fuzz.sh: $t has no seed corpus in fuzz/corpus/$t" >&2
    fi
    options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
    [[ -f fuzz/$t.dict ]] && options+=(-dict="fuzz/$t.dict")
    if ((ci)); then
        options+=(-runs="$(ci_runs "$t")" -seed=1 -reload=0)
        echo "== fuzz $t for $(ci_runs "$t") executions, seed 1 (log: $log)"
    else
        echo "== fuzz $t for ${seconds}s (log: $log)"
    fi
    status=0
    started=$SECONDS
    "$build/fuzzers/fuzz_$t" "${options[@]}" "$@" "$corpus" >"$log" 2>&1 || status=$?
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    line=$(printf '%-12s %10s executions %4d s %8s exec/s %6s new inputs %6s corpus files' "$t" \
        "$(stat number_of_executed_units)" $((SECONDS - started)) "$(stat average_exec_per_sec)" \
        "$(stat new_units_added)" "$(find "$corpus" -type f | wc -l)")
    if ((ci)) && [[ $(stat number_of_executed_units) != "$(ci_runs "$t")" ]]; then
        line+="  (stopped by the ${seconds}s guard before $(ci_runs "$t") executions)"
    fi
    if ((status != 0)); then
        failed+=("$t")
        line+="  FAILED (exit $status)"
        grep -E "^(==[0-9]+==ERROR|SUMMARY|FUZZ_CHECK|qFatal|.*runtime error)" "$log" | head -5 >&2 || true
        ls -1 "$artifacts" >&2 || true
    fi
    summary+=("$line")
done

if ((ci)); then
    printf '%s\n' "== fuzz summary (fuzz/ci-runs.txt executions each, seed 1)" "${summary[@]}"
else
    printf '%s\n' "== fuzz summary (${seconds}s each)" "${summary[@]}"
fi
if ((${#failed[@]})); then
    echo "scripts/fuzz.sh: FAILED: ${failed[*]} (inputs in $build/artifacts/, logs in $build/logs/)" >&2
    exit 1
fi
