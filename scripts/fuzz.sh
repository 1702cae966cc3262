#!/usr/bin/env bash
# The documented long fuzz run (Tests/Fuzz/README.md): every target (or the ones named)
# for COUNT inputs each, in release mode. A crash kills the process, so the loop records
# it (the input number is enough to regenerate the input) and resumes after it; hangs
# abort the same way (FuzzWatchdog). Results go to stdout and to $LOG.
#
#   scripts/fuzz.sh                       # all targets, 1,000,000 inputs each
#   COUNT=50000 scripts/fuzz.sh json form # some targets, fewer inputs
#   CONFIG=debug scripts/fuzz.sh template # with assertions (C/C++ dependencies too)
set -u
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
SEED=${SEED:-1}
CONFIG=${CONFIG:-release}
LOG=${LOG:-.build/fuzz-$(date +%Y%m%d-%H%M%S).log}

swift build -c "$CONFIG" --product sitegen-fuzz >&2 || exit 2
BIN="$(swift build -c "$CONFIG" --show-bin-path)/sitegen-fuzz"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then mapfile -t targets < <("$BIN" --list | awk '{print $1}'); fi

status=0
for target in "${targets[@]}"; do
    start=0
    end=$COUNT
    while [ "$start" -lt "$end" ]; do
        out=$("$BIN" "$target" --seed "$SEED" --start "$start" --count $((end - start)) 2>&1)
        code=$?
        printf '%s\n' "$out" | grep -v '^  [a-z-]*: [0-9]*$' | tee -a "$LOG" | grep -E '^[a-z-]+: [0-9]+ inputs|CRASH|HANG|input #' >&2
        [ $code -eq 0 ] && break
        status=1
        crashed=$(printf '%s\n' "$out" | sed -n 's/.*\(CRASH\|HANG\).* input #\([0-9]*\).*/\2/p' | head -1)
        [ -z "$crashed" ] && break  # property failures end the run normally (exit 1)
        "$BIN" "$target" --seed "$SEED" --start "$crashed" --count 1 --print 2>/dev/null | grep '^#' | tee -a "$LOG" >&2
        start=$((crashed + 1))
    done
done
echo "log: $LOG" >&2
exit $status
