"""Time a media-watch alert end to end: from an item appearing in an outlet's feed to the alert
delivered by e-mail and Telegram, through a real ``manage.py qcluster``.

Run: ``.venv/bin/python bench/media_watch_alert_latency.py [--items 3] [--window SECONDS]
[--poll-minutes N] [--services]``

Budget (the media watch's promise): an alert goes out under 5 minutes after the item appears.

Migrates a fresh database (a temporary SQLite file; with ``--services`` the PostgreSQL database of
``DATABASE_URL``, whose name must start with ``test_`` or ``bench``: it is dropped and created
again, and the queue on the Redis of ``REDIS_URL``: give it a database of its own), which also
makes the minute schedules, as on a real site. It adds a watch term, an outlet with one RSS
source on a local feed server and a press secretary with an e-mail address, and starts the
worker (``manage.py qcluster``, the development settings, mail through the outbox) with an SMTP
server and a stand-in Telegram Bot API on 127.0.0.1. Once the source was polled, it publishes
``--items`` negative items about the agency at random moments within ``--window`` seconds (one
poll interval by default, so the items fall anywhere in the poll cycle), and for each prints
the time from the feed serving it to the e-mail received by the SMTP server and to the message
received by the Bot API, split into the wait for the next poll and what follows it (fetch,
match, alert, mail through the outbox). It also prints the poll interval in force, the gaps
between the feed's polls as the worker made them, and the worst case those imply. Figures
depend on the machine and its load; it is never a test. It stops after ``--deadline`` seconds.
"""

import argparse
import contextlib
import email
import email.policy
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from aiosmtpd.controller import Controller  # noqa: E402

from tests.media_watch.bot_api import FakeBotAPI  # noqa: E402
from tests.media_watch.feed_server import FeedServer, rss  # noqa: E402

BUDGET_SECONDS = 5 * 60
#: django-q2 looks for due schedules every 30 s: the minute schedule runs up to that late.
SCHEDULER_LATE = 30
FEED_PATH = "/outlet/rss.xml"
TERM = "Министерство просвещения"
#: Negative headlines about the agency, each a story of its own.
HEADLINES = [
    "Скандал: в Министерстве просвещения выявили коррупцию при закупке учебников",
    "Министерство просвещения обвинили в срыве ремонта школ, родители возмущены",
    "Прокуратура выявила нарушения: Министерство просвещения сорвало сроки строительства школ",
    "Жители жалуются на провал реформы Министерства просвещения",
    "Министерство просвещения обвинили в коррупции при строительстве детских садов",
]
CALM = [
    "В Астане прошёл форум молодых учёных",
    "Синоптики обещают тёплую погоду на выходных",
]


class Stamped(Counter):
    """The feed server's request counter, also keeping when each request came."""

    def __init__(self):
        super().__init__()
        self.times: dict[str, list[float]] = {}

    def __setitem__(self, key, value):
        self.times.setdefault(key, []).append(time.time())
        super().__setitem__(key, value)


class StampedList(list):
    """The Bot API's messages, each with the moment it arrived."""

    def __init__(self):
        super().__init__()
        self.times: list[float] = []

    def append(self, value):
        self.times.append(time.time())
        super().append(value)


