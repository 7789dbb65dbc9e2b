#!/usr/bin/env bash
# Installs Temporal's Java test server (time-skipping tests) into the cache if missing and
# prints its launcher's path. `npm test` does this by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_temporal_test_server
