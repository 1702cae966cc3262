#!/usr/bin/env bash
# Checks that the shared SSR core, SitegenHTML, stays Foundation-free:
#   1. no file under Sources/SitegenHTML imports Foundation, a C library module or Dispatch
#      (not even behind `#if canImport(...)`: the native build would still link it);
#   2. the whole module builds as Embedded Swift for wasm32 (scripts/build-wasm.sh).
# Called by scripts/wasm-test.sh; like Hummingbird's scripts/verify-foundation.sh.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

forbidden='Foundation|FoundationEssentials|FoundationInternationalization|Glibc|Musl|Darwin|WASILibc|Android|ucrt|Dispatch'
# `import X`, `import X.Y`, `import struct X.Y`, with attributes/access levels in front.
pattern="^[[:space:]]*(@[A-Za-z_]+[[:space:]]+|(public|package|internal|fileprivate|private)[[:space:]]+)*import[[:space:]]+((typealias|struct|class|enum|protocol|let|var|func)[[:space:]]+)?($forbidden)([.[:space:]]|$)"

if offending="$(grep -rnE --include='*.swift' "$pattern" Sources/SitegenHTML)"; then
    echo "$offending" >&2
    echo "verify-foundation: error: SitegenHTML must not import Foundation or a platform C library (lines above);" \
        "it is linked into the Embedded wasm32 component. Move that code to a native target." >&2
    exit 1
fi

scripts/build-wasm.sh
