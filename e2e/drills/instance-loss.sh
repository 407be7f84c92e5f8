#!/usr/bin/env bash
# Drill: instance loss. A logged-in citizen is mid-session; the portal instance serving them is
# killed with -9; their next click is served by the other instance, still logged in.
# Usage: e2e/drills/instance-loss.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source e2e/drills/common.sh
drill_start
login
first=$(page /drugs)
logged_in_page || { verdict 1 "the first page after the login was not the logged-in drug page ($first)"; exit 1; }
served=${first#* }
say "drug page served by $served ($first); killing it with -9"
index=${served#portal}
kill -9 "${portal_pid[$index]}"
next=$(page /drugs)
say "next click: $next"
status=${next%% *}
[ "$status" = 200 ] && logged_in_page && [ "${next#* }" != "$served" ]
verdict $? "instance loss: the next click was served by the other instance, still logged in"
