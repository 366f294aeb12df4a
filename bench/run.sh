#!/usr/bin/env bash
# bench/run.sh: every benchmark of issue 7 in one bounded run (about 10 minutes on a
# 2-core machine), loopback only; writes docs/benchmarks.md. Installs what is missing
# (scripts/deps.sh bench), builds the release preset, then measures:
#   ceilings   nginx (one worker, fixed 202) and our GET /healthz, same generator
#   ingest     POST /e/{code}, varied events, 64 connections; stored == acknowledged
#   storage    raw batched SQLite inserts (Qt Sql and the sqlite3 C API)
#   API        GET /api/external/v1/websites with a key, 64 connections; bench_keyverify
#   analytics  10M generated events over 90 days; 1/30/90-day queries vs raw GROUP BY
#   memory     server RSS idle, under ingest load, with the 10M-event database
# Environment: BENCH_SECONDS (per load run, default 10), BENCH_EVENTS (default 10000000),
# BENCH_OUT (default docs/benchmarks.md), BENCH_KEEP=1 keeps the work directory,
# BENCH_NO_BUILD=1 uses the existing build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${BENCH_SECONDS:-10}
gen_events=${BENCH_EVENTS:-10000000}
out=${BENCH_OUT:-docs/benchmarks.md}
conns=64
ceiling_rows=500000

log() { echo "bench: $*" >&2; }
die() {
    echo "bench: FAILED: $*" >&2
    exit 1
}

if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
    log "dependencies"
    scripts/deps.sh bench
    log "building (release preset)"
    cmake --preset release >/dev/null
    cmake --build --preset release -j2 >/dev/null
fi

bin=$root/build/release
server=$bin/app/zenovay-server
tool=$bin/bench/zenovay-bench-tool
loadgen=$bin/bench/zenovay-loadgen
keyverify=$bin/bench/bench_keyverify
ingestbench=$bin/bench/bench_ingest
qtceiling=$bin/bench/zenovay-qhttpserver-ceiling
for b in "$server" "$tool" "$loadgen" "$keyverify" "$ingestbench" "$qtceiling"; do
    [[ -x $b ]] || die "missing $b"
done

work=$(mktemp -d /tmp/zenovay-bench.XXXXXX)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in "${pids[@]}"; do
        wait "$p" 2>/dev/null || true
    done
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        log "work directory kept: $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# A free loopback TCP port (bounded tries).
free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    die "no free port"
}

wait_http() { # url: up to 15 s
    for _ in $(seq 1 150); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    die "$1 did not answer"
}

# JSON field of the load generator's one-line output.
jget() { sed -E "s/.*\"$2\":\"?([^,\"}]*).*/\1/" <<<"$1"; }

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (100 * a / b < 1 ? "%.2f%%" : "%.1f%%"), 100 * a / b}'; }
times() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f× faster", a / b}'; }

# Starts the server; sets server_pid and server_port.
start_server() { # data-dir config log
    server_port=$(free_port)
    "$server" --data-dir "$1" --config "$2" --listen "127.0.0.1:$server_port" >"$3" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    wait_http "http://127.0.0.1:$server_port/healthz"
}
# SIGTERM, then waits (at most 120 s) for a graceful exit: queued events are committed.
stop_server() {
    kill -TERM "$server_pid"
    for _ in $(seq 1 1200); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$server_pid" 2>/dev/null && die "server did not stop within 120 s"
    local rc=0
    wait "$server_pid" || rc=$?
    ((rc == 0)) || die "server exited with $rc"
}

# ---------------------------------------------------------------- the machine
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem_total=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
cores=$(nproc)
kernel=$(uname -r)
qt_version=$(dpkg-query -W -f='${Version}' qt6-httpserver-dev 2>/dev/null || echo '?')
sqlite_version=$(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo '?')
nginx_version=$(nginx -v 2>&1 | sed 's/.*nginx\///')
git_rev=$(git rev-parse --short HEAD)
log "load average at start: $load_start"

