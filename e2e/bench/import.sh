#!/usr/bin/env bash
# The importer's benchmark (issue 13): a year of claims and checkups for N people (default 100,000)
# imported from files, timed, beside raw COPY of the resulting rows into empty tables in the same
# run; then the memory check on one claims file of at least 1 GB (a payer's delivery of many
# months joined: IR/YK … GO blocks one after another). Prints rows/s, wall time and peak RSS.
# Usage: e2e/bench/import.sh [persons]
set -euo pipefail
cd "$(dirname "$0")/../.."
. e2e/bench/common.sh
persons=${1:-100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/myna-import-bench-XXXX")
trap 'rm -rf "$work"' EXIT
build_app

# Runs the jar in the background and prints its peak RSS (VmHWM) when it ends.
run_measured() {
  local log=$1
  shift
  java -Xmx384m -jar "$jar" "$@" >"$log" 2>&1 &
  local pid=$! peak=0
  while kill -0 "$pid" 2>/dev/null; do
    local hwm
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.2
  done
  wait "$pid" || true
  echo "$peak"
}

feed="$work/feed"
data="$work/data"
echo "== writing the files for $persons people (5 years, as a payer would deliver them)"
java -jar "$jar" --persons="$persons" --seed=7 --write-feed="$feed" | tail -1
du -sh "$feed" | awk '{print "files: " $1}'

echo "== setup, not timed: masters and qualification events into an empty store"
java -jar "$jar" --myna.data-dir="$data" --myna.demo.enabled=false --logging.level.root=WARN \
  --import "$feed/insurers.csv" "$feed/institutions.csv" "$feed/y.csv" "$feed/qualifications.csv" | tail -1

year=$(ls "$feed"/claims-*.UKE | tail -12)
archive=$(ls "$feed"/checkups-*.zip | tail -2 | head -1)
echo "== timed: the last 12 monthly claims files and one year's checkup archive"
began=$(date +%s.%N)
peak=$(run_measured "$work/import.log" --myna.data-dir="$data" --logging.level.root=WARN --import $year "$archive")
wall=$(echo "$(date +%s.%N) - $began" | bc)
grep -E "imported|refused" "$work/import.log" | tail -3
rows=$(grep -oE '^[^ ]+ imported \([a-z_]+\): [0-9,]+ records' "$work/import.log" | awk '{gsub(",", "", $4); s += $4} END {print s}')
echo "records read: $rows"
java -cp "$classpath" jp.mynahealth.bench.RowCount "$data" >"$work/rows.txt"
written=$(cat "$work/rows.txt")
printf 'importer: %s rows written in %.1f s (JVM and PostgreSQL start included) = %.0f rows/s; peak RSS %d MB\n' \
  "$written" "$wall" "$(echo "$written / $wall" | bc -l)" $((peak / 1024))
java -cp "$classpath" jp.mynahealth.bench.RawCopyBenchmark "$data" 2>/dev/null | grep "raw COPY"

echo "== memory: one claims file of at least 1 GB (all months joined), dry run"
big="$work/all-claims.UKE"
while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt 1073741824 ]; do
  cat "$feed"/claims-*.UKE >>"$big"
  [ "$(stat -c %s "$big")" -gt 0 ] || break
done
ls -l "$big" | awk '{printf "file: %.2f GB\n", $5 / 1073741824}'
began=$(date +%s.%N)
peak=$(run_measured "$work/big.log" --myna.data-dir="$data" --logging.level.root=WARN --import "$big" --dry-run)
wall=$(echo "$(date +%s.%N) - $began" | bc)
grep -E "valid|refused" "$work/big.log" | head -2
printf '1 GB file: %.1f s, peak RSS %d MB (limit 512 MB)\n' "$wall" $((peak / 1024))