class Mailbox:
    """An SMTP server's handler: each message's plain text and the moment it arrived."""

    def __init__(self):
        self.received: list[tuple[float, str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = str(message["Subject"] or "")
        body = message.get_body(preferencelist=("plain", "html"))
        if body is not None:
            text += "\n" + body.get_content()
        with self.lock:
            self.received.append((time.time(), text))
        return "250 OK"

    def first_with(self, words: str) -> float | None:
        with self.lock:
            return next((moment for moment, text in self.received if words in text), None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=3, help="negative items to publish")
    parser.add_argument(
        "--window",
        type=float,
        default=None,
        help="seconds within which they appear (default: one poll interval)",
    )
    parser.add_argument(
        "--poll-minutes", type=int, default=None, help="MONITOR_POLL_MINUTES for the worker"
    )
    parser.add_argument(
        "--services", action="store_true", help="PostgreSQL and Redis of DATABASE_URL, REDIS_URL"
    )
    parser.add_argument("--deadline", type=float, default=570, help="stop after this many s")
    return parser.parse_args()


def worker_environment(args, database_dir: str, smtp_port: int, bot: FakeBotAPI) -> dict:
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        CACHE_KEY_PREFIX="bench-alert-latency",
        LOG_LEVEL="WARNING",
        EMAIL_BACKEND="agency.outbox.OutboxEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="false",
        MONITOR_ALLOW_PRIVATE_HOSTS="true",
        MONITOR_QUIET_HOURS="",
        MONITOR_TELEGRAM_API_URL=bot.url,
        MONITOR_TELEGRAM_BOT_TOKEN=bot.token,
        MONITOR_TELEGRAM_CHAT_ID="-100200300",
        PYTHONUNBUFFERED="1",
    )
    if args.poll_minutes is not None:
        environment["MONITOR_POLL_MINUTES"] = str(args.poll_minutes)
    if args.services:
        if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
            raise SystemExit("--services needs DATABASE_URL and REDIS_URL")
    else:
        environment["DATABASE_URL"] = f"sqlite:///{database_dir}/bench.sqlite3"
        environment.pop("REDIS_URL", None)
    return environment


def manage(environment: dict, *arguments: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=environment, **options
    )


def set_up_django(environment: dict) -> None:
    os.environ.clear()
    os.environ.update(environment)
    import django

    django.setup()


def empty_redis_queue() -> None:
    """Jobs left on the Redis queue by an earlier run would point at rows that are gone."""
    from django_q.brokers import get_broker

    broker = get_broker()
    broker.purge_queue()


def add_watch(feed_url: str):
    """The term, the outlet and its source, and the press secretary who gets the alert."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from media_watch.models import WatchTerm
    from media_watch.services import add_source, add_term
    from workflows.roles import GROUPS

    add_term(TERM, "ru", WatchTerm.Kind.AGENCY)
    source, _created = add_source(feed_url, "ru", name="Local outlet")
    secretary = get_user_model().objects.create_user(
        username="bench-secretary", email="secretary@bench.example", password=None
    )
    secretary.groups.add(Group.objects.get(name=GROUPS["press_secretaries"].name))
    return source


def feed_items(server: FeedServer, published: list[tuple[str, float]]) -> str:
    import datetime

    entries = [
        {
            "title": title,
            "link": server.url(f"/outlet/news/{number}"),
            "summary": title,
            "published": datetime.datetime.fromtimestamp(moment, datetime.UTC),
        }
        for number, (title, moment) in enumerate(published, start=1)
    ]
    return rss(list(reversed(entries)), language="ru", title="Local outlet")


def publish(server: FeedServer, published: list[tuple[str, float]]) -> None:
    version = len(published)
    server.add(FEED_PATH, feed_items(server, published), etag=f'"v{version}"')


def wait_for(condition, deadline: float, step: float = 0.2) -> bool:
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


def seconds(values: list[float]) -> str:
    if not values:
        return "none"
    return (
        f"min {min(values):.1f} s, median {statistics.median(values):.1f} s, "
        f"max {max(values):.1f} s"
    )


def stop(worker: subprocess.Popen) -> None:
    """Stop django-q2's cluster by its main process, then whatever is left of its group."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)


def main() -> int:
    args = parse_args()
    started = time.time()
    stop_at = started + args.deadline
    database_dir = tempfile.mkdtemp(prefix="bench-alert-latency-")
    server, bot, mailbox = FeedServer(), FakeBotAPI(), Mailbox()
    server.hits = Stamped()
    bot.messages = StampedList()
    smtp_port = free_port()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    environment = worker_environment(args, database_dir, smtp_port, bot)
    set_up_django(environment)
    from django.conf import settings

    if args.services:
        import harness

        harness.recreate_postgres_database()
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    queue = "Redis" if "redis" in settings.Q_CLUSTER else "ORM"
    interval = max(1, settings.MONITOR_POLL_MINUTES) * 60
    window = args.window if args.window is not None else interval
    print(
        f"alert latency: {database} database, django-q2 {queue} broker, poll interval "
        f"{interval / 60:g} min (MONITOR_POLL_MINUTES), minute schedule, "
        f"{args.items} items within {window:.0f} s"
    )
    if manage(environment, "migrate", "--no-input", "-v", "0").wait() != 0:
        raise SystemExit("migrate failed")
    if args.services:
        empty_redis_queue()
    print(f"  migrated in {time.time() - started:.0f} s")
    publish(server, [(title, time.time() - 3600) for title in CALM])
    source = add_watch(server.url(FEED_PATH))
    log_path = Path(database_dir) / "qcluster.log"
    with open(log_path, "wb") as log:
        worker = manage(
            environment,
            "qcluster",
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        outcome = measure(args, server, bot, mailbox, source, worker, window, interval, stop_at)
    except BaseException:
        print(log_path.read_text(errors="replace")[-3000:])
        raise
    finally:
        stop(worker)
        smtp.stop()
        server.stop()
        bot.stop()
    if outcome == 0:
        shutil.rmtree(database_dir, ignore_errors=True)
    else:
        print(f"the worker's log: {log_path}")
    return outcome


def measure(args, server, bot, mailbox, source, worker, window, interval, stop_at) -> int:
    from media_watch.models import Source

    cluster_started = time.time()

    def polled():
        return Source.objects.filter(pk=source.pk, last_success_at__isnull=False).exists()

    if not wait_for(polled, stop_at, step=0.5):
        raise SystemExit("the source was never polled: is the worker running?")
    print(f"  first poll {time.time() - cluster_started:.0f} s after the worker started")
    rng = random.Random()
    offsets = sorted(rng.uniform(0, window) for _ in range(args.items))
    headlines = (HEADLINES * (args.items // len(HEADLINES) + 1))[: args.items]
    published = [(title, time.time() - 3600) for title in CALM]
    appeared: dict[str, float] = {}
    begin = time.time()
    for offset, title in zip(offsets, headlines, strict=True):
        time.sleep(max(0.0, begin + offset - time.time()))
        moment = time.time()
        published.append((title, moment))
        publish(server, published)
        appeared[title] = moment
        print(f"  published item {len(appeared)} at +{moment - begin:.0f} s")

    def telegram_at(title):
        return next(
            (
                at
                for at, message in zip(bot.messages.times, bot.messages, strict=False)
                if title in message["text"]
            ),
            None,
        )

    def all_in():
        return all(mailbox.first_with(t) and telegram_at(t) for t in appeared)

    wait_for(all_in, stop_at, step=0.5)
    if worker.poll() is not None:
        print(f"  the worker stopped (exit {worker.returncode})")
    fetches = server.hits.times.get(FEED_PATH, [])
    mail_latencies, telegram_latencies, poll_waits, after_poll = [], [], [], []
    print("item  appeared  polled after  e-mail after  Telegram after")
    for number, (title, moment) in enumerate(appeared.items(), start=1):
        fetched = next((at for at in fetches if at >= moment), None)
        mailed, messaged = mailbox.first_with(title), telegram_at(title)
        row = [f"{number:>4}", f"+{moment - begin:>6.0f} s"]
        for value in (fetched, mailed, messaged):
            row.append(f"{value - moment:>10.1f} s" if value else f"{'never':>12}")
        print("  ".join(row))
        if fetched:
            poll_waits.append(fetched - moment)
        if mailed:
            mail_latencies.append(mailed - moment)
            if fetched:
                after_poll.append(mailed - fetched)
        if messaged:
            telegram_latencies.append(messaged - moment)
    gaps = [later - earlier for earlier, later in zip(fetches, fetches[1:], strict=False)]
    print(f"e-mail:    {seconds(mail_latencies)}")
    print(f"Telegram:  {seconds(telegram_latencies)}")
    print(f"wait for the next poll: {seconds(poll_waits)}")
    print(f"poll to e-mail received: {seconds(after_poll)}")
    print(f"gaps between the feed's polls: {seconds(gaps)} ({len(fetches)} polls)")
    if poll_waits and mail_latencies:
        share = sum(poll_waits) / sum(mail_latencies[: len(poll_waits)])
        if share > 0.5:
            print(
                f"the latency is dominated by the poll cadence: {share:.0%} of it is the wait "
                "for the next poll"
            )
    slowest = max(after_poll) if after_poll else 0.0
    bound = interval + SCHEDULER_LATE + slowest
    print(
        f"worst case: the poll interval + {SCHEDULER_LATE} s (django-q2 runs the minute schedule "
        f"up to that late) + the slowest poll to e-mail = {bound:.0f} s; with the longest gap "
        f"seen here, {max(gaps, default=interval) + slowest:.0f} s; budget {BUDGET_SECONDS} s"
    )
    missing = len(appeared) - len(mail_latencies)
    if missing:
        print(f"{missing} alert(s) not received before the deadline")
    over = [value for value in mail_latencies + telegram_latencies if value > BUDGET_SECONDS]
    return 1 if missing or over else 0


if __name__ == "__main__":
    sys.exit(main())
