#!/usr/bin/env bash
# What a newcomer does first, on every submission: clone the repository into an empty folder, and in a plain shell
# (no JAVA_HOME, no flags but ports) run the README's first command with its defaults; wait for /health, post one
# example batch, stop the engine with SIGTERM and require exit code 0 within 10 s.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "newcomer: FAILED: $*" >&2; echo "--- engine output ---" >&2; tail -n 60 "$work/serve.log" >&2 || true; exit 1; }

git clone -q "$repo" "$work/jimbot"
cd "$work/jimbot"

# The README's first command, word for word; only ports already taken on this machine are overridden (with 0).
args=()
taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
taken 8080 && args+=(--http-port 0)
taken 50051 && args+=(--grpc-port 0)
taken 7687 && args+=(--bolt-port 0)
echo "newcomer: ./jimbot serve ${args[*]:-} (in a fresh clone, plain shell, no JAVA_HOME)"
env -i HOME="$HOME" PATH="/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 ./jimbot serve "${args[@]}" >"$work/serve.log" 2>&1 &
pid=$!

# The first use builds the engine (a few minutes on 2 cores), then it prints where it listens.
port=""
for _ in $(seq 1 1200); do
  kill -0 "$pid" 2>/dev/null || fail "./jimbot serve exited before listening"
  port=$(sed -n 's|^  HTTP  http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/serve.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.5
done
[ -n "$port" ] || fail "no HTTP line after 10 minutes"
base="http://127.0.0.1:$port"
curl -fsS --max-time 5 "$base/health" >/dev/null || fail "/health did not answer 200"
reply=$(curl -sS --max-time 10 -XPOST "$base/api/v1/events/batch" -H 'Content-Type: application/json' \
  --data-binary @ingest/src/test/resources/contracts/examples/jimbot-batch.json) || fail "the example batch was not accepted"
case "$reply" in *'"accepted":4'*) ;; *) fail "example batch answered: $reply" ;; esac
[ -d data/journal ] && [ -d data/graph ] || fail "the default data directory ./data was not used"

kill -TERM "$pid"
start=$(date +%s%N)
while kill -0 "$pid" 2>/dev/null; do
  [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 10000 ] || fail "still running 10 s after SIGTERM"
  sleep 0.1
done
set +e; wait "$pid"; code=$?; set -e
pid=""
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$code" = 0 ] || fail "exit code $code after SIGTERM (expected 0)"
echo "newcomer: ok (listened on $port, example batch accepted, stopped on SIGTERM with exit 0 in $ms ms)"
