#!/usr/bin/env bash
# Times filling an empty read store with N generated people (default 100,000) through the importer, and
# prints what it imported. Usage: e2e/bench/generate.sh [persons]
set -euo pipefail
cd "$(dirname "$0")/../.."
persons=${1:-100000}
data=$(mktemp -d "${TMPDIR:-/tmp}/myna-bench-XXXX")
trap 'rm -rf "$data"' EXIT
./mvnw -q -B package -DskipTests >/dev/null
jar=$(ls target/myna-health-portal-*.jar | grep -v original | head -1)
# Start the store once with the demo set, so only the bulk generation is timed below.
java -jar "$jar" --myna.data-dir="$data" --persons=1 --seed=0 >/dev/null
start=$(date +%s.%N)
java -jar "$jar" --myna.data-dir="$data" --persons="$persons" --seed=1 | grep -E '^(Generated|\{)'
printf 'whole command (JVM start, PostgreSQL start, generation, commit): %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
du -sh "$data/postgres/pgdata" | awk '{print "database size on disk: " $1}'
