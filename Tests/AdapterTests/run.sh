#!/usr/bin/env bash
# End-to-end test of the asset adapters (Sources/SitegenAdapters/) without the real site
# runtime: builds a tiny C site component (site.c, world wit/world.wit = the project's `site`
# world), both adapters (scripts/build-adapters.sh), composes each (scripts/compose.sh), and
# fuses the filesystem backend's core adapter (filesystem-core.wat) into it as `sitegen build`
# does (`wasm-tools component new --adapt`; kind "fused" below), serves
# each with `wasmtime serve` and checks responses with curl (text, a >200 KB binary
# byte-for-byte, an exact multiple of the 64 KiB chunk, an empty file, index.html mapping, 404s,
# traversal) and that serving 300 x 300 KB from one reused instance does not grow the process
# (the adapters free what they allocate).
#
#   Tests/AdapterTests/run.sh            exit 0 when every check passes
#   ADAPTER_TEST_KEEP=1 ...              keep the work directory (printed at the end)
#
# Every server is started in the background, killed by its PID at the end of its block, and
# bounded by `timeout` (SERVER_TIMEOUT seconds, default 120).
set -euo pipefail
SELF="$(realpath "$0")"
HERE="$(dirname "$SELF")"
ROOT="$(realpath "$HERE/../..")"
SRC="$ROOT/Sources/SitegenAdapters"
CLANG=${SITEGEN_CLANG:-clang}
LIBC=${SITEGEN_WASI_LIBC:-/usr/lib/wasm32-wasi/libc.a}
SERVER_TIMEOUT=${SERVER_TIMEOUT:-120}

log() { echo "adapter-test: $*" >&2; }
die() { echo "adapter-test: error: $*" >&2; exit 1; }
for tool in "$CLANG" wasm-ld wasm-tools wasmtime curl python3 cmp timeout; do
    command -v "$tool" >/dev/null || die "$tool not found"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-adapter-test.XXXXXX")
