#!/usr/bin/env bash
# `npm run bench:<name>`: ensures dependencies, services and a build, then runs
# test/bench/<name>.bench.ts, which prints its figures and writes reports/bench/<name>.json.
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
NODE_ENV=production SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register "test/bench/$name.bench.ts"
