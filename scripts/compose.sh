#!/usr/bin/env bash
# Composes a site component with an asset adapter at bytecode level:
#
#   scripts/compose.sh SITE.wasm ADAPTER.wasm OUT.wasm
#
# SITE imports sitegen:site/assets@0.1.0; ADAPTER (scripts/build-adapters.sh) exports it.
# Runs `wasm-tools compose SITE -d ADAPTER -o OUT`, validates OUT and prints OUT's imports
# (what the host must provide: wasi:http/io/... plus wasi:filesystem for the filesystem adapter).
set -euo pipefail

die() { echo "compose: error: $*" >&2; exit 1; }
[ $# -eq 3 ] || { echo "usage: scripts/compose.sh SITE.wasm ADAPTER.wasm OUT.wasm" >&2; exit 2; }
site=$1 adapter=$2 out=$3
[ -f "$site" ] || die "$site not found"
[ -f "$adapter" ] || die "$adapter not found"
command -v wasm-tools >/dev/null || die "wasm-tools not found"

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# wasm-tools 1.262 prints a deprecation note recommending `wac` on every compose; keep real
# errors, drop that note.
if ! log=$(wasm-tools compose "$site" -d "$adapter" -o "$tmp" 2>&1); then
    echo "$log" >&2
    die "wasm-tools compose failed"
fi
grep -v -i -E 'wac|deprecat|^composed component|^\s*$' <<<"$log" >&2 || true
wasm-tools validate "$tmp"
# The site's assets import must be gone: an unsatisfied import means the adapter did not
# export the interface (or the versions differ).
imports=$(wasm-tools component wit "$tmp" | grep -E '^\s*import ' || true)
if grep -q 'sitegen:site/assets' <<<"$imports"; then
    die "the composed component still imports sitegen:site/assets: $adapter does not export it"
fi
mv -f "$tmp" "$out"
echo "$imports"
