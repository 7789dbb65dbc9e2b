#!/usr/bin/env bash
# `npm test`: installs what is missing, ensures PostgreSQL/Redis/Temporal, then builds,
# lints, type-checks and tests every project through Nx. Ends with one line
# `N passed, N failed` (test cases across projects; a failed build/lint/typecheck task
# counts as one failure) and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=${CI:-true}
started=$(date +%s)

ensure_node
ensure_node_modules
bash scripts/services.sh up || die "services did not start"
ensure_chromium
TANDEM_COMPOSE=$(ensure_compose)
TEMPORAL_TEST_SERVER=$(ensure_temporal_test_server)
export TANDEM_COMPOSE TEMPORAL_TEST_SERVER
rm -rf reports/test && mkdir -p reports/test

targets=${TANDEM_TEST_TARGETS:-build,lint,typecheck,test}
# Every project, two tasks at a time (for system-tests, `test` is the unit tests of the
# benchmark tooling); then, when tests were asked for, the system suite on its own: it
# times real sends against throughput caps and drives a browser, and shares the two cores
# with nothing else, as in a deployment.
npx nx run-many -t "$targets" --outputStyle=stream --parallel=2 --skipNxCache=false 2>&1 | tee "$LOG_DIR/nx-test.log"
nx_status=${PIPESTATUS[0]}
system_status=0
if [[ ",$targets," == *,test,* ]]; then
  npx nx run-many -t system --projects=system-tests --outputStyle=stream --skipNxCache=false 2>&1 | tee -a "$LOG_DIR/nx-test.log"
  system_status=${PIPESTATUS[0]}
fi
[ "$nx_status" = 0 ] && nx_status=$system_status

node scripts/test-summary.js "$LOG_DIR/nx-test.log" "$nx_status" "$(( $(date +%s) - started ))"
