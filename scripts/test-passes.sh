#!/usr/bin/env bash
# The suite twice, side by side: on SQLite (printed as it runs) and on PostgreSQL + Redis
# (written to var/test-services.log and printed when it ends). Each pass is one Python process,
# so on two cores both take about as long as the longer one alone. Exits non-zero when either
# pass fails, or when CI=true and PostgreSQL or Redis is not reachable.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
REDIS_TEST_URL="${REDIS_TEST_URL:-redis://127.0.0.1:6379/0}"
LOG=var/test-services.log
mkdir -p var

services=""
if scripts/services-ready.sh; then
    DATABASE_URL="$PG_URL" REDIS_URL="$REDIS_TEST_URL" \
        "$PYTEST" -m "not browser" -p no:cacheprovider >"$LOG" 2>&1 &
    services=$!
    trap 'kill "$services" 2>/dev/null; exit 130' INT TERM
elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL or Redis is not reachable, and CI=true: failing"
    exit 1
else
    echo "PostgreSQL or Redis is not reachable: skipping the second run (it is required in CI)"
fi

echo "== tests on SQLite =="
"$PYTEST" -m "not browser" -p no:cacheprovider
sqlite_status=$?

services_status=0
if [ -n "$services" ]; then
    wait "$services"
    services_status=$?
    echo "== tests on PostgreSQL + Redis (run alongside; log: $LOG) =="
    cat "$LOG"
fi
[ "$sqlite_status" -eq 0 ] && [ "$services_status" -eq 0 ]
