#!/usr/bin/env bash
# Issue 5's (and 6's download) benchmark: fill the store with 100,000 people, log in 見本 太郎
# without a browser, and drive each page with wrk at 8 and 32 connections; a static file from the
# same server is the ceiling. Prints requests/s, p50 and p99 per page, the drug-list query plan
# and the portal's memory under load. Usage: e2e/bench/pages.sh [persons=100000] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
persons=${1:-100000}
seconds=${2:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
data=$(mktemp -d "${TMPDIR:-/tmp}/myna-pages-XXXX")
app=""
trap '[ -n "$app" ] && kill $app 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

source e2e/bench/common.sh
build_app

echo "== filling the store with $persons people"
java -jar "$jar" --myna.data-dir="$data" --persons="$persons" --seed=1 | grep -E '^Generated'

echo "== starting all roles"
# wrk is one client asking thousands of times a minute: the abuse limits are lifted for the measurement.
start_app "$data" --myna.rate-limit.download-per-address=100000000 --myna.rate-limit.download-per-session=100000000 \
  --logging.level.jp.mynahealth.common=INFO

cookie=$(login_taro "$data")
checkup=$(curl -fsS -H "Cookie: $cookie" http://localhost:8080/checkups | grep -o '/checkups/[0-9a-f-]\{36\}' | head -1)
echo "logged in as 見本 太郎; his store: $(curl -fsS -H "Cookie: $cookie" 'http://localhost:8080/drugs' | grep -c 'class="dispensing"') day groups on the first drug page"

pages=("/css/site.css" "/dashboard" "/insurance" "/drugs" "/drugs?q=%E3%82%A2%E3%83%A0%E3%83%AD" "/checkups" "$checkup"
       "/checkups/trend/9N011000000000001" "/vaccinations" "/costs?year=2025" "/etax" "/etax/2025/iryohi.xml" "/etax/2025/iryohi.xlsx")
# The store was just filled: let PostgreSQL take its statistics, and warm the JIT on every page,
# so the figures are of a running service, not of its first seconds.
if command -v psql >/dev/null; then
  port=$(grep -o 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]*' "$data/app.log" | head -1 | sed 's/.*://')
  [ -n "$port" ] && PGPASSFILE="$data/postgres/pgpass" psql -q -h 127.0.0.1 -p "$port" -U postgres -d myna -c 'vacuum analyze' >/dev/null
fi
# The JIT: on 2 busy cores HotSpot goes on compiling Spring, Thymeleaf and the JDBC driver for minutes,
# and a page measured while it does is measured at up to half its speed. Warm every page in rounds
# until the compiler used under 3 % of a round (at most 10 rounds), and show its time beside each figure.
jit_seconds() { { jstat -compiler "$app" 2>/dev/null || true; } | awk 'NR==2 {print $4}'; }
# bc-free arithmetic: difference of two seconds figures, and whether it is under 3 % of a span.
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }
quiet() { awk -v spent="$1" -v span="$2" 'BEGIN {exit !(spent < 0.03 * span)}'; }
echo "== warming up: every page 5 s a round, until the JIT compiler is quiet"
for round in 1 2 3 4 5 6 7 8 9 10; do
  before=$(jit_seconds); started=$(date +%s)
  for page in "${pages[@]}"; do wrk -t2 -c8 -d5s -H "Cookie: $cookie" "http://localhost:8080$page" >/dev/null; done
  after=$(jit_seconds); took=$(( $(date +%s) - started ))
  [ -z "$before" ] && { echo "round $round (jstat not found: 3 rounds)"; [ "$round" -ge 3 ] && break; continue; }
  echo "round $round: the JIT compiled for $(minus "$after" "$before") s of the round's $took s"
  quiet "$(minus "$after" "$before")" "$took" && break
done
for connections in 8 32; do
  echo "== $connections connections, $seconds s each (wrk -t2 on the same 2 cores; jit: compiler seconds during the run)"
  printf '%-38s %10s %9s %9s %6s\n' page "req/s" p50 p99 jit
  for page in "${pages[@]}"; do
    before=$(jit_seconds)
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "http://localhost:8080$page")
    after=$(jit_seconds)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
    jit=$([ -n "$before" ] && minus "$after" "$before" || echo "?")
    printf '%-38s %10s %9s %9s %6s %s\n' "$page" "$rps" "$p50" "$p99" "$jit" "$errors"
  done
  echo "portal memory under load: RSS $(ps -o rss= -p $app | awk '{printf "%.0f MB", $1/1024}'), heap: $(jcmd $app GC.heap_info 2>/dev/null | grep -Eo 'garbage-first heap +total [0-9]+K, used [0-9]+K' | head -1)"
done

echo "== the drug-list query plan for 見本 太郎"
port=$(grep -o 'Embedded PostgreSQL ready on 127.0.0.1:[0-9]*' "$data/app.log" | head -1 | sed 's/.*://')
if command -v psql >/dev/null && [ -n "$port" ]; then
  PGPASSFILE="$data/postgres/pgpass" psql -h 127.0.0.1 -p "$port" -U myna_owner -d myna -c "explain (analyze, buffers, costs off)
    select d.dispensing_id, d.dispensed_on, d.drug_name from records.dispensing d
    join records.institution i on i.institution_code = d.dispenser_code
    where d.person_id = '70304382-bb87-4298-9e13-ffc86a5ff41c'
      and d.dispensed_on between date '2023-11-01' and date '2026-10-31'
      and (d.dispensed_on, d.dispensing_id) < (date '9999-12-31', 9223372036854775807)
    order by d.dispensed_on desc, d.dispensing_id desc limit 41"
  echo "== the same with the name search アムロ (as TextSearch builds it: NFKC, then a kana-pair regex)"
  PGPASSFILE="$data/postgres/pgpass" psql -h 127.0.0.1 -p "$port" -U myna_owner -d myna -c "explain (analyze, buffers, costs off)
    select d.dispensing_id, d.dispensed_on, d.drug_name from records.dispensing d
    join records.institution i on i.institution_code = d.dispenser_code
    where d.person_id = '70304382-bb87-4298-9e13-ffc86a5ff41c'
      and d.dispensed_on between date '2023-11-01' and date '2026-10-31'
      and normalize(d.drug_name, NFKC) ~* '[アあ][ムむ][ロろ]'
      and (d.dispensed_on, d.dispensing_id) < (date '9999-12-31', 9223372036854775807)
    order by d.dispensed_on desc, d.dispensing_id desc limit 41"
else
  echo "(psql not installed or port not found: plan skipped)"
fi

echo "== signing one person-year of 200 notices"
java -cp "$classpath" jp.mynahealth.portal.etax.EtaxBenchmark "$data" 2000
