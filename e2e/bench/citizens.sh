#!/usr/bin/env bash
# Issue 14's page benchmark: load that looks like citizens. On loopback, on real parts (Debian's
# PostgreSQL, HAProxy, wrk): a store of N generated people filled through the importer, the idp,
# signer and ca, two portal instances behind HAProxy, and Spring PetClinic (built from its public
# repository) on the same PostgreSQL as the plain Spring Boot + Thymeleaf + JPA peer. Cards are
# issued for SESSIONS people of the store, who log in through the real card flow; wrk spreads its
# requests over all their sessions, and a response counts only if it is that person's logged-in page.
# Prints, from the same run:
#  1. three interleaved rounds of the drug page (one instance, two instances) and PetClinic's owner
#     page at 8 connections, with the ratios the issue asks for;
#  2. every record page's req/s, p50 and p99 through both instances, three rounds and their medians
#     (compare two runs: 100,000 and 1,000,000 people);
#  3. the access-history page for a person with 374,000 log rows;
#  4. (#18) the drug list through the API as FHIR JSON, with an app's tokens for the same people
#     (each connected through the consent flow), beside the HTML drug page, 3 interleaved rounds.
# Usage: e2e/bench/citizens.sh [persons=100000] [seconds=15] [sessions=200]
#   STORE=<folder> keeps the filled PostgreSQL there and reuses it on the next run (the 1,000,000
#   store takes long to fill); PETCLINIC_REPO=<git url or folder> is where PetClinic is cloned from
#   (a local mirror where GitHub cannot be reached), PETCLINIC_JAR=<jar> skips building it;
#   FILL_ONLY=1 with STORE fills the store and stops; PAGES_ONLY=1 measures the record pages (2, 3) and
#   nothing else (no PetClinic, no API).
#   Each portal instance runs on a core of its own (pin_portals, e2e/drills/common.sh), so "one
#   instance" is one core's worth, as a container with one CPU would be; FLOATING=1 leaves both
#   free to run on either core. PetClinic, one JVM, always floats over both cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
persons=${1:-100000}
seconds=${2:-15}
sessions=${3:-200}
source e2e/drills/common.sh
drill_packages
source e2e/bench/common.sh
build_app

if [ -z "${PETCLINIC_JAR:-}" ] && [ -z "${PAGES_ONLY:-}" ]; then
  say "building Spring PetClinic from its public repository"
  peer=$(mktemp -d "${TMPDIR:-/tmp}/petclinic-XXXX")
  git clone -q "${PETCLINIC_REPO:-https://github.com/spring-projects/spring-petclinic.git}" "$peer/src"
  (cd "$peer/src" && mvn -B -q package -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip=true -Djacoco.skip=true >/dev/null)
  PETCLINIC_JAR=$(ls "$peer"/src/target/spring-petclinic-*.jar | head -1)
fi

if [ -n "${STORE:-}" ]; then
  work=$STORE
  KEEP=1
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/myna-citizens-XXXX")
fi
chmod 755 "$work"
# Its own copy of the jar: a build in the working tree meanwhile must not pull it from under the JVMs.
cp "$jar" "$work/app.jar" && jar="$work/app.jar"
pids=()
trap drill_stop EXIT
psql_owner() { PGPASSWORD=drill-secret psql -q -At -h 127.0.0.1 -p $PG_PORT -U myna_owner -d myna "$@"; }

if [ -f "$work/primary/PG_VERSION" ]; then
  say "reusing the store in $work"
  # Up to 15 minutes: a store stopped without a checkpoint replays its WAL first (gigabytes after a fill).
  as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -o "-p $PG_PORT" -l "$work/pg/primary.log" -t 900 -w start >/dev/null
