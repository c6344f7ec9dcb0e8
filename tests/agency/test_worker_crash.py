"""No lost mail: a worker killed in the middle of sending loses no acknowledgement.

Everything runs as in production, in processes of its own: the suite's migrated database (copied
into an SQLite file, or the PostgreSQL test database itself), the configured
broker (ORM, or Redis when ``REDIS_URL`` is set), ``manage.py qcluster``, and an SMTP server
(aiosmtpd) that records the ``Message-ID`` of every message it accepts. Requests are filed
through the real registration service; the cluster is killed with SIGKILL while it sends,
started again, and the test waits until the outbox is empty. Every request's acknowledgement
must have reached the SMTP server, each under its own ``Message-ID``; a message whose worker died
after the server accepted it but before the outbox recorded it is sent again under the same
``Message-ID`` (so mail programs see one message), and the figures are printed.
"""

import asyncio
import email
import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

import pytest
import redis
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent.parent
REQUESTS = 50
KILL_AFTER = 15

SETTINGS = textwrap.dedent(
    """
    import os
    from cms.settings.production import *  # noqa: F403
    from cms.settings.production import Q_CLUSTER

    Q_CLUSTER = {**Q_CLUSTER, "name": os.environ["CRASH_CLUSTER"], "workers": 2,
                 "timeout": 10, "retry": 12, "guard_cycle": 0.2}
    EMAIL_BACKEND = "agency.outbox.OutboxEmailBackend"
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["CRASH_SMTP_PORT"])
    EMAIL_TIMEOUT = 5
    OUTBOX_CLAIM_SECONDS = 3
    """
)

DRIVER = textwrap.dedent(
    """
    import json, sys, time
    import django
    django.setup()
    from django_q.models import OrmQ
    from agency import queue
    from agency.models import OutboxMessage
    from citizen_requests.models import CitizenRequest, RequestEvent
    from citizen_requests.registration import register

    command, count = sys.argv[1], int(sys.argv[2])
    if command == "register":
        for n in range(count):
            register(kind="information", language="kk", files=[], data={
                "requester_type": "individual", "full_name": f"Өтініш беруші {n}",
                "email": f"citizen{n}@example.kz", "channel": "email",
                "subject": "Бюджет туралы", "text": "Ақпарат беруіңізді сұраймын."})
    elif command == "drain":
        # What the minute schedule enqueues, every two seconds instead of every minute.
        deadline = time.monotonic() + count
        pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
        while pending.exists() and time.monotonic() < deadline:
            queue.send("agency.jobs.deliver_due_mail", name="deliver due mail")
            time.sleep(2)
    rows = OutboxMessage.objects.all()
    print(json.dumps({
        "registered": CitizenRequest.objects.count(),
        "sent": rows.filter(status=OutboxMessage.Status.SENT).count(),
        "pending": rows.filter(status=OutboxMessage.Status.PENDING).count(),
        "failed": rows.filter(status=OutboxMessage.Status.FAILED).count(),
        "acknowledged": RequestEvent.objects.filter(action="acknowledged").count(),
        "message_ids": [row.data["headers"]["Message-ID"] for row in rows],
    }))
    """
)


class Sink:
    """An SMTP server's message handler that notes each message's ``Message-ID``."""

    def __init__(self):
        self.message_ids: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        await asyncio.sleep(0.05)  # a real server takes a moment; the kill lands mid-way
        self.message_ids.append(message["Message-ID"])
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_url(tmp_path, django_db_serialized_rollback, transactional_db):
    """The suite's migrated test database, reachable from other processes.

    On SQLite the in-memory test database is copied into a file; on PostgreSQL the processes use
    the test database itself (the transactional test empties it afterwards). Either way nothing
    is migrated again.
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        yield f"sqlite:///{path}"
        return
    parts = urlsplit(os.environ["DATABASE_URL"])
    yield urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


@pytest.fixture
def quiet_smtp_log():
    log = logging.getLogger("mail.log")
    level = log.level
    log.setLevel(logging.WARNING)
    yield
    log.setLevel(level)


@pytest.mark.usefixtures("quiet_smtp_log")
def test_a_killed_worker_loses_no_acknowledgement(tmp_path, database_url):
    handler = Sink()
    smtp = Controller(handler, hostname="127.0.0.1", port=free_port())
    smtp.start()
    cluster_name = f"crash-{uuid.uuid4().hex[:8]}"
    (tmp_path / "crash_settings.py").write_text(SETTINGS)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "crash_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "crash-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost",
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "CRASH_CLUSTER": cluster_name,
        "CRASH_SMTP_PORT": str(smtp.port),
    }
    broker_url = os.environ.get("REDIS_URL", "")

    def run(*arguments, timeout=300):
        done = subprocess.run(  # noqa: S603 (fixed arguments from this module)
            [sys.executable, *arguments],
            env=environment,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout

    def cluster():
        return subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(process, sig):
        if process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=30)

    workers = []
    try:
        started = time.monotonic()
        run("-c", DRIVER, "register", str(REQUESTS))
        workers.append(cluster())
        deadline = time.monotonic() + 60
        while len(handler.message_ids) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.05)
        stop(workers[-1], signal.SIGKILL)
        at_kill = len(handler.message_ids)
        assert 0 < at_kill < REQUESTS, "the worker was killed in the middle of sending"

        workers.append(cluster())
        summary = json.loads(run("-c", DRIVER, "drain", "60"))
        elapsed = time.monotonic() - started
    finally:
        for process in workers:
            stop(process, signal.SIGKILL)
        smtp.stop()
        if broker_url:
            redis.Redis.from_url(broker_url).delete(f"django_q:{cluster_name}:q")

    delivered = handler.message_ids
    duplicates = len(delivered) - len(set(delivered))
    print(  # noqa: T201 (the figures of the run, shown with -s)
        f"broker={'redis' if broker_url else 'orm'} db={database_url.split(':')[0]} "
        f"registered={summary['registered']} delivered_unique={len(set(delivered))} "
        f"accepted={len(delivered)} duplicates={duplicates} at_kill={at_kill} "
        f"seconds={elapsed:.1f}"
    )
    assert summary["registered"] == REQUESTS
    assert summary["pending"] == summary["failed"] == 0
    assert summary["sent"] == REQUESTS
    assert set(delivered) == set(summary["message_ids"]), "each request's own Message-ID"
    assert len(set(delivered)) == REQUESTS
    assert duplicates <= 2, "only a message in the hands of a killed worker is sent again"
    assert summary["acknowledged"] == REQUESTS, "one timeline line per acknowledgement"
