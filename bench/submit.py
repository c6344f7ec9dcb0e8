"""Time a request form submission on the server, from the POST to the acknowledgement page.

Run: ``.venv/bin/python bench/submit.py [--submissions 50] [--sql]``

Creates a temporary SQLite database, or uses ``DATABASE_URL``: a PostgreSQL database there is
dropped and created again, so its name must start with ``test_`` or ``bench``. With
``REDIS_URL`` the cache (rate limits) and django-q2's queue are Redis. The acknowledgement
e-mail is queued on django-q2 after the commit, as in production (the jobs are purged at the end).

Each submission is what a citizen's browser sends: the kk information request form with every
field filled in, through Django's test ``Client`` (the whole middleware stack, CSRF included);
the response is the acknowledgement page with the number, dates and tracking code. Two series, interleaved so that a busy
spell hits both alike: without attachments, and with a 2-page PDF and a JPEG photo (checked by
content with pypdf and Pillow). After three warm-up submissions, prints for each series the
median and 90th percentile from the POST to the acknowledgement, and the SQL statements per
submission. Exits non-zero if a median exceeds ``BUDGET_MS``. Figures depend on the machine and its
load.
"""

import argparse
import io
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import harness

BASE_DIR = Path(__file__).resolve().parent.parent
BUDGET_MS = 100
WARM_UP = 3


def attachments() -> list:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from PIL import Image
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _page in range(2):
        writer.add_blank_page(width=595, height=842)
    pdf = io.BytesIO()
    writer.write(pdf)
    photo = io.BytesIO()
    Image.new("RGB", (1200, 900), (12, 59, 99)).save(photo, "JPEG", quality=85)
    return [
        SimpleUploadedFile("хат.pdf", pdf.getvalue(), "application/pdf"),
        SimpleUploadedFile("сурет.jpg", photo.getvalue(), "image/jpeg"),
    ]


def form_data(number: int, with_files: bool) -> dict:
    data = {
        "requester_type": "individual",
        "full_name": "Асқар Тестов",
        "iin": "900115300122",
        "email": f"citizen{number}@example.kz",
        "phone": "+7 701 234 56 78",
        "postal_address": "Астана, Бейбітшілік к-сі 1",
        "channel": "email",
        "subject": f"Бюджет туралы {number}",
        "text": "2026 жылғы бюджеттің орындалуы туралы ақпарат беруіңізді сұраймын. " * 10,
        "consent": "on",
        "website": "",
        "submission_token": str(uuid.uuid4()),
    }
    if with_files:
        data["attachments"] = attachments()
    return data


class Submission:
    def __init__(self, client, page, number: int, with_files: bool):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        data = form_data(number, with_files)
        waited = [0.0]

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                waited[0] += time.perf_counter() - started

        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timed):
            started, cpu = time.perf_counter(), time.process_time()
            ack = client.post(page.url, data, REMOTE_ADDR=f"10.{number // 250}.{number % 250}.1")
            done, cpu_done = time.perf_counter(), time.process_time()
        if ack.status_code != 200 or b"data-code" not in ack.content:
            raise SystemExit(f"submission {number}: no acknowledgement with a tracking code")
        self.total_ms = (done - started) * 1000
        self.cpu_ms = (cpu_done - cpu) * 1000
        self.sql_ms = waited[0] * 1000
        self.queries = len(queries)


def summary(label: str, runs: list[Submission]) -> float:
    def line(name, values):
        values = sorted(values)
        p90 = values[max(0, int(len(values) * 0.9) - 1)]
        return f"{name} median {statistics.median(values):.1f} ms, p90 {p90:.1f} ms"

    total = statistics.median(r.total_ms for r in runs)
    print(
        f"{label}: {line('POST to acknowledgement', [r.total_ms for r in runs])}; "
        f"CPU {line('', [r.cpu_ms for r in runs]).strip()}; "
        f"SQL {line('', [r.sql_ms for r in runs]).strip()}; "
        f"{statistics.median(r.queries for r in runs):.0f} SQL statements"
    )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=50, help="per series")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        harness.configure(database_dir, "submit")
        import shutil

        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client, override_settings

        from django_q.brokers import get_broker

        if connection.vendor == "postgresql":
            harness.recreate_postgres_database()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
        call_command("migrate", verbosity=0, interactive=False)

        production_like = override_settings(
            TASKS={"default": {"BACKEND": "agency.queue.DjangoQ2TaskBackend"}},
            EMAIL_BACKEND="agency.outbox.OutboxEmailBackend",
            RATE_LIMITS={"submit_ip": (10**6, 60), "submit_email": (10**6, 60)},
        )
        production_like.enable()
        broker = get_broker()
        try:
            from citizen_requests.models import CitizenRequest, RequestFormPage, RequestStatusPage
            from press_pages.models import HomePage

            home = HomePage.objects.get(locale__language_code="kk")
            page = home.add_child(
                instance=RequestFormPage(
                    title="Ақпарат сұрау", slug="bench-request", kind="information"
                )
            )
            home.add_child(instance=RequestStatusPage(title="Мәртебе", slug="bench-status"))
            client = Client()
            for number in range(WARM_UP):
                Submission(client, page, number, with_files=number % 2 == 1)
            plain, files = [], []
            for number in range(args.submissions):
                plain.append(Submission(client, page, 1000 + 2 * number, with_files=False))
                files.append(Submission(client, page, 1001 + 2 * number, with_files=True))
            registered = CitizenRequest.objects.count()
            queued = broker.queue_size()
        finally:
            broker.purge_queue()
            production_like.disable()
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
            shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)

        print(f"{registered} requests registered, {queued} acknowledgement e-mails queued")
        medians = [
            summary(f"submit, no files ({len(plain)})", plain),
            summary(f"submit, PDF + JPEG ({len(files)})", files),
        ]
        worst = max(medians)
        verdict = "within" if worst <= BUDGET_MS else "OVER"
        print(f"budget: median {worst:.1f} ms {verdict} {BUDGET_MS} ms")
        return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
