#!/usr/bin/env bash
# Issue 3's benchmark: login round trips without the human and the idp's validations per second.
# Usage: e2e/bench/login.sh [logins=300] [validation-seconds=15]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/test-classes:target/classes:$classpath" jp.mynahealth.bench.LoginBenchmark "$@"
