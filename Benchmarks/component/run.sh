#!/usr/bin/env bash
# Component throughput: a static page of Examples/blog served by sitegen's server.wasm
# under `wasmtime serve`, against a hello-world component built in the same run, both
# measured with wrk on loopback. Writes Benchmarks/results/component.md.
#
#   Benchmarks/component/run.sh            (DURATION=10 CONNECTIONS=8 by default)
#   OUT_DIR=dir                            component.md and component.json there (Benchmarks/run
#                                          passes its raw folder; default Benchmarks/results)
#   INSTRUCTIONS=0                         skips the instructions-per-request count (callgrind;
#                                          it also runs only when valgrind is installed)
#   ROUNDS=5                               hello-world and the static page are measured
#                                          alternately this many times (this VM drifts by 10-20%
#                                          within minutes); their req/s are medians, the static
#                                          page's ratio the median of the rounds' ratios
#
# wasmtime serve runs without RUST_BACKTRACE / RUST_LIB_BACKTRACE, as a deployed server does:
# with RUST_BACKTRACE=1 inherited from a developer's shell it captures a backtrace on every
# request (1-2% of its time in libgcc's unwinder), for the hello-world component as well.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/Benchmarks/work/component"
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-8}
OUT_DIR=${OUT_DIR:-$ROOT/Benchmarks/results}
mkdir -p "$WORK" "$OUT_DIR"
command -v wrk >/dev/null || { echo "component bench: wrk is missing (scripts/setup.sh installs it)" >&2; exit 1; }

# 1. The hello-world component (research spike recipe).
mkdir -p "$WORK/hello-wit/deps"
cp "$HERE/hello.wit" "$WORK/hello-wit/world.wit"
cp -r "$ROOT/wit/deps/io" "$ROOT/wit/deps/http" "$ROOT/wit/deps/clocks" "$WORK/hello-wit/deps/"
clang --target=wasm32-unknown-unknown -O2 -mbulk-memory -c "$HERE/hello-alloc.c" -o "$WORK/alloc.o"
swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -enable-experimental-feature Extern \
    -wmo -Osize -parse-as-library -Xfrontend -disable-stack-protector -c "$HERE/hello.swift" -o "$WORK/hello.o"
wasm-ld --no-entry --gc-sections "$WORK/hello.o" "$WORK/alloc.o" -o "$WORK/hello.core.wasm"
wasm-tools component embed "$WORK/hello-wit" -w hello "$WORK/hello.core.wasm" -o "$WORK/hello.embed.wasm"
wasm-tools component new "$WORK/hello.embed.wasm" -o "$WORK/hello.wasm"

# 2. The blog's server.wasm (filesystem backend).
# SITEGEN=path/to/sitegen skips the release build.
if [ -z "${SITEGEN:-}" ]; then
    swift build -c release --product sitegen >/dev/null
    SITEGEN="$ROOT/.build/release/sitegen"
