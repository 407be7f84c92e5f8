#!/usr/bin/env bash
# Drill: replica loss. Record pages read from the hot standby; it is stopped; record pages keep
# working from the primary, with no failed page.
# Usage: e2e/drills/replica-loss.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source e2e/drills/common.sh
drill_start
login
before=$(page /drugs)
say "with the replica: $before"
say "stopping the standby"
as_postgres "$PGBIN/pg_ctl" -D "$work/standby" -m fast -w stop >/dev/null
failures=0
for path in /drugs /checkups /costs /insurance /dashboard /drugs; do
  got=$(page "$path")
  status=${got%% *}
  if [ "$status" != 200 ] || ! logged_in_page; then failures=$((failures + 1)); fi
  say "without the replica: $path $got"
done
grep -h "replica" "$work"/portal*.log | head -3 || true
verdict $((failures > 0)) "replica loss: record pages kept working from the primary ($failures failed)"