# ---------------------------------------------------------------- the event body
# Varied events: the generator rewrites "@@"+16 (a unique marker in the query string),
# "%%"+16 (the session id, 5 events per session) and "##"+4 (one of 200 page paths).
cat >"$work/event.json" <<'EOF'
{"event_type":"pageview","url":"https://shop.example/products/item-##0000?ref=@@0000000000000000","session_id":"s-%%0000000000000000","user_agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36","device_type":"desktop","browser":"Chrome","os":"Linux","referrer":"https://news.example.org/article"}
EOF
event_bytes=$(($(wc -c <"$work/event.json") - 1))
load_args=(--connections "$conns" --seconds "$seconds")
post_args=(--method POST --body-file "$work/event.json" --unique --per-session 5 --paths 200)

# ---------------------------------------------------------------- storage ceilings
log "SQLite ceilings ($ceiling_rows rows)"
sqlite_qt=$("$tool" sqlite-ceiling "$ceiling_rows" 2>/dev/null)
sqlite_c=$("$tool" sqlite-ceiling-c "$ceiling_rows" 2>/dev/null)

# ---------------------------------------------------------------- micro-benchmark
log "bench_keyverify"
"$keyverify" --benchmark_min_time=0.3 >"$work/keyverify.txt" 2>/dev/null
log "bench_ingest"
"$ingestbench" --benchmark_min_time=0.3 >"$work/ingest-bench.txt" 2>/dev/null

# ---------------------------------------------------------------- nginx ceiling
log "nginx ceiling"
ng=$work/nginx
mkdir -p "$ng/tmp"
nginx_port=$(free_port)
cat >"$ng/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $ng/nginx.pid;
error_log $ng/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $ng/tmp/body;
    proxy_temp_path $ng/tmp/proxy;
    fastcgi_temp_path $ng/tmp/fastcgi;
    uwsgi_temp_path $ng/tmp/uwsgi;
    scgi_temp_path $ng/tmp/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            default_type application/json;
            return 202 '{"status":"accepted"}';
        }
    }
}
EOF
nginx -p "$ng" -c "$ng/nginx.conf" &
nginx_pid=$!
pids+=("$nginx_pid")
wait_http "http://127.0.0.1:$nginx_port/"
nginx_cmd="zenovay-loadgen --port NGINX --path /e/CODE ${post_args[*]} ${load_args[*]}"
nginx_out=$("$loadgen" --port "$nginx_port" --path /e/bench "${post_args[@]}" "${load_args[@]}")
kill -TERM "$nginx_pid"
wait "$nginx_pid" 2>/dev/null || true
log "nginx: $nginx_out"

# ---------------------------------------------------------------- bare QHttpServer ceiling
log "bare QHttpServer ceiling"
qt_port=$(free_port)
"$qtceiling" "$qt_port" >"$work/qhttpserver.log" 2>&1 &
qt_pid=$!
pids+=("$qt_pid")
wait_http "http://127.0.0.1:$qt_port/healthz"
qt_out=$("$loadgen" --port "$qt_port" --path /healthz "${load_args[@]}")
kill -TERM "$qt_pid"
wait "$qt_pid" 2>/dev/null || true
log "QHttpServer: $qt_out"

# ---------------------------------------------------------------- instructions per request
log "instructions per request (callgrind, about a minute)"
instr=$(bench/instructions.sh "$bin")
instr_of() { awk -v s="$1" '$1 == s {print $3}' <<<"$instr"; }
log "instructions: $(tr '\n' ' ' <<<"$instr")"

