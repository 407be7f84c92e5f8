# Shared by the benchmark and scan scripts (sourced, from the repository root): builds the jar and
# the test classes, and starts all roles on a throw-away data folder for one logged-in session.

# Sets $jar and $classpath.
build_app() {
  ./mvnw -q -B package -DskipTests >/dev/null
  ./mvnw -q -B test-compile >/dev/null
  classpath="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
  jar=$(ls target/myna-health-portal-*.jar | grep -v original | head -1)
}

# start_app <data folder> [extra arguments…]: all roles in the background ($app), waits for health.
start_app() {
  local folder=$1
  shift
  java -Xmx1g -jar "$jar" --myna.data-dir="$folder" --logging.level.root=WARN "$@" >"$folder/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 600); do curl -fsS -o /dev/null http://localhost:8080/actuator/health 2>/dev/null && return; sleep 0.2; done
  echo "the portal did not start: see $folder/app.log" >&2
  return 1
}

# Logs 見本 太郎 in with his demo card, without a browser; prints the portal's session cookie.
login_taro() {
  java -cp "$classpath" jp.mynahealth.bench.PortalSession http://localhost:8080 "$1/cards/taro.p12" 1234
}

# cpu_seconds <pid>…: CPU seconds used so far (utime + stime, /proc/<pid>/stat) by each given JVM,
# then by PostgreSQL, by HAProxy and by the whole machine (all but idle and iowait, /proc/stat), on
# one line. PostgreSQL's figure adds what its ended processes used (each postmaster's cutime and
# cstime): a connection or an autovacuum worker that ends between two readings still counts.
cpu_seconds() {
  local hz
  hz=$(getconf CLK_TCK)
  for stat in /proc/[0-9]*/stat; do cat "$stat" 2>/dev/null || true; done | awk -v hz="$hz" -v pids="$*" '
    BEGIN { n = split(pids, want, " "); for (i = 1; i <= n; i++) { at[want[i]] = i; used[i] = 0 } }
    {
      line = $0; pid = $1; name = line; sub(/^[0-9]+ \(/, "", name); sub(/\) .*$/, "", name)
      rest = line; sub(/^.*\) /, "", rest); split(rest, f, " ")
      t = (f[12] + f[13]) / hz   # utime and stime: fields 14 and 15 of the whole line
      if (pid in at) used[at[pid]] += t
      else if (name == "haproxy") hp += t
      else if (name ~ /^postgres/) { pg += t; parent[pid] = f[2]; ended[pid] = (f[14] + f[15]) / hz }
    }
    END {
      # A postmaster is the PostgreSQL process whose parent is not one.
      for (p in parent) if (!(parent[p] in parent)) pg += ended[p]
      getline cpu < "/proc/stat"; split(cpu, c, " ")
      busy = 0; for (i = 2; i <= 11; i++) if (i != 5 && i != 6) busy += c[i]
      out = ""; for (i = 1; i <= n; i++) out = out sprintf("%.2f ", used[i])
      printf "%s%.2f %.2f %.2f\n", out, pg, hp, busy / hz }'
}