fi
SITEGEN_RUNTIME="$ROOT" "$SITEGEN" build --source "$ROOT/Examples/blog" --output "$WORK/blog" >/dev/null
# The streaming fixture: /three/ has three suspense loaders that each wait 300 ms.
rm -rf "$WORK/streaming-src" && cp -r "$ROOT/Tests/Fixtures/ComponentSites/streaming" "$WORK/streaming-src"
SITEGEN_RUNTIME="$ROOT" "$SITEGEN" build --source "$WORK/streaming-src" --output "$WORK/streaming" >/dev/null

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PID=""; PORT=""
serve() {  # name wasmtime-args... : starts wasmtime serve, waits until it answers
    local name=$1; shift
    PORT=$(port)
    env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE wasmtime serve --addr "127.0.0.1:$PORT" "$@" >"$WORK/$name.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
}
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }
# wrk on the running server; prints req/s, and fails the run on socket errors or non-2xx/3xx answers.
load() {  # name url-path wrk-args...
    local name=$1 path=$2; shift 2
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "http://127.0.0.1:$PORT$path" >"$WORK/$name.wrk" 2>&1 || true
    if grep -q "Non-2xx\|Socket errors" "$WORK/$name.wrk"; then
        echo "component bench: $name had errors:" >&2; cat "$WORK/$name.wrk" >&2; exit 1
    fi
    awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk"
}
# p50 and p99 latency of a load run, in ms ("0.52 / 1.90").
latency() {
    awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
         $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)} END {printf "%.2f / %.2f", p50, p99}' "$WORK/$1.wrk"
}
# Cold start: from launching wasmtime serve to the first answer, 5 launches (min / median / max ms).
coldstart() {  # name url-path wasmtime-args...
    local name=$1 path=$2; shift 2
    for _ in 1 2 3 4 5; do
        PORT=$(port)
        local start; start=$(date +%s%N)
        env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE wasmtime serve --addr "127.0.0.1:$PORT" "$@" >"$WORK/$name-cold.log" 2>&1 &
        PID=$!
        until curl -s -o /dev/null "http://127.0.0.1:$PORT$path"; do sleep 0.005; done
        echo $(( ($(date +%s%N) - start) / 1000000 ))
        stop
    done | sort -n | awk '{v[NR]=$1} END {printf "%d / %d / %d", v[1], v[3], v[5]}'
}
measure() {  # name url-path wasmtime-args...
    local name=$1 path=$2; shift 2
    serve "$name" "$@"
    load "$name" "$path"
    stop
}
BLOG=(-S cli -S keyvalue --dir "$WORK/blog::/site" "$WORK/blog/server.wasm")

hello_cold=$(coldstart hello /hello "$WORK/hello.wasm")
blog_cold=$(coldstart blog /tags/ "${BLOG[@]}")
# hello-world and the static page, alternately: each round's ratio compares runs a few
# seconds apart.
hellos=(); statics=()
for _ in $(seq 1 "$ROUNDS"); do
    hellos+=("$(measure hello /hello "$WORK/hello.wasm")")
    statics+=("$(measure static-page /tags/ "${BLOG[@]}")")
done
read -r hello static static_ratio round_ratios < <(python3 - "${hellos[*]}" "${statics[*]}" <<'PY'
import statistics, sys
h = [float(x) for x in sys.argv[1].split()]; s = [float(x) for x in sys.argv[2].split()]
ratios = [b / a for a, b in zip(h, s)]
print(f"{statistics.median(h):.2f} {statistics.median(s):.2f} {statistics.median(ratios):.2f} {','.join(f'{r:.2f}' for r in ratios)}")
PY
)
page=$(measure page /about/ "${BLOG[@]}")
asset=$(measure asset /robots.txt "${BLOG[@]}")