# ---------------------------------------------------------------- our server: healthz, ingest, API
log "seeding"
data=$work/ingest
eval "$("$tool" seed "$data" 2>/dev/null)" # KEY=, CODE=, WEBSITE=
[[ -n ${KEY:-} && -n ${CODE:-} && -n ${WEBSITE:-} ]] || die "seed printed no KEY/CODE/WEBSITE"
cat >"$work/bench.ini" <<'EOF'
; bench/run.sh: per-IP tracking limits raised for the run (the benchmark measures the
; server, not the limiter's 429s); durability settings are the defaults.
[limits]
max_connections=1024
max_connections_per_ip=0

[ingest]
burst_limit=1000000000
burst_window_ms=10000
hourly_limit=1000000000
EOF
start_server "$data" "$work/bench.ini" "$work/server-ingest.log"
sleep 1
rss_idle=$(rss_kib "$server_pid")

log "GET /healthz"
healthz_out=$("$loadgen" --port "$server_port" --path /healthz "${load_args[@]}")
log "healthz: $healthz_out"

log "POST /e/{code}"
rss_samples=$work/rss-ingest.txt
(
    for _ in $(seq 1 $((seconds * 5 + 50))); do
        rss_kib "$server_pid" 2>/dev/null || break
        sleep 0.2
    done
) >"$rss_samples" &
sampler=$!
ingest_out=$("$loadgen" --port "$server_port" --path "/e/$CODE" "${post_args[@]}" "${load_args[@]}")
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
rss_ingest_max=$(sort -n "$rss_samples" | tail -1)
log "ingest: $ingest_out"

log "GET /api/external/v1/websites"
api_out=$("$loadgen" --port "$server_port" --path /api/external/v1/websites --header "X-API-Key: $KEY" \
    "${load_args[@]}")
log "websites: $api_out"
rss_hwm=$(hwm_kib "$server_pid")

log "stopping the server (graceful), counting stored events"
stop_server
stored=$("$tool" count-events "$data" 2>/dev/null)
acked=$(jget "$ingest_out" 2xx)
db_ingest_bytes=$(stat -c %s "$data/zenovay.db")

# ---------------------------------------------------------------- analytics over 10M events
log "generating $gen_events events over 90 days"
adata=$work/analytics
eval "$("$tool" seed "$adata" 2>/dev/null)"
gen_out=$("$tool" generate "$adata" "$WEBSITE" "$gen_events" 90)
eval "$gen_out" # EVENTS= SESSIONS= GEN_SECONDS= FROM= TO=
gen_seconds=$GEN_SECONDS
gen_from=$FROM
gen_to=$TO
log "generated in ${gen_seconds} s ($gen_from .. $gen_to)"
sqlite3 "$adata/zenovay.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
db_bytes=$(($(stat -c %s "$adata/zenovay.db") + $(stat -c %s "$adata/zenovay.db-wal" 2>/dev/null || echo 0)))
stored_gen=$("$tool" count-events "$adata" 2>/dev/null)
[[ $stored_gen == "$gen_events" ]] || die "generator stored $stored_gen of $gen_events events"

start_server "$adata" "$work/bench.ini" "$work/server-analytics.log"
sleep 1
rss_10m_idle=$(rss_kib "$server_pid")
day_before() { date -u -d "$1 -$2 days" +%F; }
declare -A api_p50 raw_ms
calls=30
for days in 1 30 90; do
    from=$(day_before "$gen_to" $((days - 1)))
    url="http://127.0.0.1:$server_port/api/external/v1/analytics/$WEBSITE?from=$from&to=$gen_to"
    code=$(curl -sS -o "$work/analytics-$days.json" -w '%{http_code}' -H "X-API-Key: $KEY" "$url")
    [[ $code == 200 ]] || die "analytics $days days: HTTP $code: $(head -c 300 "$work/analytics-$days.json")"
    for _ in $(seq 1 $calls); do
        curl -sS -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $KEY" "$url"
    done | sort -n >"$work/analytics-$days.times"
    api_p50[$days]=$(awk -v n=$calls 'NR == int(n / 2) + 1 {printf "%.2f", $1 * 1000}' "$work/analytics-$days.times")
    log "analytics $days d: p50 ${api_p50[$days]} ms"
done
rss_10m=$(rss_kib "$server_pid")
stop_server
for days in 1 30 90; do
    from=$(day_before "$gen_to" $((days - 1)))
    repeats=3
    ((days > 1)) && repeats=1 # a raw scan of 30/90 days of 10M events takes tens of seconds
    raw_ms[$days]=$("$tool" group-by "$adata" "$WEBSITE" "$from" "$gen_to" "$repeats" 2>/dev/null)
    log "GROUP BY $days d: ${raw_ms[$days]} ms"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
finished=$(date -u '+%Y-%m-%d %H:%M UTC')

# ---------------------------------------------------------------- checks and the report
nginx_rate=$(jget "$nginx_out" ok_per_second)
healthz_rate=$(jget "$healthz_out" ok_per_second)
ingest_rate=$(jget "$ingest_out" ok_per_second)
api_rate=$(jget "$api_out" ok_per_second)
ingest_p99_ms=$(awk -v u="$(jget "$ingest_out" p99_us)" 'BEGIN {printf "%.2f", u / 1000}')
api_p99_ms=$(awk -v u="$(jget "$api_out" p99_us)" 'BEGIN {printf "%.2f", u / 1000}')
ms() { awk -v u="$1" 'BEGIN {printf "%.2f", u / 1000}'; }
# met A OP B: compares two numbers (OP is < or >=).
met() {
    awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
        ok = (op == "<") ? (a + 0 < b + 0) : (a + 0 >= b + 0)
        print (ok ? "**met**" : "**missed**")
    }'
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", 100 * a / b}'; }

durable_ok=1
[[ $stored == "$acked" ]] || durable_ok=0
for r in "$nginx_out" "$qt_out" "$healthz_out" "$ingest_out" "$api_out"; do
    [[ $(jget "$r" non_2xx) == 0 ]] || log "WARNING: non-2xx answers: $r"
done

mkdir -p "$(dirname "$out")"
{
    cat <<EOF
# Benchmarks

Written by \`bench/run.sh\` (commit \`$git_rev\`, $started to $finished). Every figure
below comes from that one run; rerun the command to reproduce them on your machine.

## The machine

| | |
| --- | --- |
| CPU | $cpu_model, $cores cores (\`nproc\`) |
| memory | $mem_total |
| kernel | $kernel |
| load average at start (1/5/15 min) | $load_start |
| load average at end | $load_end |
| Qt HTTP Server / SQLite / nginx | $qt_version / $sqlite_version / $nginx_version |

The load generator runs on the same machine (loopback): on $cores cores it takes one
core of its own, so every HTTP figure is "server + generator on $cores cores". The
machine is shared with other engineers; the load average above shows how quiet it was.

## How it was run

\`\`\`sh
bench/run.sh    # BENCH_SECONDS=$seconds, BENCH_EVENTS=$gen_events
\`\`\`

Each HTTP scenario: \`zenovay-loadgen\` (\`bench/ingestload.cpp\`: one thread, epoll,
$conns keep-alive connections, one request in flight per connection, ${seconds} s; after
the deadline it sends nothing new and waits for every answer still in flight, so its
2xx count is exactly what the server acknowledged). POST bodies are varied events
($event_bytes bytes): a unique marker per event, a new session id every 5 events, one
of 200 page paths. Server config for the run (\`--config\`): per-IP tracking limits
raised (\`[ingest] burst_limit\`, \`hourly_limit\` = 10^9), \`max_connections=1024\`;
durability settings are the defaults (journal \`write(2)\` before each 202, writer
commits with \`synchronous=FULL\`). Plan limits raised by \`zenovay-bench-tool seed\`.

| scenario | command |
| --- | --- |
| nginx ceiling | \`$nginx_cmd\` against \`nginx\` (\`worker_processes 1\`, \`return 202 '{"status":"accepted"}'\`, config generated in a temp dir) |
| /healthz ceiling | \`zenovay-loadgen --port P --path /healthz ${load_args[*]}\` |
| ingest | \`zenovay-loadgen --port P --path /e/CODE ${post_args[*]} ${load_args[*]}\` |
| stored events | SIGTERM (graceful: queued events committed), then \`zenovay-bench-tool count-events DIR\` |
| SQLite ceiling | \`zenovay-bench-tool sqlite-ceiling $ceiling_rows\` (Qt Sql) and \`sqlite-ceiling-c $ceiling_rows\` (sqlite3 C API): the same event rows, 1,000 per transaction, WAL, \`synchronous=FULL\` |
| authenticated API | \`zenovay-loadgen --port P --path /api/external/v1/websites --header 'X-API-Key: KEY' ${load_args[*]}\` |
| key verification | \`bench_keyverify --benchmark_min_time=0.3\` |
| ingest CPU per event | \`bench_ingest --benchmark_min_time=0.3\` |
| analytics data | \`zenovay-bench-tool generate DIR WEBSITE $gen_events 90\` (through \`Core::EventStore::apply\`, the ingest writer's own path: raw rows + rollups + visits) |
| analytics API | 30 × \`curl -w '%{time_total}' -H 'X-API-Key: KEY' '/api/external/v1/analytics/ID?from=..&to=..'\`, p50 |
| raw GROUP BY | \`zenovay-bench-tool group-by DIR WEBSITE FROM TO N\` (median of N; 3 for 1 day, 1 for 30 and 90 days) |
| memory | \`VmRSS\` from \`/proc/PID/status\` idle, every 0.2 s during ingest (max), \`VmHWM\` |

## Results

### Ingest and the HTTP ceilings ($conns connections)

| what | answers/s (2xx) | p50 | p99 | non-2xx | failures |
| --- | ---: | ---: | ---: | ---: | ---: |
| nginx, POST, fixed 202 | $nginx_rate | $(ms "$(jget "$nginx_out" p50_us)") ms | $(ms "$(jget "$nginx_out" p99_us)") ms | $(jget "$nginx_out" non_2xx) | $(jget "$nginx_out" failures) |
| bare QHttpServer 6.4, GET /healthz (\`zenovay-qhttpserver-ceiling\`) | $(jget "$qt_out" ok_per_second) | $(ms "$(jget "$qt_out" p50_us)") ms | $(ms "$(jget "$qt_out" p99_us)") ms | $(jget "$qt_out" non_2xx) | $(jget "$qt_out" failures) |
| zenovay GET /healthz | $healthz_rate | $(ms "$(jget "$healthz_out" p50_us)") ms | $(ms "$(jget "$healthz_out" p99_us)") ms | $(jget "$healthz_out" non_2xx) | $(jget "$healthz_out" failures) |
| **zenovay POST /e/{code}** | **$ingest_rate** | $(ms "$(jget "$ingest_out" p50_us)") ms | $ingest_p99_ms ms | $(jget "$ingest_out" non_2xx) | $(jget "$ingest_out" failures) |

- Acknowledged (202) events: **$acked**; events in the database after a graceful stop:
  **$stored** — $(if ((durable_ok)); then echo "equal"; else echo "**DIFFERENT: durability check FAILED**"; fi).
- Ingest / nginx: **$(ratio "$ingest_rate" "$nginx_rate")**; ingest / our /healthz: **$(ratio "$ingest_rate" "$healthz_rate")**.

### CPU instructions per request

\`bench/instructions.sh build/release\`: the server under callgrind, 8 connections, 8 s per
scenario after a 2 s warm-up; every thread of the server (HTTP thread, ingest writer,
timers), user space only. Repeatable whatever else runs on the machine.

| scenario | instructions per request |
| --- | ---: |
| GET /healthz | $(instr_of healthz) |
| POST /e/{code} (incl. the writer's share) | $(instr_of ingest) |
| GET /api/external/v1/websites (incl. the key's books) | $(instr_of websites) |

### Storage ceiling

| what | rows/s |
| --- | ---: |
| raw batched inserts, Qt Sql | $sqlite_qt |
| raw batched inserts, sqlite3 C API | $sqlite_c |
| ingest (HTTP, validation, journal, rows + rollups + visits) | $ingest_rate |

Ingest / SQLite C-API ceiling: **$(ratio "$ingest_rate" "$sqlite_c")**; / Qt Sql ceiling: **$(ratio "$ingest_rate" "$sqlite_qt")**.

### Authenticated API

| what | requests/s | p50 | p99 |
| --- | ---: | ---: | ---: |
| GET /api/external/v1/websites | $api_rate | $(ms "$(jget "$api_out" p50_us)") ms | $api_p99_ms ms |

\`bench_keyverify\` (Google Benchmark):

\`\`\`
$(grep -E '^(BM_|Benchmark|-)' "$work/keyverify.txt")
\`\`\`

\`bench_ingest\` (Google Benchmark; the ingest path's CPU per event without HTTP: JSON
parse + validation, bot match, journal payload and append, the writer's apply per
1,000 events):

\`\`\`
$(grep -E '^(BM_|Benchmark|-)' "$work/ingest-bench.txt")
\`\`\`

### Analytics over $gen_events events (90 days, one website)

Generated in **$gen_seconds s** ($(awk -v n="$gen_events" -v s="$gen_seconds" 'BEGIN {printf "%.0f", n / s}') events/s; $SESSIONS visits; $gen_from to $gen_to).

| range | API p50 ($calls calls) | raw GROUP BY | API / GROUP BY (GROUP BY time ÷ API time) |
| --- | ---: | ---: | ---: |
| 1 day | ${api_p50[1]} ms | ${raw_ms[1]} ms | $(ratio "${api_p50[1]}" "${raw_ms[1]}") ($(times "${raw_ms[1]}" "${api_p50[1]}")) |
| 30 days | ${api_p50[30]} ms | ${raw_ms[30]} ms | $(ratio "${api_p50[30]}" "${raw_ms[30]}") ($(times "${raw_ms[30]}" "${api_p50[30]}")) |
| 90 days | ${api_p50[90]} ms | ${raw_ms[90]} ms | $(ratio "${api_p50[90]}" "${raw_ms[90]}") ($(times "${raw_ms[90]}" "${api_p50[90]}")) |

### Memory and disk

| what | value |
| --- | ---: |
| server RSS idle (empty database) | $(mib "$rss_idle") MiB |
| server RSS under ingest load (max of 0.2 s samples) | $(mib "$rss_ingest_max") MiB |
| server peak RSS (VmHWM) after ingest + API load | $(mib "$rss_hwm") MiB |
| server RSS with the $gen_events-event database, idle | $(mib "$rss_10m_idle") MiB |
| server RSS with the $gen_events-event database, after the analytics calls | $(mib "$rss_10m") MiB |
| database size, $gen_events events (raw rows + indexes + rollups) | $(awk -v b="$db_bytes" 'BEGIN {printf "%.0f MiB", b / 1048576}') |
| bytes per stored event | $(awk -v b="$db_bytes" -v n="$gen_events" 'BEGIN {printf "%.0f", b / n}') |

## Targets

| target | measured | |
| --- | --- | --- |
| ingest ≥ 25% of the nginx ceiling | $(ratio "$ingest_rate" "$nginx_rate") | $(met "$(pct "$ingest_rate" "$nginx_rate")" ">=" 25) |
| ingest ≥ 60% of our /healthz | $(ratio "$ingest_rate" "$healthz_rate") | $(met "$(pct "$ingest_rate" "$healthz_rate")" ">=" 60) |
| every acknowledged event durable | $acked acknowledged, $stored stored | $(met "$durable_ok" ">=" 1) |
| authenticated GET p99 < 5 ms at $conns connections | $api_p99_ms ms (a bare QHttpServer route, same run: $(ms "$(jget "$qt_out" p99_us)") ms) | $(met "$api_p99_ms" "<" 5) |
| 30-day analytics over 10M events < 50 ms p50 | ${api_p50[30]} ms | $(met "${api_p50[30]}" "<" 50) |
| server RSS < 150 MB under load | $(mib "$rss_hwm") MiB peak | $(met "$((rss_hwm * 1024))" "<" 150000000) |
EOF
    if [[ -f bench/notes.md ]]; then
        echo
        cat bench/notes.md
    fi
} >"$out"
log "wrote $out"
((durable_ok)) || die "stored events ($stored) differ from acknowledged events ($acked)"
