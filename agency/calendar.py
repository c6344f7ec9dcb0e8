"""The working-day calendar of Kazakhstan, in Asia/Almaty.

A working day is Monday to Friday, minus the public holidays of the ``holidays`` package with
their observed days (and plus the weekend working days it knows). A :class:`~agency.models.CalendarDay`
row, entered by administrators from the government's transfer decree, wins over that rule.
Periods start on the day after their starting event: N calendar days end on start + N, and N
working days end on the N-th working day after the start.

Every legal clock of the agency (requests, accreditation, media demands) counts on this
calendar; :meth:`WorkingCalendar.load` reads the transfers once, so pass one snapshot around
when computing many dates.
"""

from __future__ import annotations

import calendar as _calendar
import datetime
import functools
from zoneinfo import ZoneInfo

from django.core.exceptions import ImproperlyConfigured

import holidays

from .models import CalendarDay

LOCAL_TZ = ZoneInfo("Asia/Almaty")

# A bound on any loop over days, so a misconfigured calendar (say, a year of days off) fails
# loudly instead of spinning.
_MAX_SCAN_DAYS = 3 * 366


@functools.lru_cache(maxsize=64)
def _rule_for_year(year: int) -> tuple[frozenset[datetime.date], frozenset[datetime.date]]:
    """The package's public holidays (observed) and weekend working days for ``year``."""
    country = holidays.country_holidays("KZ", years=year, observed=True)
    return (
        frozenset(country.keys()),
        frozenset(d for d in getattr(country, "weekend_workdays", ()) if d.year == year),
    )


def rule_is_working_day(day: datetime.date) -> bool:
    """Whether ``day`` is a working day by the rule alone, without the administrators' rows."""
    public_holidays, weekend_workdays = _rule_for_year(day.year)
    if day.weekday() >= 5:
        return day in weekend_workdays
    return day not in public_holidays


def rule_holiday_name(day: datetime.date, language: str = "en_US") -> str:
    """The package's name for a public holiday on ``day`` (in ``"kk"`` or ``"en_US"``), or an
    empty string."""
    language = "kk" if (language or "").startswith("kk") else "en_US"
    return _holiday_names(day.year, language).get(day, "")


@functools.lru_cache(maxsize=64)
def _holiday_names(year: int, language: str) -> dict[datetime.date, str]:
    country = holidays.country_holidays("KZ", years=year, observed=True, language=language)
    return dict(country.items())


class WorkingCalendar:
    """A snapshot of the working-day calendar: the rule plus the administrators' transfers."""

    def __init__(self, overrides: dict[datetime.date, bool] | None = None, *, move=None):
        self.overrides = dict(overrides or {})
        self._move = move

    @classmethod
    def load(cls) -> WorkingCalendar:
        """Read every transfer (one small query: a few rows a year)."""
        return cls(dict(CalendarDay.objects.values_list("date", "is_working")))

    @property
    def move_calendar_deadlines(self) -> bool:
        """Whether a calendar-day deadline on a non-working day moves to the next working day.

        ``False`` unless the calendar was made with ``move=True``; a service with its own
        setting for it subclasses this property.
        """
        return bool(self._move)

    def is_working_day(self, day: datetime.date) -> bool:
        day = as_date(day)
        if day in self.overrides:
            return self.overrides[day]
        return rule_is_working_day(day)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        day = as_date(day)
        for _i in range(_MAX_SCAN_DAYS):
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ImproperlyConfigured(f"No working day within {_MAX_SCAN_DAYS} days of {day}.")

    def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
        if n < 0:
            raise ValueError("n must not be negative")
        day = as_date(start)
        for _i in range(n):
            day = self.next_working_day(day)
        return day

    def subtract_working_days(self, end: datetime.date, n: int) -> datetime.date:
        """The day ``d`` with ``working_days_between(d, end) == n`` that is a working day
        (or ``end`` itself for ``n == 0``): "N working days before the due date"."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = as_date(end)
        for _i in range(n):
            for _j in range(_MAX_SCAN_DAYS):
                day -= datetime.timedelta(days=1)
                if self.is_working_day(day):
                    break
            else:  # pragma: no cover - only with a year of days off
                raise ImproperlyConfigured(f"No working day within {_MAX_SCAN_DAYS} days.")
        return day

    def add_calendar_days(self, start: datetime.date, n: int, *, move=None) -> datetime.date:
        day = as_date(start) + datetime.timedelta(days=n)
        return self.moved(day, move=move)

    def add_months(self, start: datetime.date, months: int, *, move=None) -> datetime.date:
        """The corresponding day ``months`` later (the month's last day if there is none)."""
        start = as_date(start)
        month_index = start.month - 1 + months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        last = _calendar.monthrange(year, month)[1]
        return self.moved(datetime.date(year, month, min(start.day, last)), move=move)

    def moved(self, day: datetime.date, *, move=None) -> datetime.date:
        """``day``, or the next working day if it is not one and calendar deadlines move."""
        if move is None:
            move = self.move_calendar_deadlines
        if move and not self.is_working_day(day):
            return self.next_working_day(day)
        return day

    def working_days_between(self, a: datetime.date, b: datetime.date) -> int:
        """Working days ``d`` with ``a < d <= b`` (negative when ``b`` is before ``a``)."""
        a, b = as_date(a), as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def registration_date(self, received_on: datetime.date) -> datetime.date:
        received_on = as_date(received_on)
        if self.is_working_day(received_on):
            return received_on
        return self.next_working_day(received_on)


def as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return local_date(value)
    return value


def local_date(moment: datetime.datetime) -> datetime.date:
    """The Asia/Almaty date of ``moment``; a naive ``moment`` is taken as Almaty time."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(LOCAL_TZ).date()
