#!/usr/bin/env bash
# Ensures PostgreSQL, Redis and a Temporal dev server are reachable, starting (and, on
# Debian/Ubuntu as root, installing) whatever is missing. Idempotent: services already
# reachable are used as they are and never restarted. What this script starts gets a pid
# file under $TANDEM_DATA_DIR/run and a log under $TANDEM_DATA_DIR/logs, so that
# `npm stop` stops exactly that and nothing else.
#
# Usage: scripts/services.sh [up|down|status]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PG_PORT=${TANDEM_PG_PORT:-5432}
REDIS_PORT=${TANDEM_REDIS_PORT:-6379}
TEMPORAL_PORT=${TANDEM_TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${TANDEM_TEMPORAL_UI_PORT:-8233}
TEMPORAL_VERSION=v1.5.1
CACHE_DIR=${TANDEM_CACHE_DIR:-$HOME/.cache/tandem}
TEMPORAL_CACHED="$CACHE_DIR/temporal-$TEMPORAL_VERSION/temporal"

# ---------------------------------------------------------------- PostgreSQL
pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && echo "$d"
}

pg_as_owner() {
  # PostgreSQL refuses to run as root: run its tools as the postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_sql() { # run SQL as the superuser of the cluster we manage
  pg_as_owner "$(pg_bin)/psql" -h "$DATA_DIR/run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
}

ensure_databases() {
  local psql_cmd=("$@")
  "${psql_cmd[@]}" -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='tandem') THEN CREATE ROLE tandem LOGIN SUPERUSER PASSWORD 'tandem'; END IF; END\$\$;" >/dev/null
  for db in tandem tandem_test; do
    if [ -z "$("${psql_cmd[@]}" -c "SELECT 1 FROM pg_database WHERE datname='$db'")" ]; then
      "${psql_cmd[@]}" -c "CREATE DATABASE $db OWNER tandem" >/dev/null
      log "created database $db"
    fi
  done
}

pg_reachable_as_tandem() {
  PGPASSWORD=tandem PGCONNECT_TIMEOUT=2 psql -h 127.0.0.1 -p "$PG_PORT" -U tandem -d tandem -qtAc 'select 1' >/dev/null 2>&1
}

postgres_up() {
  if pg_reachable_as_tandem && PGPASSWORD=tandem psql -h 127.0.0.1 -p "$PG_PORT" -U tandem -d tandem_test -qtAc 'select 1' >/dev/null 2>&1; then
    log "PostgreSQL: using the server on port $PG_PORT"
    return
  fi
  command -v psql >/dev/null && [ -n "$(pg_bin)" ] || apt_install postgresql
  local bin pgdata="$DATA_DIR/postgres"
  bin=$(pg_bin)
  if port_open "$PG_PORT"; then
    # Someone else's server holds the port (e.g. Debian's own cluster): add our role and
    # databases to it when we can, rather than fighting over the port.
    if [ "$(id -u)" = 0 ] && runuser -u postgres -- psql -p "$PG_PORT" -qtAc 'select 1' >/dev/null 2>&1; then
      ensure_databases runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA
      log "PostgreSQL: using the server on port $PG_PORT (role and databases ensured)"
      return
    fi
    die "PostgreSQL: port $PG_PORT is taken by a server where user 'tandem' cannot log in. Set TANDEM_PG_PORT and DATABASE_URL to a free port or a usable server."
  fi
  mkdir -p "$pgdata"
  touch "$LOG_DIR/postgres.log" "$LOG_DIR/postgres-init.log"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pgdata" "$DATA_DIR/run" "$LOG_DIR/postgres.log"
    chmod 700 "$pgdata"
    runuser -u postgres -- test -w "$pgdata" ||
      die "PostgreSQL: the postgres user cannot write $pgdata (a parent folder is not searchable). Set TANDEM_DATA_DIR to a folder it can reach."
  fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    log "PostgreSQL: initialising a cluster in $pgdata"
    pg_as_owner "$bin/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >>"$LOG_DIR/postgres-init.log" 2>&1 ||
      die "initdb failed (see $LOG_DIR/postgres-init.log)"
  fi
  log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
  pg_as_owner "$bin/pg_ctl" -D "$pgdata" -l "$LOG_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $DATA_DIR/run -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null ||
    die "PostgreSQL did not start (see $LOG_DIR/postgres.log)"
  head -n 1 "$pgdata/postmaster.pid" >"$DATA_DIR/run/postgres.pid"
  ensure_databases pg_as_owner "$bin/psql" -h "$DATA_DIR/run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA
}