SERVER_PID=
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ "${ADAPTER_TEST_KEEP:-}" = 1 ] || [ $rc -ne 0 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now() { echo "$EPOCHREALTIME"; }
since() { awk "BEGIN { printf \"%.2f\", $(now) - $1 }"; }

# --- fixture site ---------------------------------------------------------------------------
DIST="$WORK/dist"
mkdir -p "$DIST/posts/hello" "$DIST/components" "$DIST/assets"
printf 'hello from sitegen\n' > "$DIST/hello.txt"
printf '<!doctype html><title>home</title>\n' > "$DIST/index.html"
printf '<!doctype html><title>hello post</title>\n' > "$DIST/posts/hello/index.html"
printf 'dots inside a name are fine\n' > "$DIST/a..b.txt"
: > "$DIST/empty.txt"
python3 - "$DIST" <<'PY'
import os, random, sys
d = sys.argv[1]
r = random.Random(42)
open(os.path.join(d, "assets/big.bin"), "wb").write(r.randbytes(300_001))     # > 200 KB, not a chunk multiple
open(os.path.join(d, "exact.bin"), "wb").write(r.randbytes(131_072))          # exactly 2 x 64 KiB
# 240 names that sort close together (prefixes, case, punctuation, nesting) for the
# embedded adapter's binary search
names = []
for stem in ["a", "a.b", "a-", "a_", "A", "ab", "z", "0", "~", "a/a", "a/b/c", "aa/a"]:
    for i in range(20):
        names.append(f"many/{stem}{i}")
for n in names:
    path = os.path.join(d, n)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(f"asset {n}\n" * (1 + len(n) % 7))
open(os.path.join(d, "..many.txt"), "w").write("\n".join(names) + "\n")
PY
printf 'not an asset\n' > "$DIST/server.wasm"          # embedded: excluded
printf 'not an asset\n' > "$DIST/components/x.wasm"    # embedded: excluded

# --- test site component ---------------------------------------------------------------------
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

# --- adapters and composition ----------------------------------------------------------------
t=$(now)
"$ROOT/scripts/build-adapters.sh" filesystem "$WORK/adapter-filesystem.wasm"
log "filesystem adapter: $(stat -c %s "$WORK/adapter-filesystem.wasm") B ($(since "$t") s)"
t=$(now)
"$ROOT/scripts/build-adapters.sh" embedded "$DIST" "$WORK/adapter-embedded.wasm"
log "embedded adapter: $(stat -c %s "$WORK/adapter-embedded.wasm") B ($(since "$t") s)"

t=$(now)
"$ROOT/scripts/build-adapters.sh" filesystem-core "$WORK/adapter-filesystem-core.wasm"
wasm-tools component new "$WORK/site-embed.wasm" \
    --adapt "sitegen:site/assets@0.1.0=$WORK/adapter-filesystem-core.wasm" -o "$WORK/server-fused.wasm"
wasm-tools validate "$WORK/server-fused.wasm"
imports=$(wasm-tools component wit "$WORK/server-fused.wasm" | grep -E '^\s*import ')
log "fused server-fused.wasm: $(stat -c %s "$WORK/server-fused.wasm") B ($(since "$t") s)"
grep -q 'wasi:filesystem/preopens@0.2.0' <<<"$imports" || die "server-fused does not import wasi:filesystem"
if grep -q 'sitegen:site/assets' <<<"$imports"; then die "server-fused still imports sitegen:site/assets"; fi

for kind in filesystem embedded; do
    t=$(now)
    imports=$("$ROOT/scripts/compose.sh" "$WORK/site.wasm" "$WORK/adapter-$kind.wasm" "$WORK/server-$kind.wasm")
    log "composed server-$kind.wasm: $(stat -c %s "$WORK/server-$kind.wasm") B ($(since "$t") s); imports:"
    sed 's/^/    /' <<<"$imports" >&2
    if [ $kind = filesystem ]; then
        grep -q 'wasi:filesystem/preopens@0.2.0' <<<"$imports" || die "server-filesystem does not import wasi:filesystem"
    else
        if grep -q 'wasi:filesystem' <<<"$imports"; then die "server-embedded imports wasi:filesystem"; fi
    fi
done

# --- serving ---------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The filesystem adapter needs wasi:filesystem: `-S cli` adds the WASI CLI interfaces
# (filesystem included) to `serve`'s linker (without it wasmtime refuses the component:
# "matching implementation was not found in the linker"), and --dir maps the host folder
# to the preopen "/site".
FS_ARGS=(-S cli --dir "$DIST::/site")

# start_server KIND WASMTIME_ARGS... : serves server-KIND.wasm; sets PORT and SERVER_PID.
start_server() {
    local kind=$1; shift
    PORT=$(free_port)
    local args=(serve --addr "127.0.0.1:$PORT")
    timeout "$SERVER_TIMEOUT" wasmtime "${args[@]}" "$@" "$WORK/server-$kind.wasm" \
        >"$WORK/serve-$kind.log" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 1 100); do
        if curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT/"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve-$kind.log" >&2; die "wasmtime serve ($kind) exited"; }
        sleep 0.1
    done
    cat "$WORK/serve-$kind.log" >&2
    die "wasmtime serve ($kind) did not answer on port $PORT"
}
stop_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

FAILS=0
fail() { echo "adapter-test: FAIL [$1] $2" >&2; FAILS=$((FAILS + 1)); }

# expect KIND URL_PATH STATUS [FILE]: GET the path; check the status and, with FILE, the bytes.
expect() {
    local kind=$1 path=$2 status=$3 file=${4:-} body="$WORK/body"
    local got
    got=$(curl -s -m 30 --path-as-is -o "$body" -w '%{http_code}' "http://127.0.0.1:$PORT$path") || { fail "$kind" "GET $path: curl failed"; return; }
    if [ "$got" != "$status" ]; then fail "$kind" "GET $path: status $got, expected $status"; return; fi
    if [ -n "$file" ] && ! cmp -s "$body" "$file"; then
        fail "$kind" "GET $path: body differs from $file ($(stat -c %s "$body") vs $(stat -c %s "$file") B)"; return
    fi
    echo "adapter-test: ok   [$kind] GET $path -> $got${file:+ ($(stat -c %s "$file") B, identical)}" >&2
}

