#!/usr/bin/env bash
# Runs JMH benchmarks from bench/: bench/jmh.sh <regex> [JMH options], e.g. bench/jmh.sh OrderingBench
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk
./mvnw -B -q -Pbench -DskipTests install -pl bench -am >&2
exec "$JAVA_HOME/bin/java" -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main "$@"
