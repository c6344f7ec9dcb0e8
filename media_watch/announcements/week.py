"""The week of the announcements: Monday 00:00 to the next Monday 00:00, Asia/Almaty."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from agency.calendar import LOCAL_TZ
from agency.dates import local_day

#: Friday, the day the coming week's announcements are sent (``date.weekday()``).
FRIDAY = 4


@dataclass(frozen=True)
class Week:
    """A week, named by its Monday."""

    monday: datetime.date

    @classmethod
    def of(cls, day: datetime.date) -> Week:
        """The week ``day`` falls in."""
        return cls(day - datetime.timedelta(days=day.weekday()))

    @classmethod
    def coming(cls, now: datetime.datetime | None = None) -> Week:
        """The week after the current one (on Friday: the one the sending is about)."""
        today = (now or timezone.now()).astimezone(LOCAL_TZ).date()
        return cls.of(today) + 1

    def __add__(self, weeks: int) -> Week:
        return Week(self.monday + datetime.timedelta(weeks=weeks))

    def __sub__(self, weeks: int) -> Week:
        return self + (-weeks)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def start(self) -> datetime.datetime:
        """Monday 00:00 in Asia/Almaty."""
        return datetime.datetime.combine(self.monday, datetime.time(), tzinfo=LOCAL_TZ)

    @property
    def end(self) -> datetime.datetime:
        """The next Monday 00:00 in Asia/Almaty (not part of the week)."""
        return (self + 1).start

    def contains(self, moment: datetime.datetime) -> bool:
        return self.start <= moment < self.end

    def label(self) -> str:
        """ "1 March 2026 – 7 March 2026" in the active language."""
        return f"{local_day(self.monday)} – {local_day(self.sunday)}"

    def slug(self) -> str:
        """The Monday in ISO 8601, for addresses and file names."""
        return self.monday.isoformat()
