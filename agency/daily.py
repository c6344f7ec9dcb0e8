"""Once a day (or a month): the guard every daily or monthly django-q2 job runs behind.

A daily schedule may fire twice on one day: django-q2 retries a job whose worker died or ran
past its timeout, a second cluster may share the schedule table, an administrator may run a
schedule by hand. :func:`once_a_day` makes the job's second run of a day (Asia/Almaty) do
nothing: the run first claims a :class:`~agency.models.DailyRun` row, unique per job and day,
in its own committed transaction, so of two concurrent runs exactly one gets the claim.

A run that raises gives its claim back, so a retry may try again. A claim left by a run that
died unfinished is taken over once it is older than django-q2's job timeout (the worker would
have stopped that run by then).
"""

import datetime
import functools
import inspect
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import DailyRun
from .schedules import TIME_ZONE

logger = logging.getLogger(__name__)


def stale_after() -> datetime.timedelta:
    """How old an unfinished claim must be before another run may take it over."""
    return datetime.timedelta(seconds=settings.Q_CLUSTER.get("timeout", 300) + 60)


def claim(name: str, day: datetime.date) -> DailyRun | None:
    """The claim of ``name``'s run for ``day``, or None if another run holds or finished it."""
    now = timezone.now()
    try:
        with transaction.atomic():
            return DailyRun.objects.create(name=name, day=day, started_at=now)
    except IntegrityError:
        pass
    taken = DailyRun.objects.filter(
        name=name, day=day, finished_at__isnull=True, started_at__lt=now - stale_after()
    ).update(started_at=now)
    if taken:
        logger.warning("Daily job %s for %s: taking over a run that did not finish", name, day)
        return DailyRun.objects.get(name=name, day=day)
    return None


def _day(signature: inspect.Signature, args, kwargs) -> datetime.date:
    """The day a run is for: its ``today`` or ``now`` argument if given, else today."""
    bound = signature.bind_partial(*args, **kwargs).arguments
    if bound.get("today") is not None:
        return bound["today"]
    if bound.get("now") is not None:
        return bound["now"].astimezone(TIME_ZONE).date()
    return timezone.now().astimezone(TIME_ZONE).date()


def once_a_day(name: str, *, period=None):
    """Decorate a daily job so that it runs at most once per day under ``name``.

    The job's second call for a day returns None and does nothing. The day is the job's
    ``today`` (or ``now``) argument when it is given, else the current day in Asia/Almaty.
    ``period`` maps that day to the day that names a longer period (see :func:`once_a_month`).
    """

    def decorate(job):
        signature = inspect.signature(job)

        @functools.wraps(job)
        def guarded(*args, **kwargs):
            day = _day(signature, args, kwargs)
            if period is not None:
                day = period(day)
            run = claim(name, day)
            if run is None:
                logger.info("Daily job %s already ran for %s; nothing to do", name, day)
                return None
            try:
                result = job(*args, **kwargs)
            except BaseException:
                DailyRun.objects.filter(pk=run.pk).delete()
                raise
            DailyRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
            return result

        guarded.daily_run_name = name
        return guarded

    return decorate


def month_of(day: datetime.date) -> datetime.date:
    """The first day of ``day``'s month: the claim of a monthly job."""
    return day.replace(day=1)


def once_a_month(name: str):
    """Decorate a job so that it runs at most once per calendar month (Asia/Almaty) under
    ``name``, however often its schedule fires or an administrator runs it: like
    :func:`once_a_day`, with the month's first day as the claimed day."""
    return once_a_day(name, period=month_of)
