#!/usr/bin/env bash
# `npm run bench:<name>`: ensures dependencies, services and a build, then runs
# test/bench/<name>.bench.ts, which prints its figures and writes reports/bench/<name>.json.
# Each benchmark gets its own in-memory Temporal dev server (BENCH_TEMPORAL=shared: the usual one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
name=${1:?usage: scripts/bench.sh <name>}
[ -f "test/bench/$name.bench.ts" ] || die "no benchmark test/bench/$name.bench.ts"

ensure_node
ensure_node_modules
bash scripts/services.sh up
log "building (cached after the first time)"
npx nx run-many -t build --outputStyle=static --parallel=2 >"$LOG_DIR/build.log" 2>&1 ||
  { tail -n 40 "$LOG_DIR/build.log"; die "build failed (full log: $LOG_DIR/build.log)"; }
mkdir -p reports/bench

# A fresh, in-memory Temporal dev server per benchmark (BENCH_TEMPORAL=shared uses the one of
# `services.sh`): the shared server's SQLite file grows with every run, and runs on a grown
# file are slower, so figures would depend on how many benchmarks ran before.
if [ "${BENCH_TEMPORAL:-fresh}" != shared ]; then
  bin=$(cat "$DATA_DIR/run/temporal.path")
  port=${BENCH_TEMPORAL_PORT:-7243}
  port_open "$port" && die "port $port (BENCH_TEMPORAL_PORT) is taken"
  log "Temporal: a fresh in-memory dev server for the benchmark on 127.0.0.1:$port"
  "$bin" server start-dev --ip 127.0.0.1 --port "$port" --headless --namespace default --log-level warn \
    >>"$LOG_DIR/temporal-bench.log" 2>&1 </dev/null &
  bench_temporal=$!
  trap 'kill "$bench_temporal" 2>/dev/null; wait "$bench_temporal" 2>/dev/null || true' EXIT
  wait_for "Temporal (benchmark)" 60 temporal_ready "$bin" "$port"
  export TEMPORAL_ADDRESS="127.0.0.1:$port"
fi
NODE_ENV=production SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register "test/bench/$name.bench.ts"
