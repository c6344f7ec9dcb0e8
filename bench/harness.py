"""What the benches share: Django set up on a scratch database, and an empty PostgreSQL one."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def configure(database_dir: str, name: str) -> None:
    """Set Django up with the test settings on ``DATABASE_URL``, or a SQLite file in
    ``database_dir``; ``name`` keeps this bench's cache keys apart."""
    sys.path.insert(0, str(BASE_DIR))
    os.chdir(BASE_DIR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database_dir}/bench.sqlite3")
    os.environ.setdefault("CACHE_KEY_PREFIX", f"bench-{name}")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def recreate_postgres_database() -> None:
    """Drop and create the PostgreSQL database of ``DATABASE_URL``: the bench needs it empty."""
    from django.db import connection

    import psycopg
    from psycopg import sql

    name = connection.settings_dict["NAME"]
    if not name.startswith(("test_", "bench")):
        raise SystemExit(f"refusing to drop database {name!r}: use a test_* or bench* database")
    params = {
        "dbname": "postgres",
        "user": connection.settings_dict["USER"],
        "password": connection.settings_dict["PASSWORD"] or None,
        "host": connection.settings_dict["HOST"] or None,
        "port": connection.settings_dict["PORT"] or None,
    }
    connection.close()
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