# A 304 (If-None-Match with the page's ETag) and a server-function call (JSON POST;
# wasmtime's in-memory key-value store starts empty for every request).
serve blog "${BLOG[@]}"
etag=$(curl -sI "http://127.0.0.1:$PORT/tags/" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
notmodified=$(load not-modified /tags/ -H "If-None-Match: $etag")
cat >"$WORK/like.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"slug":"desk-setup"}'
wrk.headers["content-type"] = "application/json"
wrk.headers["accept"] = "application/json"
wrk.headers["sec-fetch-site"] = "same-origin"
LUA
function=$(load function /_sg/fn/like -s "$WORK/like.lua")
stop

# The page with three 300 ms loaders: time to first byte and total, 20 sequential requests.
serve streaming -S cli --dir "$WORK/streaming::/site" "$WORK/streaming/server.wasm"
for _ in $(seq 1 20); do
    curl -s -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "http://127.0.0.1:$PORT/three/"
done >"$WORK/three.times"
stop
# min/median/max in ms of column $1 of three.times
stats() { sort -n -k"$1" "$WORK/three.times" | awk -v c="$1" '{v[NR]=$c*1000} END {printf "%.1f / %.1f / %.1f", v[1], v[int((NR+1)/2)], v[NR]}'; }
ttfb=$(stats 1); total=$(stats 2)
total_median=$(sort -n -k2 "$WORK/three.times" | awk '{v[NR]=$2*1000} END {printf "%.1f", v[int((NR+1)/2)]}')
size=$(stat -c %s "$WORK/blog/server.wasm"); gz=$(gzip -9c "$WORK/blog/server.wasm" | wc -c)
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
{
    echo "# Component throughput ($(date -u +%Y-%m-%d), wrk -t2 -c$CONNECTIONS -d${DURATION}s, loopback)"
    echo
    echo "| request | req/s | ratio vs hello-world | p50 / p99 ms |"
    echo "|---|---|---|---|"
    echo "| hello-world component | $hello | 1.00 | $(latency hello) |"
    echo "| static page \`/tags/\` (filesystem backend) | $static | $static_ratio | $(latency static-page) |"
    echo "| small asset \`/robots.txt\` | $asset | $(ratio "$asset" "$hello") | $(latency asset) |"
    echo "| streamed page \`/about/\` (two loaders, KV) | $page | $(ratio "$page" "$hello") | $(latency page) |"
    echo "| 304 Not Modified \`/tags/\` | $notmodified | $(ratio "$notmodified" "$hello") | $(latency not-modified) |"
    echo "| server function \`POST /_sg/fn/like\` (JSON, KV increment) | $function | $(ratio "$function" "$hello") | $(latency function) |"
    echo
    echo "hello-world and the static page were measured alternately, $ROUNDS rounds: req/s are medians, the static page's"
    echo "ratio is the median of the rounds' ratios ($round_ratios); the other rows compare with the median hello-world."
    echo
    echo "Cold start (launch \`wasmtime serve\`, compile, instantiate, first answer; 5 launches, min / median / max ms):"
    echo "hello-world $hello_cold, blog \`/tags/\` $blog_cold."
    echo
    echo "Page with three concurrent 300 ms loaders (\`/three/\` of the streaming fixture), 20 sequential requests, min / median / max:"
    echo
    echo "| first byte (ms) | complete (ms) | complete ÷ one loader (300 ms) |"
    echo "|---|---|---|"
    echo "| $ttfb | $total | $(ratio "$total_median" 300) (sequential loaders would be 3.00) |"
    echo
    echo "Examples/blog server.wasm: $size B ($gz B gzip -9); it has server functions and three islands (compiled to Swift, no template interpreter)."
} | tee "$OUT_DIR/component.md"
latencies=$(for n in hello static-page asset page not-modified function; do printf '%s=%s;' "$n" "$(latency "$n")"; done)
python3 - "$OUT_DIR/component.json" <<PY
import json, sys
r = lambda x: round(float(x), 1)
hello = float("$hello")
rows = {"hello": "$hello", "static_page": "$static", "small_asset": "$asset", "streamed_page": "$page",
        "not_modified": "$notmodified", "server_function": "$function"}
names = {"hello": "hello", "static_page": "static-page", "small_asset": "asset", "streamed_page": "page",
         "not_modified": "not-modified", "server_function": "function"}
lat = dict(x.split("=") for x in "$latencies".strip(";").split(";"))
data = {"requests": {k: {"req_per_s": r(v), "ratio_vs_hello": round(float(v) / hello, 3), "p50_p99_ms": lat[names[k]]} for k, v in rows.items()},
        "rounds": {"hello": "${hellos[*]}".split(), "static_page": "${statics[*]}".split(), "static_page_ratios": "$round_ratios".split(",")},
        "cold_start_ms": {"hello": "$hello_cold", "blog": "$blog_cold"},
        "three_loaders_ms": {"first_byte": "$ttfb", "complete": "$total", "complete_over_one_loader": round(float("$total_median") / 300, 3)},
        "server_wasm_bytes": $size, "server_wasm_gzip_bytes": $gz, "duration_s": $DURATION, "connections": $CONNECTIONS}
data["requests"]["static_page"]["ratio_vs_hello"] = float("$static_ratio")   # the median of the rounds' ratios
json.dump(data, open(sys.argv[1], "w"), indent=2)
PY

# Instructions per request under callgrind: the same two servers, counted instead of timed,
# so a change of a few percent shows even when this VM's load drifts more than that.
if [ "${INSTRUCTIONS:-1}" = 1 ] && command -v valgrind >/dev/null; then
    python3 "$HERE/instructions.py" "$WORK/hello.wasm" "$WORK/blog" --out "$OUT_DIR/component.md" --json "$OUT_DIR/component.json" >/dev/null
    tail -n 9 "$OUT_DIR/component.md"
fi