else
  start_primary
  # A benchmark database, thrown away: the WAL need not survive a crash of this machine.
  PGPASSWORD=drill-secret psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -c "alter system set shared_buffers = '1GB'" \
    -c "alter system set max_wal_size = '4GB'" >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -l "$work/pg/primary.log" -w restart >/dev/null
  say "filling the store with $persons people through the importer"
  began=$(date +%s)
  # The payers' files first (what --persons=N would generate and import), then --import a few at a time,
  # each group deleted once it is in: at 1,000,000 people the files are some 14 GB beside a store of
  # some 50 GB, and a disk needs room for one of them only. The order is the importer's own (masters,
  # qualifications, claims by month, checkups by year, the rest).
  feed="$work/gen/bulk-feed"
  java -Xmx1g -jar "$jar" --persons="$persons" --seed=1 --write-feed="$feed" --logging.level.root=WARN | tail -1
  groups=("insurers.csv institutions.csv y.csv s.csv qualifications.csv")
  mapfile -t months < <(cd "$feed" && ls claims-*.UKE)
  for ((i = 0; i < ${#months[@]}; i += 6)); do groups+=("${months[*]:i:6}"); done
  for year in $(cd "$feed" && ls checkups-*.zip); do groups+=("$year"); done
  groups+=("$(cd "$feed" && ls | grep -v -E '^(insurers|institutions|y|s|qualifications)\.csv$|^claims-|^checkups-' | tr '\n' ' ')")
  for group in "${groups[@]}"; do
    # shellcheck disable=SC2046,SC2086
    (cd "$feed" && java -Xmx1g -jar "$jar" --import $group --logging.level.root=WARN $(db_args)) \
      > "$work/pg/import.log" 2>&1 || { cat "$work/pg/import.log" >&2; echo "the store was not filled" >&2; exit 1; }
    (cd "$feed" && rm -f $group)
    say "imported $group ($(df -h --output=avail "$work" | tail -1 | tr -d ' ') free)"
  done
  say "filled in $(( $(date +%s) - began )) s; vacuum analyze"
  PGPASSWORD=drill-secret psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d myna -c 'vacuum analyze' >/dev/null
  PGPASSWORD=drill-secret psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -c 'create role petclinic login password $$petclinic$$' \
    -c 'create database petclinic owner petclinic' >/dev/null
fi
[ -n "${FILL_ONLY:-}" ] && { say "filled (FILL_ONLY): $work"; exit 0; }
say "store: $(psql_owner -c 'select count(*) from records.person') people, $(psql_owner -c 'select count(*) from records.dispensing') dispensings," \
  "$(psql_owner -c "select pg_size_pretty(pg_database_size('myna'))")"

start_roles
[ -n "${FLOATING:-}" ] || pin_portals
start_haproxy
if [ -z "${PAGES_ONLY:-}" ]; then
  say "Spring PetClinic (postgres profile) on localhost:8090, same heap as a portal instance"
  java -Xmx384m -jar "$PETCLINIC_JAR" --spring.profiles.active=postgres --server.port=8090 --server.address=127.0.0.1 \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/petclinic --logging.level.root=WARN >"$work/petclinic.log" 2>&1 &
  petclinic_pid=$!
  pids+=($!)
  wait_for http://127.0.0.1:8090/owners/1 300 || { echo "PetClinic did not start: $work/petclinic.log" >&2; exit 1; }
fi

say "issuing cards for $sessions people of the store (those with dispensings) and logging them in"
citizens "$sessions"

# run <address> <pages> <expected text> [connections]: prints "good/s p50 p99 wrong"
run() {
  COOKIES="$work/cookies.txt" PAGES="$2" EXPECT="$3" wrk -t2 -c"${4:-8}" -d"${run_seconds:-$seconds}s" --latency \
    -s e2e/bench/citizens.lua "$1" | awk '/^RESULT/ {print $3, $5, $7, $9}'
}
# costed "<pids>" <run arguments>: run's figures, then what each good response cost in CPU
# milliseconds: the given JVMs together, PostgreSQL, HAProxy, the whole machine (wrk included).
costed() {
  local pids=$1 before after result
  shift
  before=$(cpu_seconds $pids)
  result=$(run "$@")
  after=$(cpu_seconds $pids)
  awk -v b="$before" -v a="$after" -v r="$result" -v s="${run_seconds:-$seconds}" 'BEGIN {
    nb = split(b, x, " "); split(a, y, " "); split(r, f, " "); good = f[1] * s; if (good == 0) good = 1
    jvm = 0; for (i = 1; i <= nb - 3; i++) jvm += y[i] - x[i]
    printf "%s|%.2f %.2f %.2f %.2f\n", r, jvm * 1000 / good, (y[nb-2] - x[nb-2]) * 1000 / good,
      (y[nb-1] - x[nb-1]) * 1000 / good, (y[nb] - x[nb]) * 1000 / good }'
}
owners="/owners/1 /owners/2 /owners/3 /owners/4 /owners/5 /owners/6 /owners/7 /owners/8 /owners/9 /owners/10"
record_pages=("/dashboard" "/insurance" "/drugs" "/care" "/checkups" "/vaccinations" "/costs?year=2025" "/etax" "/notices" "/history")

median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
# The JIT: on two busy cores HotSpot goes on compiling for minutes, and a JVM measured meanwhile runs
# at a fraction of its speed. Two instances each see half the requests, so they settle later than
# one: a fixed warm-up (two rounds, as before) measured them still compiling (e2e/bench/cpu-split.sh).
# Every JVM measured is warmed in rounds of every page (5 s runs) until each compiled for under 3 %
# of a round (jstat), at least 2 rounds and at most WARM_ROUNDS (10).
jit_seconds() { { jstat -compiler "$1" 2>/dev/null || true; } | awk 'NR==2 {print $4}'; }
warm_names=("portal 0" "portal 1")
warm_pids=("${portal_pid[@]}")
[ -z "${PAGES_ONLY:-}" ] && warm_names+=(PetClinic) && warm_pids+=("$petclinic_pid")
also=", the drug page through one instance, the owner pages of PetClinic"
[ -n "${PAGES_ONLY:-}" ] && also=""
say "warming up (the JIT) in rounds of every page through both instances$also"
for round in $(seq 1 "${WARM_ROUNDS:-10}"); do
  declare -A before=()
  for pid in "${warm_pids[@]}"; do before[$pid]=$(jit_seconds "$pid"); done
  started=$(date +%s)
  for page in "${record_pages[@]}"; do run_seconds=5 run http://localhost:8080 "$page" ログアウト >/dev/null; done
  if [ -z "${PAGES_ONLY:-}" ]; then
    run_seconds=5 run http://localhost:8079 /drugs ログアウト >/dev/null
    run_seconds=5 run http://127.0.0.1:8090 "$owners" "Owner Information" >/dev/null
  fi
  took=$(( $(date +%s) - started ))
  settled=1 spent_all=""
  for i in "${!warm_pids[@]}"; do
    spent=$(awk -v a="$(jit_seconds "${warm_pids[$i]}")" -v b="${before[${warm_pids[$i]}]}" 'BEGIN {printf "%.1f", a - b}')
    spent_all+="${warm_names[$i]} ${spent} s, "
    awk -v spent="$spent" -v span="$took" 'BEGIN {exit !(spent < 0.03 * span)}' || settled=0
  done
  say "warm-up round $round ($took s): the JIT compiled for ${spent_all%, }"
  [ "$round" -ge 2 ] && [ "$settled" = 1 ] && break
done

if [ -z "${PAGES_ONLY:-}" ]; then
  echo "== drug page, 200 sessions, 8 connections, ${seconds} s a run, 3 interleaved rounds (good responses/s, p50 ms, p99 ms, wrong)"
  printf '%-6s %-36s %-36s %-36s\n' round "PetClinic /owners/{1..10}" "portal /drugs, one instance" "portal /drugs, two instances"
  declare -a pet one two costs
  for round in 1 2 3; do
    p=$(costed "$petclinic_pid" http://127.0.0.1:8090 "$owners" "Owner Information")
    o=$(costed "${portal_pid[0]}" http://localhost:8079 /drugs "お薬の情報")
    t=$(costed "${portal_pid[*]}" http://localhost:8080 /drugs "お薬の情報")
    printf '%-6s %-36s %-36s %-36s\n' "$round" "${p%|*}" "${o%|*}" "${t%|*}"
    costs+=("$round ${p#*|} ${o#*|} ${t#*|}")
    pet+=("${p%% *}"); one+=("${o%% *}"); two+=("${t%% *}")
    p99s+=("$(echo "${t%|*}" | awk '{print $3}')")
  done
  echo "CPU ms per good response (JVMs, PostgreSQL, HAProxy, whole machine with wrk):"
  printf '%-6s %-36s %-36s %-36s\n' round PetClinic "one instance" "two instances"
  printf '%s\n' "${costs[@]}" | awk '{printf "%-6s %-36s %-36s %-36s\n", $1, $2" "$3" "$4" "$5, $6" "$7" "$8" "$9, $10" "$11" "$12" "$13}'
  # What the target would leave: 1.5 times PetClinic's rate on this machine's cores, each page
  # may cost no more machine CPU than this; beside it, what the drug page's statements cost PostgreSQL.
  printf '%s\n' "${costs[@]}" | awk -v pet="$(median "${pet[@]}")" -v cores="$(nproc)" '
    { pg[NR] = $11; machine[NR] = $13; petpg[NR] = $3; petm[NR] = $5 }
    function mid(a, b, c) { return a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b)) }
    END { printf "1.5x PetClinic (%.0f/s) on %d cores leaves %.2f ms of machine CPU a drug page; two instances spent %.2f," \
        " of it PostgreSQL %.2f (PetClinic: %.2f, of it PostgreSQL %.2f; medians)\n", 1.5 * pet, cores, cores * 1000 / (1.5 * pet),
        mid(machine[1], machine[2], machine[3]), mid(pg[1], pg[2], pg[3]), mid(petm[1], petm[2], petm[3]), mid(petpg[1], petpg[2], petpg[3]) }'
  awk -v p="$(median "${pet[@]}")" -v o="$(median "${one[@]}")" -v t="$(median "${two[@]}")" 'BEGIN {
    printf "medians: PetClinic %.0f/s, portal one instance %.0f/s, two instances %.0f/s\n", p, o, t
    printf "drug page (two instances) / PetClinic owner page: %.2f (target >= 1.5)\n", t / p
    printf "two instances / one instance: %.2f (target >= 1.0)\n", t / o }'
  echo "drug page p99 through both instances: ${p99s[*]} ms (target <= 50)"

  echo "== (#18) the drug list: FHIR JSON through the API beside the HTML page, both instances, 8 connections, ${seconds} s a run"
  # shellcheck disable=SC2046
  secret=$(java -jar "$jar" --app-register=bench-phr --app-name=ベンチマークのPHRアプリ --app-operator=benchmark \
    --app-redirect-uri=http://127.0.0.1:9/callback --app-scopes=drugs --logging.level.root=WARN $(db_args) \
    | sed -n 's/^Its client secret, shown this once: //p')
  # Tokens last 5 minutes: taken now, for the same people whose sessions the pages use.
  java -cp "$classpath" jp.mynahealth.bench.AppTokens http://127.0.0.1:9000 bench-phr "$secret" http://127.0.0.1:9/callback drugs \
    1234 "$work"/login/cards/bench-*.p12 > "$work/tokens.txt"
  say "$(sort -u "$work/tokens.txt" | wc -l) access tokens of $(wc -l < "$work/cards.csv") people, each through the consent page"
  run_api() {
    COOKIES="$work/tokens.txt" HEADER=Authorization PAGES="$1" EXPECT='"resourceType":"Bundle"' wrk -t2 -c8 -d"${seconds}s" \
      --latency -s e2e/bench/citizens.lua http://localhost:8080 | awk '/^RESULT/ {print $3, $5, $7, $9}'
  }
  fhir=/api/v1/fhir/MedicationDispense
  run_api "$fhir" >/dev/null
  printf '%-6s %-36s %-36s\n' round "HTML /drugs" "API $fhir"
  declare -a html api
  for round in 1 2 3; do
    h=$(run http://localhost:8080 /drugs "お薬の情報")
    a=$(run_api "$fhir")
    printf '%-6s %-36s %-36s\n' "$round" "$h" "$a"
    html+=("${h%% *}"); api+=("${a%% *}")
  done
  awk -v h="$(median "${html[@]}")" -v a="$(median "${api[@]}")" 'BEGIN {
    printf "medians: HTML drug page %.0f/s, FHIR MedicationDispense %.0f/s (API / HTML: %.2f)\n", h, a, a / h }'
fi

echo "== every record page through both instances, 8 connections, ${seconds} s, 3 interleaved rounds ($persons people in the store)"
# Three rounds, each over every page, and the medians: one collection pause or checkpoint in a round
# makes that round's p99, and a comparison of two stores (100,000 and 1,000,000 people) must not
# hang on where one fell.
declare -A page_runs
for round in 1 2 3; do
  for page in "${record_pages[@]}"; do
    page_runs[$page]+="$(run http://localhost:8080 "$page" ログアウト);"
  done
done
printf '%-20s %-44s %s\n' page "rounds (good/s p50 p99 wrong)" "median good/s, median p99 ms, wrong"
for page in "${record_pages[@]}"; do
  rounds=$(echo "${page_runs[$page]}" | tr ';' '\n' | grep .)
  printf '%-20s %-44s %s/s, p99 %s ms, %s wrong\n' "$page" "${page_runs[$page]}" "$(median $(echo "$rounds" | cut -d' ' -f1))" \
    "$(median $(echo "$rounds" | cut -d' ' -f3))" "$(echo "$rounds" | awk '{w += $4} END {print w}')"
done

echo "== access history with 374,000 log rows for one person (the first benchmark person)"
person=$(head -1 "$work/cards.csv" | cut -d, -f2)
# Rows of the past 30 days, as a day of benchmarking leaves them (the chain fields are not checked here).
psql_owner -c "insert into portal.access_log (person_id, occurred_at, action, channel, result, chain_id, chain_seq, row_hash)
  select '$person', now() - (i * interval '7 seconds'), 'view.drugs', 'web', 'ok', -1, 1000000000 + i, '\\x00'
  from generate_series(1, 374000) i" -c 'analyze portal.access_log'
say "$(psql_owner -c "select count(*) from portal.access_log where person_id = '$person'") rows for that person"
head -1 "$work/cookies.txt" > "$work/cookie-one.txt"
printf '%-20s %s\n' "/history" "$(COOKIES="$work/cookie-one.txt" PAGES=/history EXPECT=ログアウト wrk -t2 -c8 -d"${seconds}s" \
  --latency -s e2e/bench/citizens.lua http://localhost:8080 | awk '/^RESULT/ {print $3, $5, $7, $9}')"
echo "portal memory: $(for pid in "${portal_pid[@]}"; do ps -o rss= -p "$pid"; done | awk '{printf "%.0f MB ", $1/1024}')(RSS of each instance)"
