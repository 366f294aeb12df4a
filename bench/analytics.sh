#!/usr/bin/env bash
# bench/analytics.sh: the analytics reads of issue 16 over a generated database (default
# 10,000,000 events over 90 days, one website), loopback only, bounded: p50 of 30 calls
# each of the 1- and 30-day analytics without and with compare=previous, and of realtime.
# Prints a Markdown table for docs/benchmarks.md.
#   bench/analytics.sh [BUILD_DIR]   (default build/release; build/ci works too)
# Environment: BENCH_EVENTS (default 10000000), BENCH_KEEP=1 keeps the work directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release}
server=$bin/app/zenovay-server
tool=$bin/bench/zenovay-bench-tool
events=${BENCH_EVENTS:-10000000}
log() { printf '[analytics-bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
for b in "$server" "$tool"; do [[ -x $b ]] || die "missing $b (build it first)"; done
command -v curl >/dev/null || die "curl is missing (scripts/deps.sh bench)"

work=$(mktemp -d /tmp/zenovay-analytics-bench.XXXXXX)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

log "generating $events events over 90 days"
eval "$("$tool" seed "$work/data" 2>/dev/null)" # WEBSITE= KEY=
eval "$("$tool" generate "$work/data" "$WEBSITE" "$events" 90)" # EVENTS= SESSIONS= GEN_SECONDS= FROM= TO=
log "generated in $GEN_SECONDS s ($FROM .. $TO)"
# The generation leaves gigabytes of dirty pages; reads measured while the kernel writes
# them back measure the disk, not the server. Wait until they are on disk.
sync_start=$(date +%s.%N)
sync -f "$work/data/zenovay.db"
log "synced in $(awk -v a="$sync_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"

port=
for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[[ -n $port ]] || die "no free port"
"$server" --data-dir "$work/data" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port/api/external/v1/analytics/$WEBSITE"
p50() { # url -> p50 of 30 calls in ms (after one warm-up call that must answer 200)
    local code
    code=$(curl -sS -o "$work/last.json" -w '%{http_code}' -H "X-API-Key: $KEY" "$1")
    [[ $code == 200 ]] || die "$1: HTTP $code: $(head -c 300 "$work/last.json")"
    for _ in $(seq 1 30); do
        curl -sS -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $KEY" "$1"
    done | sort -n | awk 'NR == 16 {printf "%.2f", $1 * 1000}'
}
from30=$(date -u -d "$TO -29 days" +%F)
echo "| read (${events} events, 90 days) | p50 of 30 calls |"
echo "| --- | ---: |"
echo "| 1 day | $(p50 "$base?from=$TO&to=$TO") ms |"
echo "| 1 day, compare=previous | $(p50 "$base?from=$TO&to=$TO&compare=previous") ms |"
echo "| 30 days | $(p50 "$base?from=$from30&to=$TO") ms |"
echo "| 30 days, compare=previous | $(p50 "$base?from=$from30&to=$TO&compare=previous") ms |"
# Filters: one (read from the per-value rollups), a broad one, and two (replayed from the
# stored events); the generator's pages are /docs/page-N, browsers Chrome/Firefox/...
echo "| 30 days, page=/docs/page-3 | $(p50 "$base?from=$from30&to=$TO&page=/docs/page-3") ms |"
echo "| 30 days, browser=Firefox | $(p50 "$base?from=$from30&to=$TO&browser=Firefox") ms |"
echo "| 30 days, page=/docs/page-3 & browser=Firefox | $(p50 "$base?from=$from30&to=$TO&page=/docs/page-3&browser=Firefox") ms |"
echo "| export CSV, 30 days | $(p50 "$base/export?from=$from30&to=$TO") ms |"
# Realtime reads the last 30 minutes: put 3,000 events there first (6 batches of 500 through
# POST /events, timestamps spread over the last 29 minutes), about 13 times the generated rate.
now_s=$(date -u +%s)
for b in $(seq 0 5); do
    python3 - "$b" "$now_s" >"$work/batch.json" <<'PY'
import json, sys, datetime
b, now = int(sys.argv[1]), int(sys.argv[2])
events = []
for i in range(500):
    n = b * 500 + i
    t = datetime.datetime.fromtimestamp(now - 1740 + n * 0.58, datetime.timezone.utc)
    events.append({"event_type": "pageview", "url": f"https://example.com/live/{n % 40}",
                   "session_id": f"realtime-bench-{n % 700:05d}", "user_agent": "bench",
                   "device_type": "desktop", "browser": "Firefox", "os": "Linux",
                   "timestamp": t.isoformat(timespec="milliseconds").replace("+00:00", "Z")})
print(json.dumps({"events": events}))
PY
    sed -i "s/^{/{\"website_id\": \"$WEBSITE\", /" "$work/batch.json"
    code=$(curl -sS -o "$work/batch-answer.json" -w '%{http_code}' -H "X-API-Key: $KEY" \
        -H 'Content-Type: application/json' --data-binary "@$work/batch.json" \
        "http://127.0.0.1:$port/api/external/v1/events")
    [[ $code == 202 ]] || die "POST /events: HTTP $code: $(head -c 300 "$work/batch-answer.json")"
done
sleep 2 # the writer commits within about a second
echo "| realtime (3,000 events in the last 30 minutes) | $(p50 "$base/realtime") ms |"
