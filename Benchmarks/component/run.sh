#!/usr/bin/env bash
# Component throughput: a static page of Examples/blog served by sitegen's server.wasm
# under `wasmtime serve`, against a hello-world component built in the same run, both
# measured with wrk on loopback. Writes Benchmarks/results/component.md.
#
#   Benchmarks/component/run.sh            (DURATION=10 CONNECTIONS=8 by default)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/Benchmarks/work/component"
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
mkdir -p "$WORK" "$ROOT/Benchmarks/results"
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

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

measure() {  # name url-path wasmtime-args...
    local name=$1 path=$2; shift 2
    local p; p=$(port)
    wasmtime serve --addr "127.0.0.1:$p" "$@" >"$WORK/$name.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$p$path" && break; sleep 0.1; done
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$p$path" >"$WORK/$name.wrk" 2>&1 || true
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk"
}

hello=$(measure hello /hello "$WORK/hello.wasm")
page=$(measure page /about/ -S cli -S keyvalue --dir "$WORK/blog::/site" "$WORK/blog/server.wasm")
asset=$(measure asset /robots.txt -S cli -S keyvalue --dir "$WORK/blog::/site" "$WORK/blog/server.wasm")
static=$(measure static-page /tags/ -S cli -S keyvalue --dir "$WORK/blog::/site" "$WORK/blog/server.wasm")
size=$(stat -c %s "$WORK/blog/server.wasm"); gz=$(gzip -9c "$WORK/blog/server.wasm" | wc -c)
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
{
    echo "# Component throughput ($(date -u +%Y-%m-%d), wrk -t2 -c$CONNECTIONS -d${DURATION}s, loopback)"
    echo
    echo "| request | req/s | ratio vs hello-world |"
    echo "|---|---|---|"
    echo "| hello-world component | $hello | 1.00 |"
    echo "| static page \`/tags/\` (filesystem backend) | $static | $(ratio "$static" "$hello") |"
    echo "| small asset \`/robots.txt\` | $asset | $(ratio "$asset" "$hello") |"
    echo "| streamed page \`/about/\` (two loaders, KV) | $page | $(ratio "$page" "$hello") |"
    echo
    echo "Examples/blog server.wasm: $size B ($gz B gzip -9); it has server functions, so it carries the template engine."
} | tee "$ROOT/Benchmarks/results/component.md"
