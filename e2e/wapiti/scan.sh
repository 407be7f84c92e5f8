#!/usr/bin/env bash
# Scans the running demo with wapiti (Debian package): the public pages, and the personal pages
# with a logged-in session of 見本 太郎. Writes a text report and prints its findings.
# Usage: e2e/wapiti/scan.sh   (installs wapiti when missing; needs no running portal)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wapiti >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y wapiti >/dev/null; }
data=$(mktemp -d "${TMPDIR:-/tmp}/myna-wapiti-XXXX")
app=""
trap '[ -n "$app" ] && kill $app 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

source e2e/bench/common.sh
build_app
# A scanner sends thousands of requests from one address: the abuse limits would stop it early.
start_app "$data" --myna.rate-limit.login-per-address=1000000 --myna.rate-limit.login-per-session=1000000 \
  --myna.rate-limit.download-per-address=1000000 --myna.rate-limit.download-per-session=1000000
cookie=$(login_taro "$data")
report=target/wapiti
mkdir -p "$report"
# The whole portal is in scope (Debian's wapiti 3.0.4 cannot take -x exclusions on Python 3.11).
wapiti -u http://localhost:8080/ --scope folder --max-scan-time 600 --flush-session \
  -H "Cookie: $cookie" -f txt -o "$report/report.txt" >"$report/wapiti.log" 2>&1 || true
sed -n '/Summary of vulnerabilities/,/^\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*$/p' "$report/report.txt" || cat "$report/report.txt"
grep -A8 -E '^(Vulnerabilit|Anomal|Additional)' "$report/report.txt" | head -120 || true
echo "server errors logged during the scan: $(grep -c 'ERROR' "$data/app.log" || true)"
