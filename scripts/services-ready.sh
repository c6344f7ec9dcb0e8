#!/usr/bin/env bash
# Exit 0 when PostgreSQL and Redis answer on their local ports.
set -euo pipefail
PY="${PY:-.venv/bin/python}"
"$PY" - <<'PY'
import socket, sys
for port in (5432, 6379):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        sys.exit(1)
PY
