#!/usr/bin/env bash
# Builds sitegen's asset adapter components (Sources/SitegenAdapters/): small C components
# that export `sitegen:site/assets@0.1.0` and are composed into the site component with
# scripts/compose.sh.
#
#   scripts/build-adapters.sh filesystem OUT.wasm
#       world adapter-filesystem: reads from the preopen "/site" (else the first preopen).
#       Independent of the site; cached under .wasm/adapters/ by a hash of its inputs.
#   scripts/build-adapters.sh embedded DIST_DIR OUT.wasm
#       world adapter-embedded: every file under DIST_DIR (except server.wasm and
#       components/) baked into the module's data. Built per site.
#
# Pipeline: clang --target=wasm32-unknown-unknown -Os -mbulk-memory -nostdlib; wasm-ld with
# wasi-libc's libc.a for dlmalloc (no WASI imports); wasm-opt -Oz (before stripping: binaryen
# 108 needs the target_features section); wasm-tools strip --all / component embed / component
# new / validate. Environment: SITEGEN_CLANG, SITEGEN_WASI_LIBC (path of libc.a),
# SITEGEN_ADAPTER_CACHE (default .wasm/adapters), SITEGEN_ADAPTER_NO_OPT=1 (skip wasm-opt),
# SITEGEN_ADAPTER_TIMING=1 (print each step's time).
set -euo pipefail
SELF="$(realpath "$0")"
ROOT="$(dirname "$SELF")/.."
ROOT="$(realpath "$ROOT")"
SRC="$ROOT/Sources/SitegenAdapters"
WIT="$ROOT/wit"

log() { echo "build-adapters: $*" >&2; }
die() { echo "build-adapters: error: $*" >&2; exit 1; }
# step CMD...: runs CMD; with SITEGEN_ADAPTER_TIMING=1 also prints how long it took.
step() {
    local t0=$EPOCHREALTIME
    "$@"
    if [ "${SITEGEN_ADAPTER_TIMING:-}" = 1 ]; then
        awk -v a="$t0" -v b="$EPOCHREALTIME" -v c="$1 ${2:-}" 'BEGIN { printf "build-adapters:   %6.3f s  %s\n", b - a, c }' >&2
    fi
}
usage() {
    echo "usage: scripts/build-adapters.sh filesystem OUT.wasm" >&2
    echo "       scripts/build-adapters.sh embedded DIST_DIR OUT.wasm" >&2
    exit 2
}

CLANG=${SITEGEN_CLANG:-clang}
LIBC=${SITEGEN_WASI_LIBC:-}
if [ -z "$LIBC" ]; then
    for c in /usr/lib/wasm32-wasi/libc.a /usr/lib/wasm32-wasip1/libc.a /usr/lib/wasm32-wasi/lib/libc.a; do
        [ -f "$c" ] && { LIBC=$c; break; }
    done
fi
[ -n "$LIBC" ] && [ -f "$LIBC" ] || die "wasi-libc's libc.a not found (Debian package wasi-libc; or set SITEGEN_WASI_LIBC)"
for tool in "$CLANG" wasm-ld wasm-tools python3; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
OPT=1
[ "${SITEGEN_ADAPTER_NO_OPT:-}" = 1 ] && OPT=0
if [ $OPT = 1 ] && ! command -v wasm-opt >/dev/null; then
    log "warning: wasm-opt (binaryen) not found; adapters stay unoptimised"
    OPT=0
fi

CFLAGS=(--target=wasm32-unknown-unknown -Os -mbulk-memory -nostdlib -ffreestanding
        -Wall -Wextra -Werror -I "$SRC")
# The exports come from export_name attributes in the sources (wasm-ld's --export takes symbol
# names, not export names); link_component checks that all four are there.
EXPORTS=(cabi_realloc _initialize "sitegen:site/assets@0.1.0#read" "cabi_post_sitegen:site/assets@0.1.0#read")

