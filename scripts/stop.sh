#!/usr/bin/env bash
# `npm stop`: stops what `npm start` started (apps first, then the services Tandem itself
# started). Services that were already running before Tandem are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

for name in studio worker api simulator; do stop_pidfile "$name"; done
bash scripts/services.sh down
log "stopped"
