#!/usr/bin/env bash
# Compiles the shared SSR core, Sources/SitegenHTML/**/*.swift, as Embedded Swift for
# wasm32-unknown-none-wasm. This is the check that the core stays inside the Embedded
# subset (typed throws, no non-class `any`, no Foundation, no key paths, ...).
#
# Output (under .wasm/, gitignored):
#   .wasm/SitegenHTML.o                        the object, for wasm-ld
#   .wasm/modules/SitegenHTML.swiftmodule      for `swiftc -I .wasm/modules`
#
# Skips the compile when neither the sources nor the flags changed since the last
# successful build. Environment:
#   SITEGEN_WASM_OPT=-Onone   optimisation level (default -Osize, as shipped). At -Onone
#                             a trap prints its message (`Fatal error: ...`) instead of
#                             failing silently.
#   SITEGEN_WASM_OUT=dir      output directory (default .wasm)
#
# `scripts/build-wasm.sh --flags` prints the swiftc flags, one per line, so other scripts
# (wasm-test.sh) compile against the module with exactly the same ones; `--link-flags`
# prints what they pass to wasm-ld.
set -euo pipefail
SELF="$(realpath "$0")"
cd "$(dirname "$SELF")/.."

OUT=${SITEGEN_WASM_OUT:-.wasm}
OPT=${SITEGEN_WASM_OPT:--Osize}

# The flags every Embedded wasm32 compile in this repo uses (research/embedded-swift-wasm.md):
# `Extern` for @_extern(wasm, ...); no stack protector, since nothing supplies
# __stack_chk_guard; Swift 6 mode, as in Package.swift; LLVM inlining only where it
# shrinks the code and no calls to Embedded Swift's empty `swift_beginAccess`, as the
# component is built (ComponentEmitter.swiftFlags), so the parity cases (a 512-deep JSON
# value freed within the wasm stack among them) run the code the component ships. The
# object is LLVM bitcode (-lto=llvm-full): wasm-ld optimises it with what it is linked
# with, given WASM_LD_FLAGS (ComponentEmitter.linkerFlags); without Swift's function merging,
# whose renamed copies would not fold across modules at the link, and with traps that
# checks may share.
INLINE_THRESHOLD=-inline-threshold=-100  # the compile's and the link's (ComponentEmitter.inlineThreshold)
SWIFT_EMBEDDED_FLAGS=(
    -target wasm32-unknown-none-wasm
    -enable-experimental-feature Embedded -enable-experimental-feature Extern
    -wmo "$OPT" -parse-as-library -swift-version 6 -Xfrontend -disable-stack-protector
    -Xllvm "$INLINE_THRESHOLD" -enforce-exclusivity=unchecked -lto=llvm-full
    -Xfrontend -disable-llvm-merge-functions-pass -Xfrontend -mergeable-traps
)
WASM_LD_FLAGS=(-mllvm "$INLINE_THRESHOLD" -mllvm -jump-threading-threshold=0 -mllvm -tail-merge-size=1)
if [ "${1:-}" = "--flags" ]; then
    printf '%s\n' "${SWIFT_EMBEDDED_FLAGS[@]}"
    exit 0
fi
if [ "${1:-}" = "--link-flags" ]; then
    printf '%s\n' "${WASM_LD_FLAGS[@]}"
    exit 0
fi

mkdir -p "$OUT/modules"

# One build at a time: `swift test` (the parity test) and `make` may both get here.
if [ -z "${SITEGEN_WASM_LOCK_HELD:-}" ]; then
    exec 9>"$OUT/.lock"
    flock 9
    export SITEGEN_WASM_LOCK_HELD=1
fi

mapfile -t SOURCES < <(find Sources/SitegenHTML -name '*.swift' -type f | LC_ALL=C sort)
if [ ${#SOURCES[@]} -eq 0 ]; then
    echo "build-wasm: error: no Swift files under Sources/SitegenHTML" >&2
    exit 1
fi

object="$OUT/SitegenHTML.o"
module="$OUT/modules/SitegenHTML.swiftmodule"
stamp="$OUT/SitegenHTML.stamp"
inputs="$(swiftc --version 2>&1 | head -1)"$'\n'"${SWIFT_EMBEDDED_FLAGS[*]}"$'\n'"$(printf '%s\n' "${SOURCES[@]}")"

up_to_date() {
    [ -f "$object" ] && [ -f "$module" ] && [ -f "$stamp" ] || return 1
    [ "$(cat "$stamp")" = "$inputs" ] || return 1
    [ -z "$(find "${SOURCES[@]}" "$SELF" -newer "$object" -print -quit)" ]
}

if up_to_date; then
    exit 0
fi

echo "build-wasm: compiling ${#SOURCES[@]} files of SitegenHTML for Embedded wasm32 ($OPT)" >&2
rm -f "$stamp"
if ! swiftc "${SWIFT_EMBEDDED_FLAGS[@]}" -module-name SitegenHTML \
    -emit-module -emit-module-path "$module" \
    -c "${SOURCES[@]}" -o "$object"; then
    cat >&2 <<'EOF'

build-wasm: error: SitegenHTML does not build as Embedded Swift for wasm32 (compiler errors above).
  The shared core must stay inside the Embedded subset: typed throws (`throws(E)`, also on
  closures), no `any P` unless P is class-bound, no `Any`, key paths, `String(describing:)`,
  `weak`, Codable, async, or Foundation.
EOF
    exit 1
fi
printf '%s' "$inputs" >"$stamp"
