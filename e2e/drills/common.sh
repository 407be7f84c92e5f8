# Shared by the drills (sourced from the repository root). Builds the app, then on loopback only:
# a PostgreSQL primary and a hot standby (Debian's postgresql, streaming replication), the idp,
# signer and ca in one JVM, two portal instances, and HAProxy in front of them on the portal's
# address (localhost:8080). Everything is started under $work and stopped by drill_stop.
# Needs: postgresql, haproxy, wrk, curl (Debian packages; drill_packages installs what is missing).

PG_PORT=${PG_PORT:-55432}
STANDBY_PORT=55433
PORTAL_PORTS=(8081 8082)

drill_packages() {
  local missing=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

# as_postgres <command…>: PostgreSQL refuses to run as root.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

say() { printf '[%s] %s\n' "$(date +%T)" "$*"; }

drill_start() {
  drill_packages
  source e2e/bench/common.sh
  build_app
  work=$(mktemp -d "${TMPDIR:-/tmp}/myna-drill-XXXX")
  chmod 755 "$work"
  # Its own copy of the jar: a build in the working tree meanwhile must not pull it from under the JVMs.
  cp "$jar" "$work/app.jar" && jar="$work/app.jar"
  pids=()
  trap drill_stop EXIT
  start_primary
  start_standby
  start_roles
  start_haproxy
}

start_primary() {
  say "PostgreSQL primary on 127.0.0.1:$PG_PORT"
  install -d -o postgres -m 755 "$work/pg"
  install -d -o postgres -m 700 "$work/primary"
  echo "drill-secret" > "$work/pgpass" && chown postgres "$work/pgpass" && chmod 600 "$work/pgpass"
  as_postgres "$PGBIN/initdb" -D "$work/primary" -U postgres --pwfile="$work/pgpass" -A scram-sha-256 -E UTF8 \
    --locale=C >/dev/null
  cat >> "$work/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
wal_level = replica
max_wal_senders = 4
hot_standby = on
unix_socket_directories = '$work/pg'
CONF
  echo "host replication postgres 127.0.0.1/32 scram-sha-256" >> "$work/primary/pg_hba.conf"
  as_postgres "$PGBIN/pg_ctl" -D "$work/primary" -l "$work/pg/primary.log" -w start >/dev/null
  # The three logins of README's "Using an external PostgreSQL".
  PGPASSWORD=drill-secret psql -q -h 127.0.0.1 -p $PG_PORT -U postgres >/dev/null <<'SQL'
create role myna_owner login password 'drill-secret';
create role myna_app login password 'drill-secret';
create role myna_importer login password 'drill-secret';
create database myna owner myna_owner encoding 'UTF8' template template0;
revoke all on database myna from public;
grant connect on database myna to myna_app, myna_importer;
grant temporary on database myna to myna_importer;
SQL
}

start_standby() {
  say "hot standby on 127.0.0.1:$STANDBY_PORT (streaming from the primary)"
  install -d -o postgres -m 700 "$work/standby"
  as_postgres env PGPASSWORD=drill-secret "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $PG_PORT -U postgres -D "$work/standby" \
    -R -X stream -c fast >/dev/null
  sed -i "s/^port = .*/port = $STANDBY_PORT/" "$work/standby/postgresql.conf"
  as_postgres "$PGBIN/pg_ctl" -D "$work/standby" -l "$work/pg/standby.log" -w start >/dev/null
}

# Every citizen of a drill or benchmark comes from one address (loopback): the per-address abuse
# limits would count them as one client. The per-session limits stay.
LIMITS="--myna.rate-limit.login-per-address=100000000 --myna.rate-limit.challenge-per-address=100000000 \
  --myna.rate-limit.download-per-address=100000000 --myna.rate-limit.download-per-session=100000000 \
  --myna.rate-limit.api-per-app=100000000 --myna.rate-limit.api-per-person=100000000"

db_args() {
  echo "$LIMITS" "--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/myna" \
       "--spring.flyway.user=myna_owner --spring.flyway.password=drill-secret" \
       "--spring.datasource.username=myna_app --spring.datasource.password=drill-secret" \
       "--myna.importer.datasource.username=myna_importer --myna.importer.datasource.password=drill-secret" \
       "$(replica_args)" \
       "--myna.access-log.key-file=$work/shared/chain.key" \
       "--myna.access-log.signing-key-file=$work/shared/checkpoint-signing.pem" \
       "--myna.access-log.checkpoint-dir=$work/shared/checkpoints"
}

# The standby, when this run started one (the page benchmark runs without).
replica_args() {
  [ -d "$work/standby" ] || return 0
  echo "--myna.read-store.replica-url=jdbc:postgresql://127.0.0.1:$STANDBY_PORT/myna" \
       "--myna.read-store.replica-username=myna_app --myna.read-store.replica-password=drill-secret"
}

# wait_for <url> <seconds>
wait_for() {
  for _ in $(seq 1 $(($2 * 5))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  return 1
}

start_roles() {
  mkdir -p "$work/shared" "$work/login"
  say "idp, signer and ca (with the demo data and cards) in one JVM"
  # shellcheck disable=SC2046
  java -Xmx512m -jar "$jar" --roles=idp,signer,ca --myna.data-dir="$work/login" --logging.level.root=WARN \
    $(db_args) >"$work/login.log" 2>&1 &
  pids+=($!)
  wait_for http://127.0.0.1:9000/actuator/health 300 || { echo "the idp did not start: $work/login.log" >&2; exit 1; }
  for i in 0 1; do start_portal "$i"; done
}

# start_portal <index>: one portal instance; its pid in portal_pid[index].
start_portal() {
  local i=$1 port=${PORTAL_PORTS[$1]}
  say "portal instance $i on localhost:$port"
  mkdir -p "$work/portal$i"
  # Each instance sized for its share of the machine (one of the two cores), as a container's CPU
  # limit would size it: its collector, compiler and common pool threads, not its request threads.
  # shellcheck disable=SC2046
  java -Xmx384m -XX:ActiveProcessorCount=1 -jar "$jar" --roles=portal --server.port="$port" --myna.data-dir="$work/portal$i" \
    --myna.demo.enabled=false --myna.import.inbox= --logging.level.root=WARN $(db_args) >"$work/portal$i.log" 2>&1 &
  portal_pid[$i]=$!
  pids+=($!)
  wait_for "http://localhost:$port/actuator/health" 300 || { echo "portal $i did not start: $work/portal$i.log" >&2; exit 1; }
}

start_haproxy() {
  say "HAProxy on localhost:8080 in front of both portal instances"
  cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
frontend portal
  bind 127.0.0.1:8080
  default_backend portals
# The same balancer in front of instance 0 alone: the page benchmark's "one instance" figure.
frontend portal_one
  bind 127.0.0.1:8079
  default_backend portal_one
backend portal_one
  option httpchk GET /actuator/health/liveness
  default-server inter 500ms fall 2 rise 2
  server portal0 127.0.0.1:${PORTAL_PORTS[0]} check
backend portals
  balance roundrobin
  # Liveness, not readiness: while the database is away the portals still answer (their polite 503).
  option httpchk GET /actuator/health/liveness
  http-response set-header X-Served-By %s
  default-server inter 500ms fall 2 rise 2
  server portal0 127.0.0.1:${PORTAL_PORTS[0]} check
  server portal1 127.0.0.1:${PORTAL_PORTS[1]} check
CFG
  haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"
  wait_for http://localhost:8080/actuator/health 30
}

# pin_portals: each portal instance on a core of its own (taskset), as a container's cpuset would
# place it: sized for one core (ActiveProcessorCount=1), it then also runs on one. Left to float,
# the scheduler moves both JVMs' threads over both cores, and a drug page cost 25-30 % more JVM CPU
# through two instances than through one (measured 2026-12-02: two JIT'd code caches and heaps
# sharing each core's caches); pinned, about the same. PostgreSQL, HAProxy and wrk still float.
pin_portals() {
  [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null || return 0
  local i
  for i in 0 1; do taskset -a -p -c "$i" "${portal_pid[$i]}" >/dev/null; done
  say "portal instance 0 on core 0, instance 1 on core 1"
}

# A logged-in 見本 太郎 through the real card flow; sets $cookie.
login() {
  cookie=$(java -cp "$classpath" jp.mynahealth.bench.PortalSession http://localhost:8080 "$work/login/cards/taro.p12" 1234)
}

# citizens <count>: issues cards for <count> people of the store who have dispensings (batch file
# $work/cards.csv: card id, person) and logs each in through the real card flow; their portal
# session cookies, one a line, go to $work/cookies.txt.
citizens() {
  rm -f "$work/login/cards/bench-"*
  PGPASSWORD=drill-secret psql -q -At -h 127.0.0.1 -p $PG_PORT -U myna_owner -d myna -c "
    select 'bench-' || row_number() over () || ',' || p.person_id from records.person p
    where exists (select 1 from records.dispensing d where d.person_id = p.person_id) order by p.person_id limit $1" \
    > "$work/cards.csv"
  # shellcheck disable=SC2046
  java -jar "$jar" --card-issue-batch="$work/cards.csv" --myna.data-dir="$work/login" --logging.level.root=WARN $(db_args) | tail -1
  java -cp "$classpath" jp.mynahealth.bench.PortalSession http://localhost:8080 1234 "$work"/login/cards/bench-*.p12 \
    > "$work/cookies.txt"
  say "$(sort -u "$work/cookies.txt" | wc -l) distinct portal sessions of $(cut -d, -f2 "$work/cards.csv" | sort -u | wc -l) people"
}

# page <path>: prints "<status> <served by>" and keeps the body in $work/body.
page() {
  curl -sS -m 10 -o "$work/body" -D "$work/headers" -w '%{http_code}' -H "Cookie: $cookie" "http://localhost:8080$1" || true
  printf ' %s\n' "$(grep -i '^x-served-by:' "$work/headers" | tr -d '\r' | awk '{print $2}')"
}

logged_in_page() {
  grep -q '見本' "$work/body" && ! grep -qi 'exception' "$work/body"
}

verdict() {
  if [ "$1" = 0 ]; then say "PASS: $2"; else say "FAIL: $2"; fi
  return "$1"
}

drill_stop() {
  # Everything is stopped whatever fails on the way (a process already gone is not an error here).
  set +e
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  # A store kept for the next run (KEEP) is stopped with a checkpoint: stopped at once, a freshly
  # filled 1,000,000-person store needed minutes of recovery on its next start.
  local mode=immediate
  [ -n "${KEEP:-}" ] && mode=fast
  for db in standby primary; do
    [ -d "$work/$db" ] && as_postgres "$PGBIN/pg_ctl" -D "$work/$db" -m $mode stop >/dev/null 2>&1
  done
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
