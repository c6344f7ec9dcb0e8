"""Every daily schedule runs at most once per day (Asia/Almaty), in any number of processes."""

import datetime
import os
import subprocess
import sys
import textwrap
import threading
import time

from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

import pytest
from django_q.models import Schedule

from agency import daily
from agency.daily import once_a_day
from agency.models import DailyRun
from tests.processes import ROOT, prepare, sqlite_environment, sqlite_only

DAILY_SCHEDULES = {
    "accreditation: send_event_reminders",
    "accreditation: send_expiry_reminders",
    "agency: prune sent mail",
    "citizen_requests: anonymise_closed_cases",
    "citizen_requests: escalate_overdue",
    "citizen_requests: remind_executors",
    "citizen_requests: send_daily_digest",
    "esign: prune_nonces",
}


@pytest.mark.django_db
def test_every_daily_schedule_calls_a_job_guarded_once_a_day():
    schedules = Schedule.objects.filter(schedule_type=Schedule.DAILY)
    assert {schedule.name for schedule in schedules} >= DAILY_SCHEDULES
    for schedule in schedules:
        job = import_string(schedule.func)
        assert getattr(job, "daily_run_name", None), f"{schedule.name} has no once-a-day guard"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(DAILY_SCHEDULES))
def test_the_second_run_of_a_day_does_nothing(name):
    job = import_string(Schedule.objects.get(name=name).func)

    first = job()
    second = job()

    assert first is not None
    assert second is None
    run = DailyRun.objects.get(name=job.daily_run_name)
    assert run.day == timezone.localdate() and run.finished_at is not None


@pytest.mark.django_db
def test_the_day_is_the_jobs_own_day_argument():
    calls = []

    @once_a_day("test: day argument")
    def job(today=None):
        calls.append(today)
        return len(calls)

    monday, tuesday = datetime.date(2026, 3, 2), datetime.date(2026, 3, 3)
    assert [job(today=monday), job(monday), job(today=tuesday), job(tuesday)] == [1, None, 2, None]
    assert calls == [monday, tuesday]


@pytest.mark.django_db
def test_a_monthly_job_runs_once_per_calendar_month():
    calls = []

    @daily.once_a_month("test: month")
    def job(today=None):
        calls.append(today)
        return len(calls)

    first, later, last_day = (datetime.date(2026, 3, d) for d in (1, 20, 31))
    april = datetime.date(2026, 4, 1)
    assert [job(today=first), job(today=later), job(today=last_day), job(today=april)] == [
        1,
        None,
        None,
        2,
    ]
    assert set(DailyRun.objects.values_list("day", flat=True)) == {first, april}
    every_monthly = Schedule.objects.filter(schedule_type=Schedule.MONTHLY)
    for schedule in every_monthly:
        assert getattr(import_string(schedule.func), "daily_run_name", None), schedule.name


@pytest.mark.django_db
def test_a_failed_run_gives_its_claim_back():
    attempts = []

    @once_a_day("test: failing")
    def job():
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("the mail server is down")
        return "done"

    with pytest.raises(RuntimeError):
        job()
    assert not DailyRun.objects.exists()
    assert job() == "done"
    assert job() is None


@pytest.mark.django_db
def test_a_run_that_died_unfinished_is_taken_over_after_the_job_timeout():
    @once_a_day("test: died")
    def job():
        return "done"

    day = timezone.localdate()
    started = timezone.now() - datetime.timedelta(minutes=1)
    run = DailyRun.objects.create(name="test: died", day=day, started_at=started)
    assert job() is None, "a run still within its timeout may be working"

    DailyRun.objects.filter(pk=run.pk).update(started_at=started - daily.stale_after())
    assert job() == "done"
    assert job() is None


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the in-memory SQLite test database refuses threads; see the processes' test",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_concurrent_runs_exactly_one_runs():
    runs = []
    start = threading.Barrier(4)

    @once_a_day("test: concurrent")
    def job():
        runs.append(threading.get_ident())
        time.sleep(0.5)
        return "done"

    results = []

    def worker():
        try:
            start.wait()
            results.append(job())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(runs) == 1
    assert sorted(results, key=str) == [None, None, None, "done"]


PROCESS = textwrap.dedent(
    """
    import os, time
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    import django
    django.setup()
    from agency.daily import once_a_day

    @once_a_day("test: processes")
    def job():
        time.sleep(0.5)
        return "ran"

    print(job() or "skipped")
    """
)


@sqlite_only
def test_of_processes_running_a_daily_job_at_once_exactly_one_runs(tmp_path):
    environment = sqlite_environment(tmp_path / "db.sqlite3")
    prepare(
        environment,
        "from django.db import connection\n"
        "from agency.models import DailyRun\n"
        "with connection.schema_editor() as editor: editor.create_model(DailyRun)\n",
    )
    processes = [
        subprocess.Popen(  # noqa: S603 (fixed arguments from this module)
            [sys.executable, "-c", PROCESS],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _n in range(4)
    ]
    outputs = sorted(process.communicate(timeout=120)[0].strip() for process in processes)

    assert outputs == ["ran", "skipped", "skipped", "skipped"]
