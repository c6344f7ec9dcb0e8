"""What the demand screens call: drafting a demand from a story, its clocks on the working
calendar, and its status changes, each permission-checked and written to the audit log."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import log_actions

from agency import numbering
from agency.calendar import WorkingCalendar, as_date
from agency.dates import local_day

from ..models import Demand, Item, Story
from .numbers import SERIES_BY_KIND

MANAGE = "media_watch.change_demand"
ADD = "media_watch.add_demand"
VIEW = "media_watch.view_demand"
#: Days a daily outlet has to publish a reply (Art. 38 p.3).
DAILY_REPLY_DAYS = 5
#: Months after which the agency may go to court when nothing is published (Art. 38 p.4).
COURT_AFTER_MONTHS = 1
#: Which status each action leads to, and from which statuses it may be taken.
TRANSITIONS = {
    "send": ((Demand.Status.DRAFT,), Demand.Status.SENT),
    "published": ((Demand.Status.SENT,), Demand.Status.PUBLISHED),
    "refused": ((Demand.Status.SENT,), Demand.Status.REFUSED),
    "close": (
        (Demand.Status.DRAFT, Demand.Status.SENT, Demand.Status.PUBLISHED, Demand.Status.REFUSED),
        Demand.Status.CLOSED,
    ),
}


def limitation_ends(item: Item, calendar: WorkingCalendar | None = None) -> datetime.date:
    """The last day to send a demand about ``item``: a year after its publication (p.1)."""
    calendar = calendar or WorkingCalendar.load()
    return calendar.add_months(as_date(item.published_at), 12)


def publication_due(
    demand: Demand, sent_on: datetime.date, calendar: WorkingCalendar | None = None
) -> datetime.date:
    """The outlet's deadline once ``demand`` is sent on ``sent_on``."""
    calendar = calendar or WorkingCalendar.load()
    if demand.kind == Demand.Kind.REPLY:
        if demand.outlet.is_daily:
            return calendar.add_calendar_days(sent_on, DAILY_REPLY_DAYS)
        return demand.planned_issue
    return calendar.add_months(sent_on, COURT_AFTER_MONTHS)


@dataclass
class Clock:
    """One deadline as the officer reads it."""

    label: str
    due: datetime.date
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def text(self) -> str:
        """The deadline and the days left, or how late it is, in the active language."""
        due = local_day(self.due)
        if self.overdue:
            late = -self.days_left
            return ngettext(
                "%(label)s %(due)s: overdue by %(days)d day",
                "%(label)s %(due)s: overdue by %(days)d days",
                late,
            ) % {"label": self.label, "due": due, "days": late}
        return ngettext(
            "%(label)s %(due)s: %(days)d day left",
            "%(label)s %(due)s: %(days)d days left",
            self.days_left,
        ) % {"label": self.label, "due": due, "days": self.days_left}


def clocks(demand: Demand, today: datetime.date | None = None) -> list[Clock]:
    """The running deadlines of ``demand``: the limitation while it is a draft, the outlet's
    deadline while it is sent."""
    today = today or timezone.localdate()
    result = []
    if demand.status == Demand.Status.DRAFT:
        result.append(
            Clock(
                _("Send the demand by"),
                demand.limitation_ends,
                (demand.limitation_ends - today).days,
            )
        )
    if demand.status == Demand.Status.SENT and demand.publication_due:
        result.append(
            Clock(
                _("The outlet must publish by"),
                demand.publication_due,
                (demand.publication_due - today).days,
            )
        )
    return result


def prefilled_text(kind: str, item: Item, statement: str = "") -> str:
    """The demand's text in the outlet's language: what was published, where and when, then
    the officer's ``statement`` (what is untrue, or the reply)."""
    with translation.override(item.outlet.language):
        facts = _(
            "On %(date)s the outlet “%(outlet)s” published the item “%(title)s” (%(url)s)."
        ) % {
            "date": local_day(item.published_at),
            "outlet": item.outlet.name,
            "title": item.title,
            "url": item.url or item.canonical_url,
        }
        if kind == Demand.Kind.REFUTATION:
            ask = _(
                "The item spreads information that is untrue. Under Article 38 of the Law on "
                "Mass Media we ask you to publish a refutation in the same outlet, under the "
                "heading “Refutation”, in the same font and section."
            )
            lead = _("Untrue information:")
        else:
            ask = _(
                "Under Article 38 paragraph 3 of the Law on Mass Media we ask you to publish our "
                "reply free of charge under the heading “Reply”."
            )
            lead = _("Text of the reply:")
        parts = [facts, ask, lead]
    if statement:
        parts.append(statement)
    return "\n\n".join(parts)


