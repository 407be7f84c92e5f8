#!/usr/bin/env bash
# Times the README's run command from launch to the first Japanese home page, on a fresh data
# folder (first start: initdb, migrations, demo data) and again on the kept folder (restart).
# Usage: e2e/bench/startup.sh   (run from the repository root; needs a warm Maven cache)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d "${TMPDIR:-/tmp}/myna-bench-XXXX")
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

./mvnw -q -B package -DskipTests >/dev/null
jar=$(ls target/myna-health-portal-*.jar | grep -v original | head -1)

time_to_first_page() {
  local label=$1 start end
  start=$(date +%s.%N)
  ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="--myna.data-dir=$data" >"$data/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null http://localhost:8080/ 2>/dev/null; then break; fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  curl -fsS http://localhost:8080/ | grep -q 'lang="ja"' || { echo "no Japanese home page" >&2; exit 1; }
  printf '%-28s %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # spring-boot:run forks the app: make sure the port is free before the next round.
  for _ in $(seq 1 100); do curl -fsS -o /dev/null http://localhost:8080/ 2>/dev/null || break; sleep 0.1; done
}

echo "run command to first page (./mvnw spring-boot:run, warm Maven cache):"
time_to_first_page "first start (empty folder)"
time_to_first_page "restart (data kept)"
echo "java -jar $jar:"
start=$(date +%s.%N)
java -jar "$jar" --myna.data-dir="$data" >"$data/jar.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -fsS -o /dev/null http://localhost:8080/ 2>/dev/null && break; sleep 0.1; done
printf '%-28s %6.1f s\n' "restart from the jar" "$(echo "$(date +%s.%N) - $start" | bc)"
