#!/usr/bin/env bash
# Runs one offline-cache benchmark main (they live in src/test and start a local-backend) in a
# 256 MB heap. Usage: offline-cache/benchmark.sh InitialSyncBenchmark|DrainBenchmark|LocalWriteBenchmark [args]
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"; shift
./mvnw -B -o -q -pl offline-cache -am test-compile -DskipTests
./mvnw -B -o -q -pl offline-cache dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeGroupIds=com.fielddesk -Dmdep.outputFile="$PWD/offline-cache/target/benchmark.classpath"
cp="offline-cache/target/test-classes:offline-cache/target/classes:local-backend/target/classes:local-backend/target/test-classes"
cp="$cp:supabase-client/target/classes:$(cat offline-cache/target/benchmark.classpath)"
exec java -Xmx256m -cp "$cp" "com.fielddesk.cache.benchmark.$main" "$@"
