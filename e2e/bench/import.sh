#!/usr/bin/env bash
# The importer's benchmark (issue 13). Writes the files a payer would deliver for N people (default
# 100,000; 5 years), then in one warm JVM imports the masters and qualifications (not timed), a year
# of older claims and checkups (warm-up), and times the last 12 monthly claims files and the last
# whole year's checkup archive, beside raw COPY of the same tables' rows into empty tables in the
# same run; prints rows/s, wall time and peak RSS. Then the memory check: one claims file of at least
# 1 GB through `--import --dry-run` in its own JVM, with that process's peak RSS.
# Usage: e2e/bench/import.sh [persons]
set -euo pipefail
cd "$(dirname "$0")/../.."
. e2e/bench/common.sh
persons=${1:-100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/myna-import-bench-XXXX")
trap 'rm -rf "$work"' EXIT
build_app

feed="$work/feed"
echo "== writing the files for $persons people"
java -jar "$jar" --persons="$persons" --seed=7 --write-feed="$feed" | tail -1
du -sh "$feed" | awk '{print "files: " $1}'

echo "== importing (one JVM, -Xmx384m)"
java -Xmx384m -cp "$classpath" jp.mynahealth.bench.ImportBenchmark "$work/data" "$feed" 2>&1 \
  | grep -E "^(warm-up|importer|raw COPY|peak RSS)"

echo "== memory: one claims file of at least 1 GB, --import --dry-run in its own JVM"
big="$work/delivery.UKE"
java -cp "$classpath" jp.mynahealth.bench.ImportBenchmark --big-claims "$big" 1073741824 "$feed"
ls -l "$big" | awk '{printf "file: %.2f GB\n", $5 / 1073741824}'
began=$(date +%s.%N)
java -Xmx384m -jar "$jar" --myna.data-dir="$work/data" --logging.level.root=WARN --import "$big" --dry-run \
  >"$work/big.log" 2>&1 &
pid=$! peak=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
  sleep 0.2
done
wait "$pid" || true
grep -E "valid|refused" "$work/big.log" | head -2
printf '1 GB file: %.1f s, peak RSS %d MB (limit 512 MB)\n' "$(echo "$(date +%s.%N) - $began" | bc)" $((peak / 1024))
