"""Daily and monthly django-q2 schedules created by data migrations.

A migration lists its schedules as ``{name: (dotted function, (hour, minute))}`` in local time
(Asia/Almaty) and runs :func:`daily_schedules`' two functions. Creating is idempotent: a schedule
of the same name is reused, not duplicated, and its time is left as an administrator may have
changed it. When a job moves, a later migration runs :func:`renamed_functions` so the stored
schedules call it where it now is.
"""

import datetime
import zoneinfo

TIME_ZONE = zoneinfo.ZoneInfo("Asia/Almaty")


def next_local(hour: int, minute: int, now=None) -> datetime.datetime:
    """The next ``hour:minute`` in Asia/Almaty after ``now``, as an aware datetime."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(TIME_ZONE)
    run = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if run <= now:
        run += datetime.timedelta(days=1)
    return run


def next_first_of_month(hour: int, minute: int, now=None) -> datetime.datetime:
    """The next 1st of a month at ``hour:minute`` in Asia/Almaty after ``now``."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(TIME_ZONE)
    run = now.replace(day=1, hour=hour, minute=minute, second=0, microsecond=0)
    if run <= now:
        run = (run + datetime.timedelta(days=32)).replace(day=1)
    return run


def _schedules(schedules: dict[str, tuple[str, tuple[int, int]]], schedule_type: str, first_run):
    """``(create, delete)``: the forward and backward functions of a ``RunPython`` that add
    (once) and remove ``{name: (dotted function, (hour, minute))}`` schedules of
    ``schedule_type``, each first run at ``first_run(hour, minute)``."""

    def create(apps, schema_editor):
        Schedule = apps.get_model("django_q", "Schedule")
        manager = Schedule.objects.using(schema_editor.connection.alias)
        for name, (func, (hour, minute)) in schedules.items():
            manager.get_or_create(
                name=name,
                defaults={
                    "func": func,
                    "schedule_type": schedule_type,
                    "repeats": -1,
                    "next_run": first_run(hour, minute),
                },
            )

    def delete(apps, schema_editor):
        Schedule = apps.get_model("django_q", "Schedule")
        Schedule.objects.using(schema_editor.connection.alias).filter(name__in=schedules).delete()

    return create, delete


def monthly_schedules(schedules: dict[str, tuple[str, tuple[int, int]]]):
    """Like :func:`daily_schedules`, for schedules that run on the 1st of every month at
    ``(hour, minute)`` (django-q2 moves a monthly run to the same day of the next month)."""
    return _schedules(schedules, "M", next_first_of_month)  # Schedule.MONTHLY


def daily_schedules(schedules: dict[str, tuple[str, tuple[int, int]]]):
    """``(create, delete)``: the forward and backward functions of a ``RunPython``."""
    return _schedules(schedules, "D", next_local)  # Schedule.DAILY


def renamed_functions(renames: dict[str, str]):
    """``(forward, backward)`` functions of a ``RunPython`` that point the schedules calling
    an old dotted function, ``{old: new}``, at the new one (and back).

    Only the function paths change: names, times and what an administrator set are kept.
    """

    def rename(apps, schema_editor, mapping):
        Schedule = apps.get_model("django_q", "Schedule")
        manager = Schedule.objects.using(schema_editor.connection.alias)
        for old, new in mapping.items():
            manager.filter(func=old).update(func=new)
            manager.filter(hook=old).update(hook=new)

    def forward(apps, schema_editor):
        rename(apps, schema_editor, renames)

    def backward(apps, schema_editor):
        rename(apps, schema_editor, {new: old for old, new in renames.items()})

    return forward, backward