postgres_down() {
  local pgdata="$DATA_DIR/postgres"
  if [ -f "$DATA_DIR/run/postgres.pid" ] && [ -f "$pgdata/postmaster.pid" ]; then
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
    log "PostgreSQL stopped"
  fi
  rm -f "$DATA_DIR/run/postgres.pid"
}

# --------------------------------------------------------------------- Redis
redis_up() {
  if redis_ping; then log "Redis: using the server on port $REDIS_PORT"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  port_open "$REDIS_PORT" && die "Redis: port $REDIS_PORT is taken by something that does not answer PING."
  mkdir -p "$DATA_DIR/redis"
  log "Redis: starting on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
    --pidfile "$DATA_DIR/run/redis.pid" --logfile "$LOG_DIR/redis.log" --dir "$DATA_DIR/redis" \
    --appendonly yes --appendfsync everysec --save '' >/dev/null
  wait_for "Redis" 30 redis_ping
}

redis_ping() {
  if command -v redis-cli >/dev/null; then
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
  else
    port_open "$REDIS_PORT"
  fi
}

redis_down() { stop_pidfile redis; }

# ------------------------------------------------------------------ Temporal
temporal_bin() {
  if [ -n "${TEMPORAL_CLI:-}" ] && [ -x "$TEMPORAL_CLI" ]; then echo "$TEMPORAL_CLI"; return; fi
  if command -v temporal >/dev/null; then command -v temporal; return; fi
  if [ -x "$TEMPORAL_CACHED" ]; then echo "$TEMPORAL_CACHED"; return; fi
  command -v go >/dev/null || die "Temporal: no 'temporal' on PATH, none cached at $TEMPORAL_CACHED, and no Go toolchain to build it. Install Go (1.23+) or the Temporal CLI."
  log "Temporal: building the CLI $TEMPORAL_VERSION from Go modules (first time only, several minutes; log: $LOG_DIR/temporal-build.log)"
  mkdir -p "$(dirname "$TEMPORAL_CACHED")"
  # v1.5.1 is the newest tag whose go.mod has no `replace` directive; later tags cannot
  # be built with `go install pkg@version`.
  GOBIN="$(dirname "$TEMPORAL_CACHED")" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION" \
    >>"$LOG_DIR/temporal-build.log" 2>&1 || die "Temporal: go install failed (see $LOG_DIR/temporal-build.log)"
  echo "$TEMPORAL_CACHED"
}

temporal_up() {
  local bin
  bin=$(temporal_bin)
  echo "$bin" >"$DATA_DIR/run/temporal.path"
  if port_open "$TEMPORAL_PORT" && temporal_ready "$bin" "$TEMPORAL_PORT"; then
    log "Temporal: using the server on port $TEMPORAL_PORT"
    return
  fi
  port_open "$TEMPORAL_PORT" && sleep 3 && temporal_ready "$bin" "$TEMPORAL_PORT" && return
  port_open "$TEMPORAL_PORT" && die "Temporal: port $TEMPORAL_PORT is taken by something that is not a Temporal server."
  mkdir -p "$DATA_DIR/temporal"
  log "Temporal: starting the dev server on 127.0.0.1:$TEMPORAL_PORT (UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
  nohup "$bin" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$DATA_DIR/temporal/temporal.db" --namespace default --log-level warn \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    >>"$LOG_DIR/temporal.log" 2>&1 </dev/null &
  echo $! >"$DATA_DIR/run/temporal.pid"
  wait_for "Temporal" 90 temporal_ready "$bin" "$TEMPORAL_PORT"
}

temporal_down() { stop_pidfile temporal; }

status() {
  local name
  for name in postgres redis temporal; do
    if [ -f "$DATA_DIR/run/$name.pid" ] && kill -0 "$(cat "$DATA_DIR/run/$name.pid")" 2>/dev/null; then
      echo "$name: running (started by Tandem, pid $(cat "$DATA_DIR/run/$name.pid"))"
    else
      echo "$name: not started by Tandem"
    fi
  done
}

case "${1:-up}" in
  up) postgres_up; redis_up; temporal_up ;;
  down) temporal_down; redis_down; postgres_down ;;
  status) status ;;
  *) die "usage: $0 [up|down|status]" ;;
esac
