#!/usr/bin/env bash
# The test targets whose code runs threads, under the thread sanitizer (`make tsan`, and the
# last step of `make test`, so CI runs it):
#   SitegenBuildTests    every fixture site built with parallel Markdown and page rendering
#                        (DispatchQueue.concurrentPerform), OutputDirectory written from
#                        all threads;
#   SitegenPreviewTests  the preview server (NIO event loop + request queue), the guest
#                        pool's threads, the rebuilder's watcher thread, live reload; all
#                        but the Chromium test, which adds a browser and no threads of ours.
# Everything is built with -sanitize=thread in its own scratch folder (.build-tsan), so the
# normal build in .build is not invalidated; SITEGEN_TEST_ONLY keeps the other test targets
# out of that build.
#
# A report must fail the step. halt_on_error=1 stops the test process at the first report
# (TSan's exit code 66, which `swift test` passes on); the log is also searched for
# "WARNING: ThreadSanitizer", so a report can never pass unnoticed.
#
# scripts/tsan.supp lists what is suppressed, and why (a lock TSan cannot see).
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

SCRATCH=.build-tsan
mkdir -p "$SCRATCH"
LOG="$SCRATCH/tsan.log"
export TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/scripts/tsan.supp ${TSAN_OPTIONS:-}"
export SITEGEN_TEST_ONLY=SitegenBuild,SitegenPreview

set +e
swift test --sanitize=thread --scratch-path "$SCRATCH" \
    --filter 'SitegenBuildTests|SitegenPreviewTests' --skip 'browserReloads' 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e

if grep -q "WARNING: ThreadSanitizer" "$LOG"; then
    echo "tsan: ThreadSanitizer reported a race (see above, and $LOG)" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "tsan: the tests failed under the thread sanitizer (exit $status; log in $LOG)" >&2
    exit "$status"
fi
echo "tsan: no ThreadSanitizer report"
