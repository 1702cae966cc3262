#!/usr/bin/env bash
# Builds the test bridge (./bridge.c, world keyvalue-draft2-bridge in ./wit) into OUT.wasm,
# with the recipe of scripts/build-adapters.sh: clang --target=wasm32-unknown-unknown
# -nostdlib, wasm-ld with wasi-libc's libc.a (dlmalloc only), component embed/new/validate.
#   Tests/Fixtures/KeyValueDraft2Bridge/build.sh OUT.wasm
# Environment: SITEGEN_CLANG, SITEGEN_WASI_LIBC, as for scripts/build-adapters.sh.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 OUT.wasm" >&2; exit 2; }
OUT=$(realpath -m "$1")
CLANG=${SITEGEN_CLANG:-clang}
LIBC=${SITEGEN_WASI_LIBC:-}
if [ -z "$LIBC" ]; then
    for c in /usr/lib/wasm32-wasi/libc.a /usr/lib/wasm32-wasip1/libc.a /usr/lib/wasm32-wasi/lib/libc.a; do
        [ -f "$c" ] && { LIBC=$c; break; }
    done
fi
[ -n "$LIBC" ] && [ -f "$LIBC" ] || { echo "build.sh: wasi-libc's libc.a not found" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-bridge.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
CFLAGS=(--target=wasm32-unknown-unknown -Os -mbulk-memory -nostdlib -ffreestanding -Wall -Wextra -Werror
        -I "$ROOT/Sources/SitegenAdapters")
"$CLANG" "${CFLAGS[@]}" -c "$ROOT/Sources/SitegenAdapters/cabi.c" -o "$WORK/cabi.o"
"$CLANG" "${CFLAGS[@]}" -c "$HERE/bridge.c" -o "$WORK/bridge.o"
wasm-ld --no-entry --gc-sections --strip-debug "$WORK/cabi.o" "$WORK/bridge.o" "$LIBC" -o "$WORK/core.wasm"
wasm-tools component embed "$HERE/wit" -w keyvalue-draft2-bridge "$WORK/core.wasm" -o "$WORK/embed.wasm"
wasm-tools component new "$WORK/embed.wasm" -o "$WORK/component.wasm"
wasm-tools validate "$WORK/component.wasm"
mkdir -p "$(dirname "$OUT")"
mv -f "$WORK/component.wasm" "$OUT"
