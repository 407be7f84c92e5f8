#!/usr/bin/env bash
# Drill: database restart under load. wrk drives the drug page across a logged-in session while the
# primary is stopped for 10 s and started again. During the outage a page must answer 503 (the
# polite page, no stack trace) within the pool's connection timeout; within 5 s of the primary being
# back every page works again, without restarting the portal.
# Usage: e2e/drills/db-restart.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source e2e/drills/common.sh
drill_start
login
page /drugs >/dev/null
logged_in_page || { verdict 1 "not logged in before the drill"; exit 1; }
COOKIE="$cookie" PAGE=/drugs wrk -t2 -c8 -d40s -s e2e/bench/citizens.lua http://localhost:8080 >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 10
say "stopping the primary"
as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -m fast -w stop >/dev/null
sleep 1
began=$(date +%s.%N)
outage=$(curl -sS -m 30 -o "$work/outage.html" -w '%{http_code}' -H "Cookie: $cookie" http://localhost:8080/drugs || true)
took=$(echo "$(date +%s.%N) - $began" | bc)
say "during the outage: HTTP $outage after ${took} s"
polite=1
[ "$outage" = 503 ] && grep -q 'ただいまご利用いただけません' "$work/outage.html" \
  && ! grep -qi 'exception\|at org\.\|at java\.' "$work/outage.html" \
  && [ "$(echo "$took < 5" | bc)" = 1 ] && polite=0
sleep 8
say "starting the primary"
as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -l "$work/pg/primary.log" -w start >/dev/null
back=$(date +%s.%N)
recovered=""
for _ in $(seq 1 100); do
  if [ "$(curl -sS -m 5 -o "$work/body" -w '%{http_code}' -H "Cookie: $cookie" http://localhost:8080/drugs || true)" = 200 ] \
     && logged_in_page; then
    recovered=$(echo "$(date +%s.%N) - $back" | bc)
    break
  fi
  sleep 0.1
done
say "pages work again ${recovered:-never} s after the primary is back"
wait "$wrk_pid" || true
cat "$work/wrk.txt" | grep -E "wrong responses|p50|Requests/sec"
# Under load, every answer that is not the logged-in page must be the polite 503 (no 500, no 502).
impolite=$(grep 'wrong responses' "$work/wrk.txt" | grep -oE '[0-9a-z]+x[0-9]+' | grep -vc '^503x' || true)
ok=1
[ "$polite" = 0 ] && [ "$impolite" = 0 ] && [ -n "$recovered" ] && [ "$(echo "$recovered <= 5" | bc)" = 1 ] && ok=0
verdict $ok "database restart: polite 503 during the outage (other errors under load: $impolite kinds), every page back within 5 s"