def _require(user, permission: str) -> None:
    if not (user and user.is_active and user.has_perm(permission)):
        raise PermissionDenied(_("Only press secretaries may draft and change demands."))


def create_demand(
    *,
    user,
    story: Story,
    item: Item,
    kind: str,
    text: str,
    planned_issue: datetime.date | None = None,
    notes: str = "",
    today: datetime.date | None = None,
) -> Demand:
    """Draft a demand about ``item`` (a copy of ``story``) and give it its register number.

    Refused (``ValidationError``) once the year of limitation has passed, and for a reply to an
    outlet that is not a daily without the date of its next planned issue.
    """
    _require(user, ADD)
    today = today or timezone.localdate()
    if item.story_id != story.pk:
        raise ValidationError(_("The copy chosen is not part of this story."))
    outlet = item.outlet
    ends = limitation_ends(item)
    if ends < today:
        raise ValidationError(
            _(
                "The item was published on %(published)s: the one-year limitation period for "
                "a demand ended on %(ends)s (Law on Mass Media Art. 38 p.1)."
            )
            % {"published": local_day(item.published_at), "ends": local_day(ends)}
        )
    if kind == Demand.Kind.REPLY and not outlet.is_daily:
        if not planned_issue:
            raise ValidationError(
                _("“%(outlet)s” is not a daily: enter the date of its next planned issue.")
                % {"outlet": outlet.name}
            )
        if planned_issue < today:
            raise ValidationError(_("The next planned issue cannot be in the past."))
    with transaction.atomic():
        _sequence, number = numbering.next_number(SERIES_BY_KIND[kind], today.year)
        demand = Demand.objects.create(
            story=story,
            item=item,
            outlet=outlet,
            kind=kind,
            language=outlet.language,
            number=number,
            text=text.strip() or prefilled_text(kind, item),
            limitation_ends=ends,
            planned_issue=planned_issue if kind == Demand.Kind.REPLY else None,
            notes=notes,
            created_by=user,
        )
        log_actions.log(demand, "media_watch.demand_create", user=user, data={"number": number})
    return demand


def change_status(
    demand: Demand,
    action: str,
    *,
    user,
    note: str = "",
    sent_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Demand:
    """Take ``action`` (a key of :data:`TRANSITIONS`) on ``demand`` and log it."""
    _require(user, MANAGE)
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown action."))
    sources, target = TRANSITIONS[action]
    today = today or timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        demand = Demand.objects.select_for_update().select_related("outlet").get(pk=demand.pk)
        if demand.status not in sources:
            raise ValidationError(
                _("The demand is %(status)s: this cannot be done now.")
                % {"status": demand.get_status_display().lower()}
            )
        if action == "send":
            sent_on = sent_on or today
            if sent_on > today:
                raise ValidationError(_("The demand cannot be sent in the future."))
            if sent_on > demand.limitation_ends:
                raise ValidationError(
                    _("The limitation period ended on %(ends)s: the demand can no longer be sent.")
                    % {"ends": local_day(demand.limitation_ends)}
                )
            demand.sent_on, demand.sent_by = sent_on, user
            demand.publication_due = publication_due(demand, sent_on)
        elif action in ("published", "refused"):
            demand.outcome_at, demand.outcome_by = now, user
        else:
            demand.closed_at, demand.closed_by = now, user
        previous = demand.status
        demand.status = target
        if note:
            stamp = f"{local_day(now)}: {note}"
            demand.notes = f"{demand.notes}\n{stamp}".strip()
        demand.save()
        log_actions.log(
            demand,
            f"media_watch.demand_{action}",
            user=user,
            data={"number": demand.number, "from": previous, "to": target, "note": note},
        )
    return demand
