#!/usr/bin/env bash
# Where the CPU of one page view goes, through one portal instance and through two (issue 14's
# "two instances: no lower total throughput than one"). On a store that citizens.sh filled (STORE=),
# with the same parts (Debian's PostgreSQL, HAProxy, wrk, 200 people logged in through the card
# flow): ROUNDS interleaved rounds of the page through instance 0 alone and through both, and for
# each round the good responses/s and the CPU milliseconds per good response of each portal JVM, of
# PostgreSQL (all its processes), HAProxy, wrk and the whole machine (/proc). Watching the rounds
# go by shows how long the JIT takes to settle in each JVM: two instances each see half the
# requests, so they settle later than one.
# Each instance runs on a core of its own unless FLOATING=1 (pin_portals, e2e/drills/common.sh).
# Usage: STORE=<folder> e2e/bench/cpu-split.sh [page=/drugs] [seconds=15] [rounds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
page=${1:-/drugs}
seconds=${2:-15}
rounds=${3:-10}
: "${STORE:?a folder with a store filled by citizens.sh (STORE=… FILL_ONLY=1 e2e/bench/citizens.sh)}"
source e2e/drills/common.sh
drill_packages
source e2e/bench/common.sh
build_app
work=$STORE
KEEP=1
[ -f "$work/primary/PG_VERSION" ] || { echo "no store in $work" >&2; exit 1; }
cp "$jar" "$work/app.jar" && jar="$work/app.jar"
pids=()
trap drill_stop EXIT
as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -o "-p $PG_PORT" -l "$work/pg/primary.log" -w start >/dev/null
start_roles
[ -n "${FLOATING:-}" ] || pin_portals
start_haproxy
citizens 200

# CPU seconds so far, by part: "portal0 portal1 postgres haproxy machine" (e2e/bench/common.sh).
cpu_now() { cpu_seconds "${portal_pid[0]}" "${portal_pid[1]}"; }

# round <address> <label>: one wrk run and its CPU per good response.
round() {
  local before after result wrk_cpu
  before=$(cpu_now)
  local TIMEFORMAT='%U %S'
  { time result=$(COOKIES="$work/cookies.txt" PAGES="$page" EXPECT=ログアウト wrk -t2 -c8 -d"${seconds}s" --latency \
      -s e2e/bench/citizens.lua "$1" | awk '/^RESULT/ {print $3, $5, $7, $9}'); } 2> "$work/wrk-time"
  after=$(cpu_now)
  wrk_cpu=$(awk '{print $1 + $2}' "$work/wrk-time")
  echo "$before $after $wrk_cpu $result" | awk -v label="$2" -v s="$seconds" '{
    n = $12 * s; if (n == 0) n = 1
    printf "%-6s %8.0f/s  p99 %6.1f ms  wrong %-5d  portal0 %5.2f  portal1 %5.2f  postgres %5.2f  haproxy %5.2f  wrk %5.2f  machine %5.2f\n",
      label, $12, $14, $15, ($6-$1)*1000/n, ($7-$2)*1000/n, ($8-$3)*1000/n, ($9-$4)*1000/n, $11*1000/n, ($10-$5)*1000/n }'
}

echo "== $page, 200 sessions, 8 connections, ${seconds} s a run: CPU ms per good response, by part"
for i in $(seq 1 "$rounds"); do
  echo "round $i"
  round http://localhost:8079 one
  round http://localhost:8080 two
done
