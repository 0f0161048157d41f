#!/usr/bin/env bash
# gRPC API benchmark (issue 6): HTTP post → gRPC subscriber latency at a steady rate (against HTTP polling), SubmitCommand
# → visible to the game's poll (against the HTTP route), 50-subscriber fan-out without loss, and unary
# OptimizeJokerOrder round trips from Python (against the same over HTTP). One real engine in one process.
#
#   bench/grpc-load.sh            1,000 events/s for 30 s; fan-out 5,000 events/s for 20 s to 50 subscribers (~3 minutes)
#   bench/grpc-load.sh --quick    smoke run, numbers not meaningful
#
# Prints JSON lines; results also go to bench/results/grpc-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk

rate=${GRPC_RATE:-1000}; secs=${GRPC_SECONDS:-30}; fan=${GRPC_FAN_RATE:-5000}; fansecs=${GRPC_FAN_SECONDS:-20}; subs=${GRPC_SUBSCRIBERS:-50}
if [ "${1:-}" = "--quick" ]; then secs=3; fansecs=2; export RTT_CALLS=100; fi

./mvnw -B -q -Pbench -DskipTests install -pl bench -am >&2
bash clients/python/generate.sh >&2 || echo "grpc-load: no Python stubs; the Python round trips will fail" >&2
mkdir -p bench/results
out="bench/results/grpc-$(date -u +%Y%m%dT%H%M%SZ).txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g ${GRPC_JAVA_OPTS:-} -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" \
  jimbot.bench.grpc.GrpcLoad "$rate" "$secs" "$fan" "$fansecs" "$subs" 2> >(grep -v "^WARNING\|INFO" >&2) | tee "$out"