# link_component WORLD OUT CORE_EXPECTED_IMPORT_REGEX OBJECTS...
# Links OBJECTS into a core module, checks its imports, optimises, strips and wraps it as a
# component of WORLD (wit/world.wit), validated, written to OUT.
link_component() {
    local world=$1 out=$2 allowed=$3; shift 3
    local work; work=$(dirname "$1")
    step wasm-ld --no-entry --gc-sections --strip-debug "$@" "$LIBC" -o "$work/core.wasm"
    # Anything imported besides what the world provides would make `component new` fail
    # later with a less helpful message (e.g. a libc function pulling in wasi_snapshot_preview1).
    local wat bad e
    wat=$(wasm-tools print --skeleton "$work/core.wasm")
    bad=$(grep -E '^\s*\(import "' <<<"$wat" | grep -Ev "$allowed" || true)
    [ -z "$bad" ] || die "unexpected imports in the $world core module:"$'\n'"$bad"
    for e in "${EXPORTS[@]}"; do
        grep -qF "(export \"$e\" (func \$" <<<"$wat" || die "the $world core module does not export $e as itself"
    done
    if [ $OPT = 1 ]; then
        step wasm-opt -Oz "$work/core.wasm" -o "$work/core.opt.wasm"
    else
        cp "$work/core.wasm" "$work/core.opt.wasm"
    fi
    step wasm-tools strip --all "$work/core.opt.wasm" -o "$work/core.min.wasm"
    step wasm-tools component embed "$WIT" -w "$world" "$work/core.min.wasm" -o "$work/embed.wasm"
    step wasm-tools component new "$work/embed.wasm" -o "$work/component.wasm"
    step wasm-tools validate "$work/component.wasm"
    mkdir -p "$(dirname "$out")"
    mv -f "$work/component.wasm" "$out.tmp.$$" && mv -f "$out.tmp.$$" "$out"
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-adapter.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

case "${1:-}" in
filesystem)
    [ $# -eq 2 ] || usage
    OUT=$(realpath -m "$2")
    CACHE=${SITEGEN_ADAPTER_CACHE:-$ROOT/.wasm/adapters}
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.lock"
    flock 9
    key=$( {
        cat "$SELF" "$SRC/cabi.h" "$SRC/cabi.c" "$SRC/filesystem.c" \
            "$WIT/world.wit" "$WIT"/deps/filesystem/*.wit
        "$CLANG" --version | head -1; wasm-tools --version; wasm-opt --version 2>/dev/null || true
        echo "opt=$OPT libc=$LIBC"; sha256sum "$LIBC"
    } | sha256sum | cut -c1-16)
    cached="$CACHE/filesystem-$key.wasm"
    if [ ! -f "$cached" ]; then
        log "building the filesystem adapter ($key)"
        step "$CLANG" "${CFLAGS[@]}" -c "$SRC/cabi.c" -o "$WORK/cabi.o"
        step "$CLANG" "${CFLAGS[@]}" -c "$SRC/filesystem.c" -o "$WORK/filesystem.o"
        link_component adapter-filesystem "$cached" \
            '"wasi:filesystem/(types|preopens)@0\.2\.0"' "$WORK/cabi.o" "$WORK/filesystem.o"
        find "$CACHE" -name 'filesystem-*.wasm' ! -name "filesystem-$key.wasm" -delete
    fi
    if [ "$OUT" != "$cached" ]; then
        mkdir -p "$(dirname "$OUT")"
        cp -f "$cached" "$OUT.tmp.$$" && mv -f "$OUT.tmp.$$" "$OUT"
    fi
    log "filesystem adapter: $OUT ($(stat -c %s "$OUT") B)"
    ;;
embedded)
    [ $# -eq 3 ] || usage
    DIST=$2
    OUT=$(realpath -m "$3")
    [ -d "$DIST" ] || die "$DIST is not a directory"
    start=$EPOCHREALTIME
    summary=$(step python3 "$SRC/embed-site.py" "$DIST" "$WORK/gen")
    step "$CLANG" "${CFLAGS[@]}" -c "$SRC/cabi.c" -o "$WORK/cabi.o"
    step "$CLANG" "${CFLAGS[@]}" -c "$SRC/embedded.c" -o "$WORK/embedded.o"
    step "$CLANG" "${CFLAGS[@]}" -c "$WORK/gen/table.c" -o "$WORK/table.o"
    step "$CLANG" --target=wasm32-unknown-unknown -c "$WORK/gen/blob.s" -o "$WORK/blob.o"
    link_component adapter-embedded "$OUT" '^$' \
        "$WORK/cabi.o" "$WORK/embedded.o" "$WORK/table.o" "$WORK/blob.o"
    end=$EPOCHREALTIME
    log "embedded adapter: $OUT ($(stat -c %s "$OUT") B; $summary; $(awk "BEGIN { printf \"%.2f\", $end - $start }") s)"
    ;;
*)
    usage
    ;;
esac
