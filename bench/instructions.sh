#!/usr/bin/env bash
# bench/instructions.sh BUILD_DIR: CPU instructions per request of the server, counted
# by callgrind (user space, every thread of the server: HTTP thread, ingest writer,
# timers). Unlike requests/s, the count repeats from run to run whatever else the
# machine is doing, so it compares builds fairly. Loopback only, bounded (~1 minute).
#
# For each scenario: 2 s warm-up, counters zeroed, 8 s of load from zenovay-loadgen (8
# connections), counters dumped; instructions / responses. Prints one line per scenario:
#   SCENARIO RESPONSES INSTRUCTIONS_PER_REQUEST
set -euo pipefail
bin=${1:?usage: bench/instructions.sh BUILD_DIR}
server=$bin/app/zenovay-server
tool=$bin/bench/zenovay-bench-tool
loadgen=$bin/bench/zenovay-loadgen
command -v valgrind >/dev/null || {
    echo "instructions.sh: valgrind is missing (scripts/deps.sh bench)" >&2
    exit 1
}
work=$(mktemp -d /tmp/zenovay-instr.XXXXXX)
vpid=
cleanup() {
    [[ -n $vpid ]] && kill "$vpid" 2>/dev/null && wait "$vpid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

eval "$("$tool" seed "$work/data" 2>/dev/null)" # KEY=, CODE=, WEBSITE=
cat >"$work/bench.ini" <<'INI'
[limits]
max_connections=1024
[ingest]
burst_limit=1000000000
burst_window_ms=10000
hourly_limit=1000000000
INI
cat >"$work/event.json" <<'JSON'
{"event_type":"pageview","url":"https://shop.example/products/item-##0000?ref=@@0000000000000000","session_id":"s-%%0000000000000000","user_agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36","device_type":"desktop","browser":"Chrome","os":"Linux","referrer":"https://news.example.org/article"}
JSON
port=$((20000 + RANDOM % 20000))
valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p.out" "$server" --data-dir "$work/data" \
    --config "$work/bench.ini" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
vpid=$!
for _ in $(seq 1 200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.3
done

measure() { # name, loadgen arguments...
    local name=$1
    shift
    "$loadgen" --port "$port" "$@" --connections 8 --seconds 2 >/dev/null
    callgrind_control -z "$vpid" >/dev/null 2>&1
    local out n ir
    out=$("$loadgen" --port "$port" "$@" --connections 8 --seconds 8)
    n=$(sed -E 's/.*"responses":([0-9]+).*/\1/' <<<"$out")
    rm -f "$work"/cg.*.out.*
    callgrind_control -d "$vpid" >/dev/null 2>&1
    sleep 1
    ir=$(cat "$work"/cg.*.out.* | awk '/^summary:/ {s += $2} END {print s}')
    echo "$name $n $((ir / n))"
}
measure healthz --path /healthz
measure ingest --path "/e/$CODE" --method POST --body-file "$work/event.json" --unique --per-session 5 --paths 200
measure websites --path /api/external/v1/websites --header "X-API-Key: $KEY"
