#!/usr/bin/env bash
# One-page edit with the dev server running, sitegen against Hugo on the same corpus:
# `sitegen preview` and `hugo server` (its defaults: pages from memory, fast render mode),
# the same page, the same edits. Each edit appends a unique line to the page's Markdown;
# the time is from the write until a GET of the page shows the line (polled every 5 ms;
# sitegen's preview holds a request until a rebuild in flight is done).
#
#   Benchmarks/incremental/run.sh CORPUS OUT_DIR      (EDITS=10 SITEGEN=… HUGO_SITE=…)
#
# Writes OUT_DIR/incremental-sitegen.txt and OUT_DIR/incremental-hugo.txt (one latency
# in ms per line) and the servers' logs. Called by Benchmarks/run for its largest corpus.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS=$(cd "$1" && pwd); OUT=$2
EDITS=${EDITS:-10}
SITEGEN=${SITEGEN:-$ROOT/.build/release/sitegen}
HUGO_SITE=${HUGO_SITE:-$ROOT/Benchmarks/hugo-site}
mkdir -p "$OUT"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PID=""
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap stop EXIT
wait_up() {  # url log
    for _ in $(seq 1 1200); do curl -s -o /dev/null "$1" && return 0; sleep 0.25; done
    cat "$2" >&2; echo "incremental bench: the server at $1 did not answer" >&2; exit 1
}

# The tenth page of the corpus and its URL (content/<section>/<name>.md → /<section>/<name>/).
PAGE=$(cd "$CORPUS/content" && find . -name '*.md' ! -name '_index.md' | sort | sed -n 10p | sed 's|^\./||')
URL_PATH="/${PAGE%.md}/"

measure() {  # name url: EDITS edits of PAGE (after one warm-up edit), latencies to OUT/incremental-NAME.txt
    python3 - "$CORPUS/content/$PAGE" "$2" "$EDITS" > "$OUT/incremental-$1.txt" <<'PY'
import sys, time, urllib.request
path, url, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
original = open(path).read()
try:
    for i in range(edits + 1):
        marker = f"edit-marker-{i}-{time.time_ns()}"
        start = time.perf_counter()
        with open(path, "w") as f:
            f.write(original + f"\n\n{marker}\n")
        while marker not in urllib.request.urlopen(url, timeout=120).read().decode():
            if time.perf_counter() - start > 120:
                sys.exit("no rebuild within 120 s")
            time.sleep(0.005)
        if i > 0:  # the first edit warms the rebuild path
            print(f"{(time.perf_counter() - start) * 1000:.1f}")
        time.sleep(0.5)
finally:
    with open(path, "w") as f:
        f.write(original)
PY
}

# sitegen preview (its own output folder and state in the corpus's .sitegen/).
P=$(port)
rm -rf "$CORPUS/.sitegen"
SITEGEN_RUNTIME="$ROOT" "$SITEGEN" preview --source "$CORPUS" --port "$P" > "$OUT/incremental-sitegen.log" 2>&1 &
PID=$!
wait_up "http://127.0.0.1:$P/" "$OUT/incremental-sitegen.log"
measure sitegen "http://127.0.0.1:$P$URL_PATH"
stop

# hugo server on the same content, with the benchmark's Hugo site (plain code blocks, as sitegen's).
P=$(port)
hugo server --source "$HUGO_SITE" --config config.toml,nohighlight.toml --contentDir "$CORPUS/content" \
    --port "$P" --bind 127.0.0.1 --disableLiveReload --noBuildLock > "$OUT/incremental-hugo.log" 2>&1 &
PID=$!
wait_up "http://127.0.0.1:$P/" "$OUT/incremental-hugo.log"
measure hugo "http://127.0.0.1:$P$URL_PATH"
stop
for t in sitegen hugo; do
    printf '%s: %s edits, ms: %s\n' "$t" "$(wc -l < "$OUT/incremental-$t.txt")" "$(sort -n "$OUT/incremental-$t.txt" | tr '\n' ' ')"
done
