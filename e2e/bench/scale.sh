#!/usr/bin/env bash
# Issue 14's scale target: the record pages' p99 with 1,000,000 people in the store within 1.3x of
# their p99 with 100,000. One run of this script measures both stores with the same jar, one after
# the other, each through citizens.sh's record-page section (PAGES_ONLY: 200 logged-in people,
# 8 connections, a warm JVM, three interleaved rounds a page and their medians), then prints the
# two side by side with the ratio of each page's median p99, and a pass/fail line.
# Usage: SMALL_STORE=<folder> LARGE_STORE=<folder> e2e/bench/scale.sh [small=100000] [large=1000000] [seconds=15]
#   Each folder holds a store filled by citizens.sh (STORE=…), or is filled on the way (the large one
#   takes some two hours and about 65 GB of disk: see README). A store is reused as it is, so both
#   must have been filled with the counts given here. SMALL_LOG=<file> (or LARGE_LOG) takes that half
#   from the log of an earlier run of citizens.sh's record pages instead (PAGES_ONLY=1, same jar and
#   seconds): the small store can be measured while the machine is otherwise quiet and the large one
#   not filled yet.
set -euo pipefail
cd "$(dirname "$0")/../.."
small=${1:-100000}
large=${2:-1000000}
seconds=${3:-15}
: "${SMALL_STORE:?the folder of the store of $small people}" "${LARGE_STORE:?the folder of the store of $large people}"
logs=$(mktemp -d "${TMPDIR:-/tmp}/myna-scale-XXXX")

for size in small large; do
  store=SMALL_STORE count=$small earlier=SMALL_LOG
  [ $size = large ] && store=LARGE_STORE count=$large earlier=LARGE_LOG
  if [ -n "${!earlier:-}" ]; then
    # A half measured earlier by this script with the same jar (the other store filling meanwhile).
    echo "== $count people: the earlier run's log ${!earlier}"
    cp "${!earlier}" "$logs/$size.log"
    continue
  fi
  echo "== $count people (${!store}), log: $logs/$size.log"
  STORE=${!store} PAGES_ONLY=1 bash e2e/bench/citizens.sh "$count" "$seconds" 2>&1 | tee "$logs/$size.log"
done

# The record-page table of a citizens.sh log: "page good/s p99 wrong" a line.
medians() {
  sed -n '/^== every record page/,/^== access history/p' "$1" \
    | sed -n -E 's#^(/[^ ]*) .* ([0-9.]+)/s, p99 ([0-9.]+) ms, ([0-9]+) wrong$#\1 \2 \3 \4#p'
}
echo "== record pages: $small against $large people (medians of 3 rounds; target: p99 at $large within 1.3x)"
join <(medians "$logs/small.log" | sort) <(medians "$logs/large.log" | sort) | awk -v s="$small" -v l="$large" '
  BEGIN { printf "%-18s %12s %12s %12s %12s %8s\n", "page", s " good/s", l " good/s", s " p99", l " p99", "ratio"; ok = 1 }
  { ratio = $3 > 0 ? $6 / $3 : 0; wrong += $4 + $7; n++
    if (ratio > 1.3) { ok = 0; over = over " " $1 }
    printf "%-18s %12s %12s %9s ms %9s ms %8.2f\n", $1, $2, $5, $3, $6, ratio }
  END {
    if (n < 10) { ok = 0; over = over " (" n " of 10 pages measured)" }
    if (wrong > 0) { ok = 0; over = over " (" wrong " wrong responses)" }
    print (ok ? "PASS" : "FAIL") ": record pages p99 at " l " people within 1.3x of " s (ok ? "" : ":" over) }'
