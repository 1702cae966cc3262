#!/usr/bin/env bash
# Builds sitegen's asset adapter components (Sources/SitegenAdapters/): small C components
# that export `sitegen:site/assets@0.1.0` and are composed into the site component with
# scripts/compose.sh.
#
#   scripts/build-adapters.sh filesystem OUT.wasm
#       world adapter-filesystem: reads from the preopen "/site" (else the first preopen).
#   scripts/build-adapters.sh filesystem-core OUT.wasm
#       the same backend as a core adapter module (filesystem-core.wat, world
#       adapter-filesystem-core) for `wasm-tools component new --adapt`: fused into the site's
#       core instance, sharing its memory (what `sitegen build` puts in server.wasm).
#   scripts/build-adapters.sh embedded DIST_DIR OUT.wasm
#       world adapter-embedded: every file under DIST_DIR (except server.wasm and
#       components/) baked into the module's data. Built per site.
#   scripts/build-adapters.sh kv [--bucket NAME] OUT.wasm
#       world adapter-kv: wasi:keyvalue/store@0.2.0-draft bucket NAME (default
#       sitegen-assets; wasmtime's in-memory store only knows the bucket "").
#   scripts/build-adapters.sh blobstore [--container NAME] OUT.wasm
#       world adapter-blobstore: wasi:blobstore@0.2.0-draft container NAME (default
#       sitegen-assets).
#   scripts/build-adapters.sh cdn BASE_URL OUT.wasm
#       world adapter-cdn: ranged GETs of BASE_URL/<path> through
#       wasi:http/outgoing-handler@0.2.0. BASE_URL is http(s)://host[:port][/prefix].
# All but `embedded` are cached under .wasm/adapters/ by a hash of their inputs (sources,
# WIT, toolchain, and the name or URL baked in).
#
# Pipeline: clang --target=wasm32-unknown-unknown -Os -mbulk-memory -nostdlib; wasm-ld with
# wasi-libc's libc.a for dlmalloc (no WASI imports; filesystem and embedded link the smaller
# arena.c instead); wasm-opt -Oz (before stripping: binaryen
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
    echo "       scripts/build-adapters.sh filesystem-core OUT.wasm" >&2
    echo "       scripts/build-adapters.sh embedded DIST_DIR OUT.wasm" >&2
    echo "       scripts/build-adapters.sh kv [--bucket NAME] OUT.wasm" >&2
    echo "       scripts/build-adapters.sh blobstore [--container NAME] OUT.wasm" >&2
    echo "       scripts/build-adapters.sh cdn BASE_URL OUT.wasm" >&2
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
        # Nothing lives below 1 KB (wasm-ld's global base), which lets binaryen fold offsets.
        step wasm-opt -Oz --low-memory-unused "$work/core.wasm" -o "$work/core.opt.wasm"
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

# c_string VALUE: VALUE as a C string literal, every byte octal-escaped (for -D defines).
c_string() {
    python3 -c 'import sys; print("\"" + "".join("\\%03o" % b for b in sys.argv[1].encode("utf-8", "surrogateescape")) + "\"")' "$1"
}

