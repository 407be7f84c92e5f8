#!/usr/bin/env bash
# Drill: soak. Fills the store with 2,000 people through the importer, issues cards for 200 of them
# and logs them in; measures the maximum of the record pages through HAProxy across those sessions
# (20 s), then runs 10 minutes at 70 % of it, printing each portal's heap after a full GC every
# minute. Pass: 0 wrong responses and a heap after GC that does not grow.
# Usage: e2e/drills/soak.sh [minutes=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}
source e2e/drills/common.sh
drill_start
say "filling the store with 2,000 people through the importer"
# shellcheck disable=SC2046
java -jar "$jar" --myna.data-dir="$work/gen" --persons=2000 --seed=1 --logging.level.root=WARN $(db_args) | grep Generated
citizens 200
export COOKIES="$work/cookies.txt" PAGES="/drugs /dashboard /checkups /costs?year=2025 /insurance"
connections=8
max=$(wrk -t2 -c$connections -d20s -s e2e/bench/citizens.lua http://localhost:8080 \
  | awk '/req\/s/ && /p99/ {print $(NF-1)}')
pace=$(echo "$connections * 1000 / ($max * 0.7)" | bc)
say "maximum ${max} req/s over $(wc -l < "$COOKIES") sessions and five record pages; soaking at 70 % (each of $connections connections waits ${pace} ms)"
PACE_MS=$pace wrk -t2 -c$connections -d"${minutes}m" -s e2e/bench/citizens.lua \
  http://localhost:8080 >"$work/soak.txt" 2>&1 &
wrk_pid=$!
heaps=()
for minute in $(seq 1 "$minutes"); do
  sleep 60
  line="minute $minute:"
  for i in 0 1; do
    jcmd "${portal_pid[$i]}" GC.run >/dev/null 2>&1 || true
    # Survivor, eden and old generation in use (jstat's S0U S1U EU OU), whichever collector the JVM chose:
    # GC.heap_info's first line is the whole heap under G1 but only the young generation under Serial.
    used=$(jstat -gc "${portal_pid[$i]}" 2>/dev/null | awk 'NR==2 {printf "%.0fK", $3 + $4 + $6 + $8}')
    line="$line portal$i heap after GC ${used}"
    [ "$i" = 0 ] && heaps+=("$(echo "$used" | tr -dc '0-9')")
  done
  say "$line"
done
wait "$wrk_pid" || true
cat "$work/soak.txt" | grep -E "wrong responses|p50"
wrong=$(awk '/wrong responses/ {print $3}' "$work/soak.txt")
first=${heaps[1]:-${heaps[0]}} last=${heaps[-1]}
flat=0
[ "$last" -le $((first * 13 / 10)) ] || flat=1
verdict $(( wrong > 0 || flat )) "soak: $wrong wrong responses, heap after GC from ${first}K to ${last}K (minute 2 to the end)"
