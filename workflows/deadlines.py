"""Pages due within a set time of an event, and the clock every admin screen shows for them.

A page type that includes :class:`EventDeadlineMixin` records when its event happened
(``event_at``); it is due ``due_after`` later. The Art. 37 obligatory message is one: due within
3 hours of the event (Law on Mass Media Art. 37 p.1). Its :class:`Clock` says in words how long
is left, or how late it is, or whether it went live in time; the explorer shows it in the page's
status, the editor above the tabs (:class:`ClockedTabbedInterface`), the dashboard's worklist
beside the step the page waits in, and the heads are told at each of ``escalate_after``
(``workflows.jobs.escalate_deadline_pages``).

``workflows`` finds these page types through the app registry (:func:`deadline_models`), so it
knows no page type by name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from django.apps import apps
from django.db import models
from django.forms import Media
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agency.calendar import local_date
from agency.dates import local_moment

from .panels import ModeratedTabbedInterface

RUNNING = "running"
OVERDUE = "overdue"
IN_TIME = "in_time"
LATE = "late"


def format_duration(delta: datetime.timedelta, *, round_up: bool = False) -> str:
    """``delta`` in whole hours and minutes, as people read it: "1 h 12 min", "45 min".

    Abbreviated units need no plural forms in kk, ru or en. Less than a minute reads as such.
    Time left is rounded up (``round_up``): 59 min 30 s left reads "1 h", not "59 min".
    """
    seconds = max(delta.total_seconds(), 0)
    minutes = int(-(-seconds // 60) if round_up else seconds // 60)
    if minutes == 0:
        return gettext("less than a minute")
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return gettext("%(minutes)d min") % {"minutes": minutes}
    if not minutes:
        return gettext("%(hours)d h") % {"hours": hours}
    return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}


@dataclass(frozen=True)
class Clock:
    """Where a page stands against its deadline at ``now``.

    ``published_at`` is when the page first went live (``None`` while it has not): once it has,
    the clock stops and says whether that was in time.
    """

    event_at: datetime.datetime
    deadline: datetime.datetime
    published_at: datetime.datetime | None
    now: datetime.datetime

    @property
    def state(self) -> str:
        if self.published_at is not None:
            return IN_TIME if self.published_at <= self.deadline else LATE
        return RUNNING if self.now < self.deadline else OVERDUE

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def overdue(self) -> bool:
        """Not live, and past the deadline."""
        return self.state == OVERDUE

    @property
    def remaining(self) -> datetime.timedelta:
        return self.deadline - self.now

    def due_time(self) -> str:
        """The deadline's time, with its date when that is not today (Asia/Almaty)."""
        same_day = local_date(self.deadline) == local_date(self.now)
        return local_moment(self.deadline, "TIME_FORMAT" if same_day else "SHORT_DATETIME_FORMAT")

    @property
    def label(self) -> str:
        """The clock in one sentence, in the active language."""
        state = self.state
        if state == RUNNING:
            return gettext("Due by %(time)s, %(left)s left") % {
                "time": self.due_time(),
                "left": format_duration(self.remaining, round_up=True),
            }
        if state == OVERDUE:
            return gettext("Overdue by %(late)s (due by %(time)s)") % {
                "late": format_duration(-self.remaining),
                "time": self.due_time(),
            }
        if state == IN_TIME:
            return gettext("Published in time (due by %(time)s)") % {"time": self.due_time()}
        return gettext("Published %(late)s late (due by %(time)s)") % {
            "late": format_duration(self.published_at - self.deadline),
            "time": self.due_time(),
        }

    @property
    def brief(self) -> str:
        """The clock after a state that already says whether the page is live (a status)."""
        state = self.state
        if state == IN_TIME:
            return gettext("In time (due by %(time)s)") % {"time": self.due_time()}
        if state == LATE:
            return gettext("%(late)s late (due by %(time)s)") % {
                "late": format_duration(self.published_at - self.deadline),
                "time": self.due_time(),
            }
        return self.label

    def __str__(self):
        return self.label


class EventDeadlineMixin(models.Model):
    """A page due within ``due_after`` of an event; list it before the page's other bases.

    Subclasses set ``due_after`` (citing the law that sets it) and ``escalate_after``: the times
    after the event at which the heads are told that the page is not live yet.
    """

    due_after: ClassVar[datetime.timedelta]
    #: What sets the deadline, for the editor (a lazy translation).
    deadline_note: ClassVar[str] = ""
    escalate_after: ClassVar[tuple[datetime.timedelta, ...]] = ()

    event_at = models.DateTimeField(
        _("time of the event"),
        help_text=_(
            "When the event happened, in Almaty time. The deadline is counted from this moment."
        ),
    )

    class Meta:
        abstract = True

    @property
    def deadline(self) -> datetime.datetime | None:
        return self.event_at + self.due_after if self.event_at else None

    def clock(self, now: datetime.datetime | None = None) -> Clock | None:
        """The page's clock at ``now`` (by default, now); ``None`` before the event is set."""
        if self.event_at is None:
            return None
        return Clock(
            event_at=self.event_at,
            deadline=self.deadline,
            published_at=self.first_published_at,
            now=now or timezone.now(),
        )

    @property
    def status_string(self):
        """The page's state, then its clock: the explorer and every Wagtail listing show both."""
        state = super().status_string
        clock = self.clock()
        return f"{state}. {clock.brief}" if clock is not None else state


def deadline_models() -> list[type[EventDeadlineMixin]]:
    """The concrete page types that have a deadline, from the app registry."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, EventDeadlineMixin) and not model._meta.abstract
    ]


def clocks_for(page_ids, now: datetime.datetime | None = None) -> dict[int, Clock]:
    """The clocks of those of ``page_ids`` that have a deadline: one query per such page type."""
    page_ids = set(page_ids)
    now = now or timezone.now()
    clocks = {}
    if not page_ids:
        return clocks
    for model in deadline_models():
        for page in model.objects.filter(pk__in=page_ids).only("event_at", "first_published_at"):
            clock = page.clock(now)
            if clock is not None:
                clocks[page.pk] = clock
    return clocks


class ClockedTabbedInterface(ModeratedTabbedInterface):
    """The editor of a page with a deadline: its clock above the tabs, then the usual tabs.

    The clock is in a status region and counts down in the browser (``deadline_clock.js``); the
    text rendered here is right when the page loads and without scripts.
    """

    class BoundPanel(ModeratedTabbedInterface.BoundPanel):
        template_name = "workflows/admin/panels/clocked_tabs.html"

        @property
        def media(self):
            return super().media + Media(
                css={"all": ["workflows/deadline_clock.css"]}, js=["workflows/deadline_clock.js"]
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            clock = page.clock()
            context.update(
                clock=clock,
                clock_heading=capfirst(type(page)._meta.verbose_name),
                note=getattr(type(page), "deadline_note", ""),
                event_text=local_moment(page.event_at) if page.event_at else "",
                due_after=format_duration(type(page).due_after),
                patterns={
                    "running": gettext("Due by %(time)s, %(left)s left"),
                    "overdue": gettext("Overdue by %(late)s (due by %(time)s)"),
                    "hours_minutes": gettext("%(hours)d h %(minutes)d min"),
                    "hours": gettext("%(hours)d h"),
                    "minutes": gettext("%(minutes)d min"),
                    "under_a_minute": gettext("less than a minute"),
                },
            )
            return context
