"""Time the request officer's case list with 100,000 requests, filtered by overdue and executor.

Run: ``.venv/bin/python bench/case_list.py [--count 100000] [--runs 20] [--reuse] [--sql]``

Uses the PostgreSQL database of ``DATABASE_URL`` (its name must start with ``test_`` or
``bench``: it is dropped and created again unless ``--reuse`` finds it already filled), or a
temporary SQLite file without it. Migrates, runs ``generate_requests --count N`` and times,
through Django's test ``Client`` as a logged-in member of the Request officers group, the list
(``/admin/requests/cases/``) from request to response:

* ``overdue``: open cases past their due date;
* ``executor``: one executor's cases;
* ``overdue + executor``: both filters;
* ``unfiltered`` and ``search``: for comparison.

Prints the median and 90th percentile of ``--runs`` requests each (after one warm-up), the
number of rows matched and the SQL statements per request. Exits non-zero if a median of the
filtered lists exceeds ``BUDGET_MS`` (300 ms). Figures depend on the
machine and its load; it is never a timed test.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import harness

BASE_DIR = Path(__file__).resolve().parent.parent
BUDGET_MS = 300


def filled(count: int) -> bool:
    from django.db import connection
    from django.db.utils import DatabaseError

    try:
        from citizen_requests.models import CitizenRequest

        return CitizenRequest.objects.count() >= count
    except DatabaseError:
        connection.close()
        return False


def measure(client, url: str, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    queries = 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        queries = len(captured.captured_queries)
    return timings, queries


def matched(url: str, user) -> int:
    from django.http import QueryDict

    from citizen_requests.admin.cases import CaseFilterSet, search_cases
    from citizen_requests.models import CitizenRequest

    params = QueryDict(url.partition("?")[2])
    filters = CaseFilterSet(params, CitizenRequest.objects.all())
    filters.is_valid()
    return search_cases(filters.qs, params.get("q", ""), user).count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="keep a database already filled")
    parser.add_argument("--sql", action="store_true", help="print the SQL of each list")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        harness.configure(database_dir, "case-list")
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        if connection.vendor == "postgresql" and not (args.reuse and filled(args.count)):
            harness.recreate_postgres_database()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        call_command("migrate", verbosity=0, interactive=False)
        from citizen_requests.models import CitizenRequest

        if not filled(args.count):
            started = time.perf_counter()
            call_command("generate_requests", count=args.count - CitizenRequest.objects.count())
            print(f"generated in {time.perf_counter() - started:.1f} s")
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE citizen_requests_citizenrequest")
        total = CitizenRequest.objects.count()

        from django.contrib.auth.models import Group

        officer, _created = get_user_model().objects.get_or_create(username="bench-officer")
        officer.groups.add(Group.objects.get(name="Request officers"))
        executor = (
            CitizenRequest.objects.exclude(executor=None).values_list("executor", flat=True).first()
        )
        client = Client()
        client.force_login(officer)
        base = reverse("citizen_requests_cases:list")
        cases = {
            "overdue": f"{base}?overdue=on",
            "executor": f"{base}?executor={executor}",
            "overdue + executor": f"{base}?overdue=on&executor={executor}",
            "unfiltered": base,
            "search": f"{base}?q=бюджет",
        }
        budgeted = ("overdue", "executor", "overdue + executor")
        print(f"requests: {total:,}; {args.runs} runs each, server side (test Client)")
        failed = False
        for name, url in cases.items():
            timings, queries = measure(client, url, args.runs)
            rows = matched(url, officer)
            median = statistics.median(timings)
            p90 = statistics.quantiles(timings, n=10)[-1]
            over = name in budgeted and median > BUDGET_MS
            failed |= over
            print(
                f"{name:20} median {median:6.1f} ms  p90 {p90:6.1f} ms  "
                f"{queries} queries  {rows:,} rows{'  OVER BUDGET' if over else ''}"
            )
            if args.sql:
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                for query in captured.captured_queries:
                    print(f"    {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")
        print(f"budget: median under {BUDGET_MS} ms for the filtered lists")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
