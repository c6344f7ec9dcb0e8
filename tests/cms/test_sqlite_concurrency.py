"""The embedded default (SQLite) takes several writers at once: editors, visitors and the worker.

Each process runs the production database settings against one database file and writes in
transactions that read first, as a page save does. With SQLite's default deferred transactions
two such writers deadlock on the lock upgrade and one gets "database is locked" at once,
whatever the busy timeout; the settings make every transaction take the write lock up front
and wait for it.
"""

import subprocess
import sys
import textwrap

from tests.processes import ROOT, prepare, sqlite_environment, sqlite_only

PROCESSES = 6
WRITES = 40

WRITER = textwrap.dedent(
    """
    import os, sys
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    import django
    django.setup()
    from django.db import connection, transaction
    from django.db.utils import OperationalError

    locked = 0
    for n in range(int(sys.argv[1])):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM revision")
                    cursor.fetchone()
                    cursor.execute("INSERT INTO revision (body) VALUES (%s)", ["x" * 2000])
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            locked += 1
    print(locked)
    """
)


@sqlite_only
def test_concurrent_writers_are_never_refused(tmp_path):
    database = tmp_path / "db.sqlite3"
    environment = sqlite_environment(database)
    prepare(
        environment,
        "from django.db import connection\n"
        "connection.cursor().execute("
        "'CREATE TABLE revision (id INTEGER PRIMARY KEY, body TEXT)')\n",
    )
    writers = [
        subprocess.Popen(  # noqa: S603 (fixed arguments from this module)
            [sys.executable, "-c", WRITER, str(WRITES)],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _n in range(PROCESSES)
    ]
    refused = sum(int(writer.communicate(timeout=120)[0].strip()) for writer in writers)
    assert all(writer.returncode == 0 for writer in writers)
    assert refused == 0, f"{refused} of {PROCESSES * WRITES} writes got 'database is locked'"
