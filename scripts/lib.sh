# Shared helpers for Tandem's scripts. Sourced, not run.
ROOT=$(pwd)
if [ -f .env ]; then set -a; source .env; set +a; fi
DATA_DIR=$(mkdir -p "${TANDEM_DATA_DIR:-$ROOT/.data}" && cd "${TANDEM_DATA_DIR:-$ROOT/.data}" && pwd)
LOG_DIR="$DATA_DIR/logs"
mkdir -p "$LOG_DIR" "$DATA_DIR/run"

log() { printf '\033[36m[tandem]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[tandem] %s\033[0m\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS CMD... — polls CMD until it succeeds, with a live count.
wait_for() {
  local name=$1 secs=$2 i
  shift 2
  for ((i = 0; i < secs * 2; i++)); do
    if "$@"; then
      [ "$i" -gt 0 ] && printf '\n' >&2
      log "$name is ready"
      return 0
    fi
    printf '\r[tandem] waiting for %s … %ds' "$name" $((i / 2)) >&2
    sleep 0.5
  done
  printf '\n' >&2
  die "$name did not become ready within ${secs}s (logs in $LOG_DIR)"
}

# temporal_ready BIN PORT — a Temporal server on 127.0.0.1:PORT answers for the default namespace.
temporal_ready() {
  "$1" operator namespace describe --address "127.0.0.1:$2" --namespace default >/dev/null 2>&1
}

# stop_pidfile NAME — stops the process recorded in run/NAME.pid, if it is still ours.
stop_pidfile() {
  local f="$DATA_DIR/run/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "$1 stopped"
  fi
  rm -f "$f"
}

# ensure_node — Node.js 20.19+ is the one prerequisite we cannot install for the user.
ensure_node() {
  command -v node >/dev/null || die "Node.js 20.19+ is required (https://nodejs.org)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    die "Node.js 20.19+ is required; this is $(node -v)."
}

# ensure_node_modules — `npm ci` when node_modules is missing or package-lock.json changed.
ensure_node_modules() {
  local stamp=node_modules/.tandem-lock-hash want
  want=$(sha256sum package-lock.json | cut -c1-64)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing dependencies (npm ci, a minute or two the first time)"
    npm ci --include=dev --no-audit --no-fund --loglevel=error || die "npm ci failed"
    echo "$want" >"$stamp"
  fi
}

# apt_install PKG... — installs Debian packages (root + apt-get only), logging to logs/apt.log.
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "$1 is missing and cannot be installed here (needs root and apt-get). Install it, or point the configuration at a running one."
  fi
  local stamp="$DATA_DIR/run/apt-updated"
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440 2>/dev/null)" ]; then
    log "apt-get update"
    apt-get update -qq >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get update failed (see $LOG_DIR/apt.log)"
    touch "$stamp"
  fi
  log "installing $* from Debian (log: $LOG_DIR/apt.log)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$LOG_DIR/apt.log" 2>&1 ||
    die "apt-get install $* failed (see $LOG_DIR/apt.log)"
}

# ensure_compose — a Docker Compose v2 binary for validating docker/compose.yml (no engine
# needed). Uses `docker compose` when present, else a cached build, else builds it once
# from Go modules into the cache. Prints the command to run.
ensure_compose() {
  local cached="${TANDEM_CACHE_DIR:-$HOME/.cache/tandem}/compose-v2.32.4/docker-compose"
  if docker compose version >/dev/null 2>&1; then echo "docker compose"; return; fi
  if [ ! -x "$cached" ]; then
    command -v go >/dev/null || die "Docker Compose is needed to validate docker/compose.yml: install the compose plugin or Go."
    log "building Docker Compose v2.32.4 from Go modules (first time only; log: $LOG_DIR/compose-build.log)"
    mkdir -p "$(dirname "$cached")"
    local tmp
    tmp=$(mktemp -d)
    GOBIN="$tmp" GOFLAGS=-mod=mod go install github.com/docker/compose/v2/cmd@v2.32.4 >>"$LOG_DIR/compose-build.log" 2>&1 ||
      die "building Docker Compose failed (see $LOG_DIR/compose-build.log)"
    mv "$tmp/cmd" "$cached" && rmdir "$tmp"
  fi
  echo "$cached"
}

# ensure_chromium — Debian's chromium for the browser tests.
ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium
}

# ensure_temporal_test_server — Temporal's Java test server (time-skipping), for tests that
# wait for timers of days: fetched once from Maven Central into the cache (with Java and
# Maven from Debian when missing). Prints the path of its launcher, which tests give to
# `TestWorkflowEnvironment.createTimeSkipping` as an existing-path executable.
TEMPORAL_TEST_SERVER_VERSION=1.31.0
ensure_temporal_test_server() {
  local dir="${TANDEM_CACHE_DIR:-$HOME/.cache/tandem}/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION"
  local launcher="$dir/temporal-test-server"
  if [ ! -x "$launcher" ]; then
    command -v java >/dev/null || apt_install default-jre-headless
    command -v mvn >/dev/null || apt_install maven
    log "fetching Temporal's test server $TEMPORAL_TEST_SERVER_VERSION from Maven Central (first time only; log: $LOG_DIR/temporal-test-server.log)"
    local tmp
    mkdir -p "$(dirname "$dir")"
    tmp=$(mktemp -d "$(dirname "$dir")/.temporal-test-server.XXXXXX")
    cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tandem</groupId><artifactId>temporal-test-server-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$TEMPORAL_TEST_SERVER_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
    mvn -B -q -f "$tmp/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp/lib" \
      >>"$LOG_DIR/temporal-test-server.log" 2>&1 || die "fetching the Temporal test server failed (see $LOG_DIR/temporal-test-server.log)"
    printf '#!/bin/sh\nexec java -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"\n' >"$tmp/temporal-test-server"
    chmod +x "$tmp/temporal-test-server"
    rm "$tmp/pom.xml"
    rm -rf "$dir" && mv "$tmp" "$dir"
  fi
  echo "$launcher"
}
