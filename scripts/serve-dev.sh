#!/usr/bin/env bash
# Serve the site and run the django-q2 worker together; Ctrl-C (SIGINT) or SIGTERM stops both.
#
# Each runs in a process group of its own (job control, set -m), so a signal to this script's
# group reaches only this script, which stops them in order: django-q2's cluster must be told
# by its main process alone (a SIGTERM to all of its processes at once kills its guard while it
# holds a lock, and the main process then waits for ever). Whatever still runs after
# STOP_SECONDS is killed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
STOP_SECONDS="${STOP_SECONDS:-5}"
set -m
"$PY" manage.py qcluster &
WORKER=$!
"$PY" manage.py runserver "127.0.0.1:$PORT" &
WEB=$!
set +m

running() {
    kill -0 -- "-$WEB" 2>/dev/null || kill -0 -- "-$WORKER" 2>/dev/null
}

stop() {
    trap '' INT TERM
    kill -TERM -- "-$WEB" 2>/dev/null || true
    kill -TERM "$WORKER" 2>/dev/null || true
    # A deadline by the clock, not a count of naps: on a busy machine each nap takes longer.
    local deadline=$((SECONDS + STOP_SECONDS))
    while running && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.1
    done
    if running; then
        echo "Stopping what is left by force."
        kill -KILL -- "-$WEB" "-$WORKER" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    exit 0
}

trap stop INT TERM
echo
echo "Baspasoz is at http://127.0.0.1:$PORT/  (admin: http://127.0.0.1:$PORT/admin/)"
echo "Press Ctrl-C to stop the web server and the worker."
wait -n "$WEB" "$WORKER" || true
echo "One of the processes stopped; stopping the other."
stop
