#!/usr/bin/env bash
# Edit-to-reload latency of `sitegen preview` on a generated 1,000-page site, and the
# in-process host's per-request cost. Writes Benchmarks/results/preview.md.
#
#   Benchmarks/preview/run.sh              (PAGES=1000 EDITS=10 DURATION=5)
#   SITEGEN=path/to/sitegen ...            skips the release build
#
# Latency: append a unique marker to one page's Markdown, then GET that page until the
# marker is in it — what a browser's reload after the SSE event sees. The preview's
# request path waits for a rebuild in flight, so this is save → new page, end to end.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/Benchmarks/work/preview"
PAGES=${PAGES:-1000}
EDITS=${EDITS:-10}
DURATION=${DURATION:-5}
mkdir -p "$WORK" "$ROOT/Benchmarks/results"
command -v wrk >/dev/null || { echo "preview bench: wrk is missing (scripts/setup.sh installs it)" >&2; exit 1; }
if [ -z "${SITEGEN:-}" ]; then
    (cd "$ROOT" && swift build -c release --product sitegen >/dev/null)
    SITEGEN="$ROOT/.build/release/sitegen"
fi

SITE="$WORK/site"
python3 "$ROOT/Benchmarks/gen_corpus.py" --pages "$PAGES" --out "$SITE" --seed 7 --force >/dev/null
rm -rf "$SITE/.sitegen"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
SITEGEN_RUNTIME="$ROOT" "$SITEGEN" preview --source "$SITE" --port "$PORT" >"$WORK/preview.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/" || { cat "$WORK/preview.log" >&2; exit 1; }

# One page of the corpus and its URL (content/<section>/<name>.md → /<section>/<name>/).
PAGE=$(cd "$SITE/content" && find . -name '*.md' ! -name '_index.md' | sort | sed -n 10p | sed 's|^\./||')
URL="/${PAGE%.md}/"
python3 - "$SITE/content/$PAGE" "http://127.0.0.1:$PORT$URL" "$EDITS" >"$WORK/latency.txt" <<'PY'
import sys, time, urllib.request
path, url, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
original = open(path).read()
for i in range(edits + 1):
    marker = f"edit-marker-{i}-{time.time_ns()}"
    start = time.perf_counter()
    with open(path, "w") as f:
        f.write(original + f"\n\n{marker}\n")
    while True:
        body = urllib.request.urlopen(url, timeout=60).read().decode()
        if marker in body:
            break
    if i > 0:  # the first edit warms the rebuild path
        print(f"{(time.perf_counter() - start) * 1000:.1f}")
    time.sleep(0.3)
open(path, "w").write(original)
# Wait for the rebuild of the restored page, so the request benchmark below does not wait for it.
while marker in urllib.request.urlopen(url, timeout=120).read().decode():
    time.sleep(0.1)
PY
stats() { sort -n "$1" | awk '{v[NR]=$1} END {printf "%s / %s / %s", v[1], v[int((NR+1)/2)], v[NR]}'; }
latency=$(stats "$WORK/latency.txt")
wrk -t2 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$URL" >"$WORK/asset.wrk" 2>&1
rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/asset.wrk")
p50=$(awk '$1=="50%" {print $2}' "$WORK/asset.wrk")
rebuilt=$(grep -m1 "Rebuilt" "$WORK/preview.log" || true)
{
    echo "# sitegen preview ($(date -u +%Y-%m-%d), $PAGES-page generated site)"
    echo
    echo "| measure | result |"
    echo "|---|---|"
    echo "| edit → page with the edit (min / median / max of $EDITS, ms) | $latency |"
    echo "| in-process host, a page through the component (wrk -c4) | $rps req/s, p50 $p50 |"
    echo
    echo "Preview log: \`$rebuilt\`"
} | tee "$ROOT/Benchmarks/results/preview.md"