# build_cached NAME WORLD ALLOWED_IMPORT_REGEX OUT SOURCE... [-- DEFINE...]
# Builds cabi.c + SOURCEs (with the -D DEFINEs) into a component of WORLD, cached as
# $CACHE/NAME-<hash>.wasm (hash of the script, the sources, the headers, the WIT, the
# defines and the toolchain); copies it to OUT. Keeps the 8 newest NAME-*.wasm.
build_cached() {
    local name=$1 world=$2 allowed=$3 out; out=$(realpath -m "$4"); shift 4
    local sources=() defines=()
    while [ $# -gt 0 ]; do
        if [ "$1" = -- ]; then shift; defines=("$@"); break; fi
        sources+=("$1"); shift
    done
    # In a checkout, beside the sources; in an installed (read-only) share/sitegen, the user's cache.
    local cache=${SITEGEN_ADAPTER_CACHE:-}
    if [ -z "$cache" ]; then
        if [ -w "$ROOT" ]; then cache=$ROOT/.wasm/adapters; else cache=${SITEGEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sitegen}/adapters; fi
    fi
    mkdir -p "$cache"
    exec 9>"$cache/.lock"
    flock 9
    local key
    key=$( {
        cat "$SELF" "$SRC"/*.h "$SRC/cabi.c" "${sources[@]}"
        find "$WIT" -name '*.wit' -print0 | sort -z | xargs -0 cat
        printf '%s\n' "${defines[@]}"
        "$CLANG" --version | head -1; wasm-tools --version; wasm-opt --version 2>/dev/null || true
        echo "opt=$OPT libc=$LIBC"; sha256sum "$LIBC"
    } | sha256sum | cut -c1-16)
    local cached="$cache/$name-$key.wasm"
    if [ ! -f "$cached" ]; then
        log "building the $name adapter ($key)"
        local objs=() src
        step "$CLANG" "${CFLAGS[@]}" -c "$SRC/cabi.c" -o "$WORK/cabi.o"
        objs+=("$WORK/cabi.o")
        for src in "${sources[@]}"; do
            step "$CLANG" "${CFLAGS[@]}" "${defines[@]}" -c "$src" -o "$WORK/$(basename "$src" .c).o"
            objs+=("$WORK/$(basename "$src" .c).o")
        done
        link_component "$world" "$cached" "$allowed" "${objs[@]}"
        local stale; mapfile -t stale < <(ls -1t "$cache/$name"-*.wasm | tail -n +9)
        [ ${#stale[@]} -eq 0 ] || rm -f "${stale[@]}"
    fi
    touch "$cached"   # for the pruning above: newest = most recently used
    if [ "$out" != "$cached" ]; then
        mkdir -p "$(dirname "$out")"
        cp -f "$cached" "$out.tmp.$$" && mv -f "$out.tmp.$$" "$out"
    fi
    exec 9>&-
    log "$name adapter: $out ($(stat -c %s "$out") B)"
}

# name_option FLAG DEFAULT ARGS...: for `kv [--bucket NAME] OUT`; prints NAME, then OUT.
name_option() {
    local flag=$1 name=$2; shift 2
    if [ $# -eq 3 ] && [ "$1" = "$flag" ]; then name=$2; shift 2; fi
    [ $# -eq 1 ] || return 1
    printf '%s\n%s\n' "$name" "$1"
}

case "${1:-}" in
filesystem)
    [ $# -eq 2 ] || usage
    build_cached filesystem adapter-filesystem '"wasi:filesystem/(types|preopens)@0\.2\.0"' "$2" \
        "$SRC/filesystem.c" "$SRC/arena.c"
    ;;
filesystem-core)
    [ $# -eq 2 ] || usage
    OUT=$(realpath -m "$2")
    # Assembled, not compiled: wasm-tools parse, then the world its imports belong to.
    step wasm-tools parse "$SRC/filesystem-core.wat" -o "$WORK/core.wasm"
    wat=$(wasm-tools print --skeleton "$WORK/core.wasm")
    bad=$(grep -E '^\s*\(import "' <<<"$wat" \
        | grep -Ev '"(wasi:filesystem/(types|preopens)@0\.2\.0|env|__main_module__)"' || true)
    [ -z "$bad" ] || die "unexpected imports in the filesystem-core module:"$'\n'"$bad"
    ! grep -qE '^\s*\((data|memory) ' <<<"$wat" || die "filesystem-core must own no memory and no data"
    step wasm-tools component embed "$WIT" -w adapter-filesystem-core "$WORK/core.wasm" -o "$WORK/embed.wasm"
    mkdir -p "$(dirname "$OUT")"
    mv -f "$WORK/embed.wasm" "$OUT.tmp.$$" && mv -f "$OUT.tmp.$$" "$OUT"
    log "filesystem-core adapter: $OUT ($(stat -c %s "$OUT") B)"
    ;;
kv)
    shift
    { read -r name; read -r out; } < <(name_option --bucket sitegen-assets "$@") || usage
    build_cached kv adapter-kv '"wasi:keyvalue/store@0\.2\.0-draft"' "$out" "$SRC/kv.c" \
        -- "-DSG_KV_BUCKET=$(c_string "$name")"
    ;;
blobstore)
    shift
    { read -r name; read -r out; } < <(name_option --container sitegen-assets "$@") || usage
    [ -n "$name" ] || die "the container name must not be empty"
    build_cached blobstore adapter-blobstore '"wasi:blobstore/(blobstore|container|types)@0\.2\.0-draft"' \
        "$out" "$SRC/blobstore.c" -- "-DSG_BLOB_CONTAINER=$(c_string "$name")"
    ;;
cdn)
    [ $# -eq 3 ] || usage
    # BASE_URL -> scheme, authority, path prefix (no trailing '/', percent-encoded); no query,
    # fragment, user or percent-escapes
    parts=$(python3 - "$2" <<'PY'
import sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
if u.scheme not in ("http", "https") or not u.hostname:
    sys.exit("the base URL must be http://host[:port][/prefix] or https://…")
if u.query or u.fragment or u.username or u.password or "%" in u.path:
    sys.exit("the base URL must not have a query, fragment, user or percent-escapes")
try:
    u.port
except ValueError as e:
    sys.exit(f"bad port: {e}")
print(1 if u.scheme == "https" else 0)
print(u.netloc)
print(urllib.parse.quote(u.path.rstrip("/"), safe="/!$&'()*+,;=:@-._~"))   # spaces, UTF-8, ...
PY
) || die "bad base URL: $2"
    mapfile -t parts <<<"$parts"   # (an empty prefix is a missing last line)
    https=${parts[0]} authority=${parts[1]} prefix=${parts[2]:-}
    build_cached cdn adapter-cdn '"wasi:(http/(types|outgoing-handler)|io/(poll|streams|error))@0\.2\.0"' "$3" \
        "$SRC/cdn.c" -- "-DSG_CDN_HTTPS=$https" "-DSG_CDN_AUTHORITY=$(c_string "$authority")" \
        "-DSG_CDN_PREFIX=$(c_string "$prefix")"
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
    step "$CLANG" "${CFLAGS[@]}" -c "$SRC/arena.c" -o "$WORK/arena.o"
    step "$CLANG" "${CFLAGS[@]}" -c "$WORK/gen/table.c" -o "$WORK/table.o"
    step "$CLANG" --target=wasm32-unknown-unknown -c "$WORK/gen/blob.s" -o "$WORK/blob.o"
    link_component adapter-embedded "$OUT" '^$' \
        "$WORK/cabi.o" "$WORK/embedded.o" "$WORK/arena.o" "$WORK/table.o" "$WORK/blob.o"
    end=$EPOCHREALTIME
    log "embedded adapter: $OUT ($(stat -c %s "$OUT") B; $summary; $(awk "BEGIN { printf \"%.2f\", $end - $start }") s)"
    ;;
*)
    usage
    ;;
esac
