#!/usr/bin/env bash
# Publishes a built site into a wash key-value bucket kept on disk, for the `kv` asset
# adapter (scripts/build-adapters.sh kv):
#
#   scripts/publish-kv.sh DIST_DIR KV_PATH [BUCKET]
#
# KV_PATH is wash's `dev.wasi_keyvalue_path`; BUCKET defaults to sitegen-assets (the
# adapter's default). wash 2.10 stores key K of bucket B as the file KV_PATH/B/K (raw
# bytes, no metadata; a '/' in K is a subdirectory), so this mirrors DIST_DIR into
# KV_PATH/BUCKET (Sources/SitegenAdapters/publish-store.py: atomic per file, removes what
# the site no longer has). Safe while wash is serving. wasmtime's `-S keyvalue` store is
# in memory only: see Sources/SitegenAdapters/README.md.
set -euo pipefail
ROOT="$(realpath "$(dirname "$(realpath "$0")")/..")"
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: scripts/publish-kv.sh DIST_DIR KV_PATH [BUCKET]" >&2
    exit 2
fi
bucket=${3:-sitegen-assets}
case "$bucket" in
'' | . | .. | */* | /*) echo "publish-kv: error: bad bucket name '$bucket'" >&2; exit 2 ;;
esac
summary=$(python3 "$ROOT/Sources/SitegenAdapters/publish-store.py" "$1" "$2/$bucket")
echo "publish-kv: $2/$bucket: $summary" >&2
