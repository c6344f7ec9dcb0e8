#!/usr/bin/env bash
# Throughput and latency of the public pages under gunicorn, measured with wrk.
#
# Serves the site with production settings (DEBUG off, whitenoise, 2 gunicorn
# workers, no SSL redirect) on a free loopback port against a bench database
# seeded by seed_demo, and runs wrk --latency against each main page: once with
# the anonymous page cache on (what visitors get) and once with it off
# (PAGE_CACHE_SECONDS=0: every request renders). Then the same for the news index
# of a database holding 2,000 news items per language (seed_demo --news 2000).
# seed_demo takes every news item live through its moderation workflow, about
# 0.6 s of CPU per item in three languages on SQLite: 2,000 items take some
# twenty minutes once (10,000 would take two hours).
# Prints req/s, p50 and p99 per URL.
#
# Bench databases live in var/bench/ and are reused by later runs; delete a file
# there to seed it again. Set REDIS_URL to use a shared Redis cache instead of
# each worker's local memory. Knobs: BENCH_DURATION (default 10s),
# BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_WORKERS (2), BENCH_BIG_NEWS (2000).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
BENCH_DIR=$ROOT/var/bench
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WORKERS=${BENCH_WORKERS:-2}
BIG_NEWS=${BENCH_BIG_NEWS:-2000}
mkdir -p "$BENCH_DIR"

command -v wrk >/dev/null || scripts/apt-install.sh wrk

# Production settings, filled in for a local run.
export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(40))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export WAGTAILADMIN_BASE_URL=http://127.0.0.1
export SECURE_SSL_REDIRECT=false
export SECURE_HSTS_SECONDS=0
export MEDIA_ROOT=$BENCH_DIR/media
export LOG_LEVEL=WARNING

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
on_exit() {
    local status=$?
    stop_server
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# seed_db FILE [seed_demo options...]: make FILE a migrated, seeded database once.
seed_db() {
    local file=$1
    shift
    if [ -f "$file.ready" ]; then
        echo "reusing $file"
        return
    fi
    rm -f "$file" "$file.ready"
    echo "seeding $file (seed_demo $*) ..."
    DATABASE_URL="sqlite:///$file" "$PY" manage.py migrate --noinput -v 0
    # --force: seed_demo refuses to run with DEBUG off, as here.
    DATABASE_URL="sqlite:///$file" "$PY" manage.py seed_demo --force --no-progress -v 0 "$@"
    touch "$file.ready"
}

# urls_of FILE: "label path" lines of the pages to measure.
urls_of() {
    DATABASE_URL="sqlite:///$1" "$PY" manage.py shell --no-imports -c "
from press_pages.models import BriefingPage, FAQIndexPage, HomePage, NewsIndexPage, NewsPage
def first(model):
    return model.objects.live().filter(locale__language_code='kk').order_by('path').first().url
print('home', first(HomePage))
print('news-index', first(NewsIndexPage))
print('news-page', first(NewsPage))
print('briefing-page', first(BriefingPage))
print('faq-index', first(FAQIndexPage))
"
}

# start_server FILE PAGE_CACHE_SECONDS: serve FILE with gunicorn and wait until it answers.
start_server() {
    PORT=$(free_port)
    DATABASE_URL="sqlite:///$1" PAGE_CACHE_SECONDS=$2 \
        "$ROOT/.venv/bin/gunicorn" cms.wsgi:application \
        --workers "$WORKERS" --bind "127.0.0.1:$PORT" --chdir "$ROOT" \
        --log-level warning --access-logfile /dev/null &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
            return
        fi
        sleep 0.2
    done
    echo "gunicorn did not answer on port $PORT" >&2
    exit 1
}

# bench_url LABEL PATH: warm the page in every worker, then run wrk and print one row.
bench_url() {
    local label=$1 url="http://127.0.0.1:$PORT$2" status out
    for _ in $(seq 1 $((WORKERS * 4))); do
        status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
        if [ "$status" != 200 ]; then
            echo "$url answered $status" >&2
            exit 1
        fi
    done
    out=$(wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" "$url")
    awk -v label="$label" -v path="$2" '
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 }
        /^ +99%/ { p99 = $2 }
        /Non-2xx or 3xx responses/ { errors = $NF }
        /Socket errors/ { socket = $0 }
        END {
            printf "  %-14s %-44s %10s %9s %9s", label, path, rps, p50, p99
            if (errors) printf "  non-2xx: %s", errors
            if (socket) printf "  %s", socket
            printf "\n"
        }' <<<"$out"
}

header() {
    echo
    echo "$1"
    printf "  %-14s %-44s %10s %9s %9s\n" page path "req/s" p50 p99
}

# run_suite FILE TITLE [LABEL...]: measure the given pages (all if none) with the cache on and off.
run_suite() {
    local file=$1 title=$2
    shift 2
    local wanted=" $* " urls
    urls=$(urls_of "$file")
    if [ "$(wc -l <<<"$urls")" != 5 ]; then
        echo "could not list the pages to measure: $urls" >&2
        exit 1
    fi
    for cache_seconds in 600 0; do
        if [ "$cache_seconds" = 0 ]; then
            header "$title, page cache off (every request renders)"
        else
            header "$title, page cache on (anonymous hits)"
        fi
        start_server "$file" "$cache_seconds"
        while read -r label path; do
            if [ "$wanted" = "  " ] || [[ $wanted == *" $label "* ]]; then
                bench_url "$label" "$path"
            fi
        done <<<"$urls"
        stop_server
    done
}

DEMO_DB=$BENCH_DIR/demo.sqlite3
BIG_DB=$BENCH_DIR/news-$BIG_NEWS.sqlite3
DATABASE_URL="sqlite:///$DEMO_DB" "$PY" manage.py collectstatic --noinput -v 0
seed_db "$DEMO_DB"
seed_db "$BIG_DB" --news "$BIG_NEWS"

echo
echo "gunicorn: $WORKERS workers; wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL;" \
    "cache: ${REDIS_URL:-local memory per worker}; $(nproc) CPUs"
run_suite "$DEMO_DB" "Demo site (seed_demo)"
run_suite "$BIG_DB" "News index with $BIG_NEWS news items per language" news-index
