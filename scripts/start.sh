#!/usr/bin/env bash
# `npm start`: from a fresh clone to a running Tandem. Installs dependencies, ensures
# PostgreSQL/Redis/Temporal, builds (Nx-cached), migrates, starts api, worker, simulator
# and studio, seeds the demo workspace, then prints the URLs. Idempotent: whatever is
# already running and healthy is left alone, whatever died is started again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
started=$(date +%s)

API_PORT=${API_PORT:-3000}
SIMULATOR_PORT=${SIMULATOR_PORT:-4010}
STUDIO_PORT=${STUDIO_PORT:-5173}
WORKER_HEALTH_PORT=${WORKER_HEALTH_PORT:-3001}

ensure_node
ensure_node_modules
bash scripts/services.sh up

log "building (cached after the first time)"
npx nx run-many -t build --outputStyle=static --parallel=2 >"$LOG_DIR/build.log" 2>&1 ||
  { tail -n 40 "$LOG_DIR/build.log"; die "build failed (full log: $LOG_DIR/build.log)"; }

log "migrating the database"
node apps/api/dist/migrate.js

# start_app NAME HEALTH_URL CMD... — starts CMD in the background unless NAME is alive.
start_app() {
  local name=$1 url=$2 pidf="$DATA_DIR/run/$1.pid"
  shift 2
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
    log "$name: already running (pid $(cat "$pidf"))"
    return
  fi
  log "$name: starting (log: $LOG_DIR/$name.log)"
  nohup "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$pidf"
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

start_app simulator "http://127.0.0.1:$SIMULATOR_PORT/_sim/numbers" node apps/simulator/dist/main.js
start_app api "http://127.0.0.1:$API_PORT/health" node apps/api/dist/main.js
start_app worker "http://127.0.0.1:$WORKER_HEALTH_PORT/" node apps/worker/dist/main.js
if [ -f apps/studio/dist/index.html ]; then
  start_app studio "http://127.0.0.1:$STUDIO_PORT/" node node_modules/vite/bin/vite.js preview \
    --config apps/studio/vite.config.mts --port "$STUDIO_PORT" --strictPort --host 127.0.0.1
fi

wait_for "simulator" 60 http_ok "http://127.0.0.1:$SIMULATOR_PORT/_sim/numbers"
wait_for "api" 60 http_ok "http://127.0.0.1:$API_PORT/health"
wait_for "worker" 60 http_ok "http://127.0.0.1:$WORKER_HEALTH_PORT/"
[ -f "$DATA_DIR/run/studio.pid" ] && wait_for "studio" 60 http_ok "http://127.0.0.1:$STUDIO_PORT/"

if [ -f apps/api/dist/seed.js ]; then
  log "seeding the demo workspace"
  node apps/api/dist/seed.js
fi

# The demo users and their password come from the seed (apps/api/src/seed/demo-users.ts).
cat <<TXT

  Tandem is running ($(( $(date +%s) - started ))s)

    Studio          http://127.0.0.1:$STUDIO_PORT
    API             http://127.0.0.1:$API_PORT        (OpenAPI: /api/docs, health: /health)
    Simulator       http://127.0.0.1:$SIMULATOR_PORT  (OpenAPI: /_sim/docs)
    Temporal UI     http://127.0.0.1:${TANDEM_TEMPORAL_UI_PORT:-8233}

    Sign in to the studio as one of the demo users (one per role), password  tandem-demo-password
      admin@demo.tandem.dev       numbers, members, API tokens, audit log, and everything below
      developer@demo.tandem.dev   custom nodes, credentials, raw run data
      marketer@demo.tandem.dev    journeys, campaigns, contacts, templates
      agent@demo.tandem.dev       conversations
      viewer@demo.tandem.dev      reads only

    Logs            $LOG_DIR
    Stop            npm stop
TXT
