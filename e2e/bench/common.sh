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
