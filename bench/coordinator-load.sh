#!/usr/bin/env bash
# Resource coordinator benchmark (issue 7): RequestResource round trip over loopback gRPC under a mixed load from 64
# clients (against the same calls in the process), and fair shares of GPU slices under saturation.
#
#   bench/coordinator-load.sh           5,000 requests/s for 30 s, 64 clients; fairness for 60 s (~2.5 minutes)
#   bench/coordinator-load.sh --quick   smoke run, numbers not meaningful
#
# Prints JSON lines; results also go to bench/results/coordinator-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk

rate=${COORD_RATE:-5000}; secs=${COORD_SECONDS:-30}; clients=${COORD_CLIENTS:-64}; fair=${COORD_FAIR_SECONDS:-60}
if [ "${1:-}" = "--quick" ]; then secs=3; fair=3; fi

./mvnw -B -q -Pbench -DskipTests install -pl bench -am >&2
mkdir -p bench/results
out="bench/results/coordinator-$(date -u +%Y%m%dT%H%M%SZ).txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g ${COORD_JAVA_OPTS:-} -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" \
  jimbot.bench.coordinator.CoordinatorLoad "$rate" "$secs" "$clients" "$fair" 2> >(grep -v "^WARNING\|INFO" >&2) | tee "$out"
