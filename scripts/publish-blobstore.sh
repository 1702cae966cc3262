#!/usr/bin/env bash
# Publishes a built site into a wash blobstore container kept on disk, for the `blobstore`
# asset adapter (scripts/build-adapters.sh blobstore):
#
#   scripts/publish-blobstore.sh DIST_DIR BLOB_PATH [CONTAINER]
#
# BLOB_PATH is wash's `dev.wasi_blobstore_path`; CONTAINER defaults to sitegen-assets (the
# adapter's default). wash 2.10 stores object O of container C as the file BLOB_PATH/C/O
# (raw bytes, no metadata; a '/' in O is a subdirectory), so this mirrors DIST_DIR into
# BLOB_PATH/CONTAINER (Sources/SitegenAdapters/publish-store.py: atomic per file, removes what
# the site no longer has). Safe while wash is serving. The container must exist for
# get-container to succeed; this creates it.
set -euo pipefail
ROOT="$(realpath "$(dirname "$(realpath "$0")")/..")"
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: scripts/publish-blobstore.sh DIST_DIR BLOB_PATH [CONTAINER]" >&2
    exit 2
fi
container=${3:-sitegen-assets}
case "$container" in
'' | . | .. | */* | /*) echo "publish-blobstore: error: bad container name '$container'" >&2; exit 2 ;;
esac
summary=$(python3 "$ROOT/Sources/SitegenAdapters/publish-store.py" "$1" "$2/$container")
echo "publish-blobstore: $2/$container: $summary" >&2
