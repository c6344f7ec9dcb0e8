"""Tests that run several processes of the site at once, on an SQLite file of their own.

Each process runs the production settings (as ``make run``'s processes run theirs) without
Redis, so what they share is the database file only.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: What every process runs first: Django on the production settings.
SETUP = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'cms.settings.production'\n"
    "import django; django.setup()\n"
)

#: These tests make their own SQLite file; the PostgreSQL pass has nothing to add.
sqlite_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite"
)


def sqlite_environment(database: Path) -> dict[str, str]:
    """The environment of a process on the production settings and the SQLite file ``database``."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "multi-process-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost",
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("REDIS_URL", None)
    return environment


def prepare(environment: dict[str, str], code: str) -> None:
    """Run ``code`` once, after Django's setup, before the processes under test start."""
    subprocess.run(  # noqa: S603 (fixed arguments from the tests)
        [sys.executable, "-c", SETUP + code], env=environment, cwd=ROOT, check=True
    )
