#!/usr/bin/env bash
# Serve the site and run the django-q2 worker together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
"$PY" manage.py qcluster &
WORKER=$!
"$PY" manage.py runserver 127.0.0.1:8000 &
WEB=$!
trap 'kill "$WEB" "$WORKER" 2>/dev/null; wait 2>/dev/null; exit 0' INT TERM
echo
echo "Baspasoz is at http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
echo "Press Ctrl-C to stop the web server and the worker."
wait -n "$WEB" "$WORKER" || true
echo "One of the processes stopped; stopping the other."
kill "$WEB" "$WORKER" 2>/dev/null || true
wait 2>/dev/null || true
