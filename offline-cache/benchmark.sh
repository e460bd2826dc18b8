#!/usr/bin/env bash
# Runs one offline-cache benchmark main (they live in src/test and start a local-backend) in a
# 256 MB heap. Usage: offline-cache/benchmark.sh InitialSyncBenchmark|DrainBenchmark|LocalWriteBenchmark|TypedQueryBenchmark|SearchBenchmark|ChangeToQueryBenchmark|SupabaseJsBaselineBenchmark [args]
set -uo pipefail
cd "$(dirname "$0")/.."
main="$1"; shift
# One reactor build compiles the modules and writes each one's external classpath (relative
# outputFile = per module), so nothing has to be installed in the local Maven repository first.
./mvnw -B -o -q -pl offline-cache -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.excludeGroupIds=com.fielddesk -Dmdep.outputFile=target/benchmark.classpath || exit 1
# Run from a private copy of the compiled classes, so a rebuild meanwhile cannot pull them away.
copy="$(mktemp -d)"
for dir in offline-cache/target/test-classes offline-cache/target/classes local-backend/target/classes \
           local-backend/target/test-classes supabase-client/target/classes; do
  mkdir -p "$copy/$dir" && cp -r "$dir/." "$copy/$dir/"
done
cp="$copy/offline-cache/target/test-classes:$copy/offline-cache/target/classes:$copy/local-backend/target/classes"
cp="$cp:$copy/local-backend/target/test-classes:$copy/supabase-client/target/classes"
# In a reactor build the sibling modules appear as their target folders: use the copies above.
cp="$cp:$(tr ':' '\n' < offline-cache/target/benchmark.classpath | grep -v "^$PWD/" | paste -sd:)"
# BENCHMARK_JVM_OPTS: extra JVM options, e.g. a JFR recording (see docs/benchmarks.md).
java -Xmx256m ${BENCHMARK_JVM_OPTS:-} -cp "$cp" "com.fielddesk.cache.benchmark.$main" "$@"
status=$?
rm -rf "$copy"
exit $status
