"""Time the request reports with 100,000 requests: dashboard, annual summary and exports.

Run: ``.venv/bin/python bench/reports.py [--count 100000] [--runs 5] [--reuse]``

Uses the PostgreSQL database of ``DATABASE_URL`` (its name must start with ``test_`` or
``bench``: it is dropped and created again unless ``--reuse`` finds it already filled), or a
temporary SQLite file without it. Migrates, runs ``generate_requests --count N`` and times,
through Django's test ``Client`` as a member of the Heads group, each report from request to
response (the streamed CSV read to its end). Prints the median of ``--runs`` requests (after
one warm-up), the SQL statements per request and the size of the response. Reports have no
budget; figures depend on the machine and its load, so it is never a test.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import harness

BASE_DIR = Path(__file__).resolve().parent.parent


def filled(count: int) -> bool:
    from django.db import connection
    from django.db.utils import DatabaseError

    try:
        from citizen_requests.models import CitizenRequest

        return CitizenRequest.objects.count() >= count
    except DatabaseError:
        connection.close()
        return False


def fetch(client, url: str) -> tuple[int, int]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response.streaming:
        return response.status_code, sum(len(chunk) for chunk in response.streaming_content)
    return response.status_code, len(response.content)


def measure(client, url: str, runs: int) -> tuple[list[float], int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fetch(client, url)  # warm-up
    timings, queries, size = [], 0, 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            _status, size = fetch(client, url)
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured.captured_queries)
    return timings, queries, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep a database already filled")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        harness.configure(database_dir, "reports")
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        if connection.vendor == "postgresql" and not (args.reuse and filled(args.count)):
            harness.recreate_postgres_database()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        call_command("migrate", verbosity=0, interactive=False)
        from citizen_requests import reports
        from citizen_requests.models import CitizenRequest

        if not filled(args.count):
            started = time.perf_counter()
            call_command("generate_requests", count=args.count - CitizenRequest.objects.count())
            print(f"generated in {time.perf_counter() - started:.1f} s")
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE citizen_requests_citizenrequest")
        total = CitizenRequest.objects.count()
        years = reports.available_years()
        busiest = max(years, key=lambda year: reports.received_in(year).count())

        head, _created = get_user_model().objects.get_or_create(username="bench-head")
        head.groups.add(Group.objects.get(name="Heads"))
        client = Client()
        client.force_login(head)
        namespace = "citizen_requests_reports"
        cases = {
            "dashboard": f"{reverse(f'{namespace}:dashboard')}?year={busiest}",
            "dashboard, one kind": f"{reverse(f'{namespace}:dashboard')}?year={busiest}&kind=media",
            "annual summary": reverse(f"{namespace}:annual", args=[busiest]),
            "register CSV": reverse(f"{namespace}:register_csv", args=[busiest]),
            "register XLSX": reverse(f"{namespace}:register_xlsx", args=[busiest]),
            "summary XLSX": reverse(f"{namespace}:annual_xlsx", args=[busiest]),
        }
        in_year = reports.received_in(busiest).count()
        print(
            f"requests: {total:,}, {in_year:,} received in {busiest}; "
            f"{args.runs} runs each, server side (test Client)"
        )
        for name, url in cases.items():
            timings, queries, size = measure(client, url, args.runs)
            print(
                f"{name:20} median {statistics.median(timings):8.1f} ms  "
                f"max {max(timings):8.1f} ms  {queries} queries  {size / 1024:,.0f} KiB"
            )
        return 0


if __name__ == "__main__":
    sys.exit(main())
