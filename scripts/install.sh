#!/usr/bin/env bash
# Installs sitegen: the binary into PREFIX/bin, and into PREFIX/share/sitegen what an
# installed binary needs to emit server.wasm without this checkout — the server
# runtime's sources (compiled for wasm32 on first use, then cached in ~/.cache/sitegen),
# the WIT, the asset adapters and their scripts — plus the default theme.
#
#   scripts/install.sh [PREFIX]             (default /usr/local; builds in release mode)
#   SITEGEN_BINARY=path scripts/install.sh  installs that binary instead of building one
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="${1:-/usr/local}"
SHARE="$PREFIX/share/sitegen"

BINARY="${SITEGEN_BINARY:-}"
if [ -z "$BINARY" ]; then
    (cd "$ROOT" && swift build -c release --product sitegen)
    BINARY="$ROOT/.build/release/sitegen"
fi
[ -x "$BINARY" ] || { echo "install: no sitegen binary at $BINARY" >&2; exit 1; }

# A fresh share folder: files of an older version must not mix with this one's.
rm -rf "$SHARE.new"
mkdir -p "$SHARE.new/Sources" "$SHARE.new/scripts" "$PREFIX/bin"
for module in SitegenServer SitegenHTML SitegenServerCore SitegenAdapters; do
    cp -R "$ROOT/Sources/$module" "$SHARE.new/Sources/"
done
cp -R "$ROOT/wit" "$ROOT/themes" "$SHARE.new/"
for script in build-adapters.sh compose.sh publish-kv.sh publish-blobstore.sh; do
    install -m 755 "$ROOT/scripts/$script" "$SHARE.new/scripts/"
done
rm -rf "$SHARE"
mv "$SHARE.new" "$SHARE"
install -m 755 "$BINARY" "$PREFIX/bin/sitegen"
echo "Installed $PREFIX/bin/sitegen and $SHARE"
