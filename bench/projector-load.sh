#!/usr/bin/env bash
# Graph projector benchmark (issue 3): end-to-end lag at a steady event rate through a real engine (HTTP intake →
# durable journal → projector → embedded Neo4j, read back with Cypher over Bolt), then projector throughput with the
# engine's batching against one event per transaction, on the same journal in the same process.
#
#   bench/projector-load.sh            full run: 2,000 events/s for 120 s (the first 30 s warm the JVM), 8 game instances (~4 minutes)
#   bench/projector-load.sh --quick    smoke run (~40 s), numbers not meaningful
#
# Prints JSON lines; results also go to bench/results/projector-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk

rate=${PROJECTOR_RATE:-2000}; secs=${PROJECTOR_SECONDS:-120}; warm=${PROJECTOR_WARMUP_SECONDS:-30}; clients=${PROJECTOR_CLIENTS:-8}; base=${PROJECTOR_BASELINE_EVENTS:-10000}
if [ "${1:-}" = "--quick" ]; then secs=8; base=1000; warm=2; fi

./mvnw -B -q -Pbench -DskipTests install -pl bench -am >&2
mkdir -p bench/results
out="bench/results/projector-$(date -u +%Y%m%dT%H%M%SZ).txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g ${PROJECTOR_JAVA_OPTS:-} -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" \
  jimbot.bench.graph.ProjectorLoad "$rate" "$secs" "$clients" "$base" "$warm" 2> >(grep -v "^WARNING\|INFO" >&2) | tee "$out"