for kind in filesystem fused embedded; do
    if [ $kind != embedded ]; then start_server $kind "${FS_ARGS[@]}"; else start_server $kind; fi
    expect "$kind" /hello.txt 200 "$DIST/hello.txt"
    expect "$kind" /assets/big.bin 200 "$DIST/assets/big.bin"
    expect "$kind" /exact.bin 200 "$DIST/exact.bin"
    expect "$kind" /empty.txt 200 "$DIST/empty.txt"
    expect "$kind" /a..b.txt 200 "$DIST/a..b.txt"
    expect "$kind" / 200 "$DIST/index.html"
    expect "$kind" '/posts/hello/?utm=x' 200 "$DIST/posts/hello/index.html"
    expect "$kind" /missing.txt 404
    printf 'exists\n' > "$WORK/exists"
    expect "$kind" /__exists/assets/big.bin 200 "$WORK/exists"   # read(path, 0, 0) -> some([])
    expect "$kind" /__exists/empty.txt 200 "$WORK/exists"
    expect "$kind" /__exists/missing.txt 404
    expect "$kind" /__exists/posts 404
    expect "$kind" /posts 404                      # a directory is not an asset
    expect "$kind" /../hello.txt 404               # traversal: the adapter rejects ".."
    expect "$kind" /assets/../hello.txt 404
    expect "$kind" //etc/passwd 404                # leading '/' after the site strips one
    # every one of the 240 similar names, in one keep-alive curl, byte-for-byte
    many_args=()
    while read -r n; do many_args+=(-o "$WORK/got/$n" "http://127.0.0.1:$PORT/$n"); done < "$DIST/..many.txt"
    rm -rf "$WORK/got"; mkdir -p "$WORK/got"
    curl -s -m 60 --create-dirs "${many_args[@]}" || fail "$kind" "curl for many/* failed"
    if diff -r "$DIST/many" "$WORK/got/many" >/dev/null; then
        echo "adapter-test: ok   [$kind] GET many/* -> $(( ${#many_args[@]} / 3 )) assets, identical" >&2
    else
        fail "$kind" "many/*: bodies differ ($(diff -rq "$DIST/many" "$WORK/got/many" | head -3))"
    fi
    if [ "$kind" = embedded ]; then
        expect "$kind" /server.wasm 404
        expect "$kind" /components/x.wasm 404
    fi
    stop_server
done

# --- preopen choice: "/site" wins over other preopens; without it, the first one ------------
mkdir -p "$WORK/decoy"
printf 'decoy\n' > "$WORK/decoy/hello.txt"
for kind in filesystem fused; do
    start_server $kind -S cli --dir "$WORK/decoy::/aaa" --dir "$DIST::/site" --dir "$WORK/decoy::/zzz"
    expect $kind /hello.txt 200 "$DIST/hello.txt"
    stop_server
    start_server $kind -S cli --dir "$DIST::/public"
    expect $kind /hello.txt 200 "$DIST/hello.txt"
    stop_server
    start_server $kind -S cli
    expect $kind /hello.txt 404                  # no preopen at all: every asset is missing
    stop_server
done

# --- instance reuse: the adapters must free what they allocate -------------------------------
# One instance serves 300 requests for the 300 KB file. A leak of the returned lists would
# grow the instance's linear memory by ~90 MB; we compare wasmtime's RSS after 20 and after
# 320 requests.
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
for kind in filesystem fused embedded; do
    reuse=(--max-instance-reuse-count 100000 --idle-instance-timeout 60s)
    if [ $kind != embedded ]; then reuse+=("${FS_ARGS[@]}"); fi
    start_server "$kind" "${reuse[@]}"
    pid=$(pgrep -P "$SERVER_PID" -x wasmtime || echo "$SERVER_PID")   # timeout's child
    url="http://127.0.0.1:$PORT/assets/big.bin"
    # get_many N: N keep-alive GETs of the 300 KB file in one curl; fails unless all are 200
    get_many() {
        local args=() i codes
        for i in $(seq 1 "$1"); do args+=(-o /dev/null "$url"); done
        codes=$(curl -s -m 60 -w '%{http_code}\n' "${args[@]}" | sort | uniq -c | tr -s ' ')
        [ "$codes" = " $1 200" ] || fail "$kind" "repeated GETs: $codes"
    }
    get_many 20
    before=$(rss_kb "$pid")
    t=$(now)
    get_many 300
    secs=$(since "$t")
    after=$(rss_kb "$pid")
    growth=$(( (after - before) / 1024 ))
    if [ "$growth" -gt 30 ]; then
        fail "$kind" "RSS grew by $growth MB over 300 requests on one instance (leak?)"
    else
        echo "adapter-test: ok   [$kind] 300 x 300 KB on one instance: RSS ${before} -> ${after} kB, ${secs} s" >&2
    fi
    expect "$kind" /assets/big.bin 200 "$DIST/assets/big.bin"
    stop_server
done

if [ "$FAILS" -ne 0 ]; then
    die "$FAILS check(s) failed"
fi
log "all checks passed"
