"""``make run`` (scripts/serve-dev.sh) stops cleanly: on SIGINT (Ctrl-C) or SIGTERM to its
process group, the web server and the django-q2 cluster with all its processes are gone within
10 seconds."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "serve-dev.sh"
STOP_WITHIN = 10

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="reads /proc"),
    # make run's own stack (SQLite, no Redis) whatever the suite's database: the SQLite pass
    # runs it, and the PostgreSQL pass would repeat the very same processes.
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="make run's stack is tested once, in the SQLite pass",
    ),
]


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """The development settings on a database of their own, with django-q2's tables."""
    database = tmp_path_factory.mktemp("serve-dev") / "db.sqlite3"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    environment.pop("REDIS_URL", None)
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "django_q", "-v", "0"],
        env=environment,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return environment


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session_members(session: int) -> list[str]:
    """The live processes of ``session`` (zombies are dead and left out), as command lines."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            members.append(f"{entry.name} {command}")
    return members


def cluster_running() -> str:
    """The start of django-q2's "cluster running" line, in the site's language (it logs in it)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Q Cluster %(cluster_name)s running.").split("%(cluster_name)s")[0]


def wait_for(process, needles, timeout=240) -> str:
    """Read the output until every needle has appeared on some line."""
    seen, output, deadline = set(), [], time.monotonic() + timeout
    while time.monotonic() < deadline and len(seen) < len(needles):
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        seen |= {needle for needle in needles if needle in line}
    assert len(seen) == len(needles), "".join(output)
    return "".join(output)


def default_interrupt():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_to_the_process_group_stops_everything(environment, signum):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (fixed arguments from this module)
        [str(SCRIPT)],
        env={**environment, "PORT": str(port)},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        # As from a terminal: a suite started in the background (nohup, `&` in a script) hands
        # its children SIGINT ignored, and a shell cannot trap a signal ignored when it starts.
        preexec_fn=default_interrupt,
    )
    session = process.pid
    try:
        wait_for(process, [cluster_running(), "Quit the server with"])
        time.sleep(1)  # the cluster's workers and the reloader's child are up
        assert any("qcluster" in member for member in session_members(session))
        assert any("runserver" in member for member in session_members(session))

        os.killpg(session, signum)
        stopped_at = time.monotonic() + STOP_WITHIN
        while session_members(session) and time.monotonic() < stopped_at:
            time.sleep(0.2)

        assert session_members(session) == []
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, "the port is free"
    finally:
        for member in session_members(session):
            os.kill(int(member.split()[0]), signal.SIGKILL)
        process.stdout.close()
        process.wait(timeout=10)
