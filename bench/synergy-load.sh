#!/usr/bin/env bash
# Synergy upkeep benchmark (issue 5): one finished run counted incrementally against a recompute from the projection,
# with 10,000 and 100,000 runs already counted; FP-Growth over the same runs.
#
#   bench/synergy-load.sh            sizes 10000,100000 (~1 minute)
#   bench/synergy-load.sh --quick    smoke run, numbers not meaningful
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk

sizes=${SYNERGY_SIZES:-10000,100000}; measured=${SYNERGY_MEASURED:-20000}
if [ "${1:-}" = "--quick" ]; then sizes=1000; measured=1000; fi

./mvnw -B -q -Pbench -DskipTests install -pl bench -am >&2
mkdir -p bench/results
out="bench/results/synergy-$(date -u +%Y%m%dT%H%M%SZ).txt"
"$JAVA_HOME/bin/java" -Xmx4g ${SYNERGY_JAVA_OPTS:-} -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" \
  jimbot.bench.synergy.SynergyLoad "$sizes" "$measured" | tee "$out"
