#!/usr/bin/env bash
# Ingest load benchmark (issue 2): realistic JimBot batches from many keep-alive connections against the engine
# (durability on: every acknowledged event is fsynced), then against a re-creation of the Python server the mod
# shipped with, in the same script on the same machine, load generator included.
#
#   bench/ingest-load.sh            full run (~3 minutes)
#   bench/ingest-load.sh --quick    smoke run (~40 s), numbers not meaningful
#
# Prints one JSON line per phase and a summary; results also go to bench/results/ingest-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. .mvn/find-jdk.sh
jimbot_find_jdk

warm=PT10S; dur=PT20S
if [ "${1:-}" = "--quick" ]; then warm=PT2S; dur=PT4S; fi
rate=${INGEST_RATE:-50000}
conns=${INGEST_CONNECTIONS:-16}
open_conns=${INGEST_OPEN_CONNECTIONS:-64}
per_batch=${INGEST_EVENTS_PER_BATCH:-25}
python=${PYTHON:-python3}

./mvnw -B -q -Pbench -DskipTests install -pl server,bench -am >&2
java="$JAVA_HOME/bin/java"
gen=("$java" -Xmx1g -cp "bench/target/jimbot-bench.jar:bench/target/lib/*" jimbot.bench.ingest.IngestLoad)

tmp=$(mktemp -d)
mkdir -p bench/results
out="bench/results/ingest-$(date -u +%Y%m%dT%H%M%SZ).txt"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

wait_for() { # file regex -> first capture group
  for _ in $(seq 1 600); do
    if m=$(grep -oE "$2" "$1" 2>/dev/null | head -1); then [ -n "$m" ] && { echo "$m" | grep -oE '[0-9]+$'; return 0; }; fi
    sleep 0.1
  done
  echo "timed out waiting for $2 in $1" >&2; cat "$1" >&2; return 1
}

{
  echo "# ingest load $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$java" -version 2>&1 | head -1)"
  echo "# events per batch $per_batch (1 GAME_STATE with a 52-card deck + small change events), warmup $warm, measured $dur"

  "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g \
    -jar server/target/jimbot.jar serve --http-port 0 --data-dir "$tmp/data" >"$tmp/engine.log" 2>&1 &
  pids+=($!); engine=$!
  port=$(wait_for "$tmp/engine.log" 'HTTP  http://127\.0\.0\.1:[0-9]+')
  "${gen[@]}" --target "http://127.0.0.1:$port" --label engine --mode closed --connections "$conns" \
    --events-per-batch "$per_batch" --warmup "$warm" --duration "$dur"
  "${gen[@]}" --target "http://127.0.0.1:$port" --label engine --mode open --rate "$rate" --connections "$open_conns" \
    --events-per-batch "$per_batch" --warmup "$warm" --duration "$dur"
  stored=$(curl -s "http://127.0.0.1:$port/health")
  echo "# engine health after the runs: $stored"
  kill -TERM "$engine"; wait "$engine" || true

  for variant in original threading; do
    flag=""; [ "$variant" = threading ] && flag="--threading"
    "$python" bench/baseline/balatromcp_mock_server.py --port 0 $flag >"$tmp/python-$variant.out" 2>"$tmp/python-$variant.log" &
    pids+=($!); py=$!
    pport=$(wait_for "$tmp/python-$variant.log" 'listening on [0-9]+')
    "${gen[@]}" --target "http://127.0.0.1:$pport" --label "python-$variant" --mode closed --connections "$conns" \
      --events-per-batch "$per_batch" --warmup "$warm" --duration "$dur"
    kill "$py"; wait "$py" 2>/dev/null || true
  done
} | tee "$out"

"$python" - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {(r["label"], r["mode"]): r for r in rows}
e, o = by[("engine", "closed")], by[("engine", "open")]
print(f"# engine sustained (closed loop, {e['connections']} connections): {e['events_per_s']:.0f} events/s, ack p50 {e['p50_ms']} ms, p99 {e['p99_ms']} ms")
print(f"# engine at a steady {o['target_events_per_s']} events/s (open loop, {o['connections']} connections): achieved {o['events_per_s']:.0f} events/s, ack p50 {o['p50_ms']} ms, p99 {o['p99_ms']} ms, p99.9 {o['p999_ms']} ms")
for v in ("original", "threading"):
    p = by.get((f"python-{v}", "closed"))
    if p:
        print(f"# python {v}: {p['events_per_s']:.0f} events/s, p99 {p['p99_ms']} ms -> engine/python = {e['events_per_s'] / max(p['events_per_s'], 1):.1f}x")
PY
echo "# results: $out"
