"""The figures of a period for the first head: one function over any range of days.

:func:`period_figures` counts what the press office did and what the media said between two days
(both included, Asia/Almaty). The monthly report, the dashboard panel and the annual report to
the population (Access to Information Law Art. 14) read the same figures, so they never disagree.

Definitions:

* **Publications** are news items, obligatory messages (Mass Media Law Art. 37) and FAQ answers
  whose first publication falls in the period, by page type and language (each language's page
  counts: it is published on its own), whether or not they are still live.
* **Briefings held** are the live, not cancelled briefings that started in the period and have
  ended; an event published in several languages counts once.
* **Requests** are those received in the period, counted as the request reports count them
  (:mod:`citizen_requests.reports.figures`): answered, answered on time, overdue.
* **Accreditations** granted (records made), journalists refused and accreditations withdrawn in
  the period.
* **Mentions** by the publication day of their item, by tone: the tone an officer set where one
  corrected it, else the automatic one.
* **Alerted stories**: those whose alert went out in the period; the time to handle one runs
  from its alert to the officer's mark; ``unhandled`` is how many of them have no mark yet.
* **Demands to outlets** (Mass Media Law Art. 38) opened (drafted), sent and closed in the
  period.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Page

from accreditation.models import Accreditation, ApplicationJournalist
from agency.calendar import LOCAL_TZ
from citizen_requests.models import CitizenRequest
from citizen_requests.reports import Figures, figures
from press_pages.models import BriefingPage, FAQAnswerPage, NewsPage, ObligatoryMessagePage

from ..models import Demand, Mention, Story, Tone
from ..stories import tone_is

#: The page types counted as publications, in the order the tables show them.
PUBLICATION_TYPES = ("news", "obligatory", "faq")
PUBLICATION_MODELS = {"news": NewsPage, "obligatory": ObligatoryMessagePage, "faq": FAQAnswerPage}
LANGUAGES = ("kk", "ru", "en")


def moment(day: datetime.date) -> datetime.datetime:
    """The first moment of ``day`` in Asia/Almaty."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=LOCAL_TZ)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def previous_month(day: datetime.date) -> datetime.date:
    """The first day of the month before ``day``'s."""
    return month_start(month_start(day) - datetime.timedelta(days=1))


def month_end(first: datetime.date) -> datetime.date:
    """The last day of the month that starts on ``first``."""
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


@dataclass
class PeriodFigures:
    """What :func:`period_figures` counted, for the days ``first``–``last`` (both included)."""

    first: datetime.date
    last: datetime.date
    #: ``{page type: {language: count}}`` (see :data:`PUBLICATION_TYPES`).
    publications: dict[str, dict[str, int]] = field(default_factory=dict)
    briefings: int = 0
    requests: Figures = field(default_factory=Figures)
    accreditations_granted: int = 0
    accreditations_refused: int = 0
    accreditations_deprived: int = 0
    #: ``{tone: count}`` of mentions, in the order of :class:`~media_watch.models.Tone`.
    mentions: dict[str, int] = field(default_factory=dict)
    alerted: int = 0
    handled: int = 0
    unhandled: int = 0
    median_to_handle: datetime.timedelta | None = None
    longest_to_handle: datetime.timedelta | None = None
    demands_opened: int = 0
    demands_sent: int = 0
    demands_closed: int = 0

    @property
    def publications_total(self) -> int:
        return sum(sum(row.values()) for row in self.publications.values())

    @property
    def mentions_total(self) -> int:
        return sum(self.mentions.values())

    @property
    def requests_answered(self) -> int:
        return self.requests.answered

    @property
    def requests_overdue(self) -> int:
        return self.requests.late


def _publications(start, end) -> dict[str, dict[str, int]]:
    types = {
        ContentType.objects.get_for_model(model).pk: key
        for key, model in PUBLICATION_MODELS.items()
    }
    counts = {key: dict.fromkeys(LANGUAGES, 0) for key in PUBLICATION_TYPES}
    rows = (
        Page.objects.filter(
            content_type__in=types, first_published_at__gte=start, first_published_at__lt=end
        )
        .values_list("content_type", "locale__language_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for content_type, language, n in rows:
        row = counts[types[content_type]]
        row[language] = row.get(language, 0) + n
    return counts


def _briefings(start, end, now) -> int:
    held = BriefingPage.objects.live().filter(
        starts_at__gte=start, starts_at__lt=end, ends_at__lte=now, cancelled=False
    )
    return held.values("translation_key").distinct().count()


def _requests(start, end, today) -> Figures:
    received = CitizenRequest.objects.filter(received_at__gte=start, received_at__lt=end)
    return figures(received, today)


def _mentions(start, end) -> dict[str, int]:
    counts = Mention.objects.filter(
        item__published_at__gte=start, item__published_at__lt=end
    ).aggregate(**{tone: Count("pk", filter=tone_is(tone)) for tone in Tone.values})
    return {tone: counts[tone] for tone in Tone.values}


def _alerts(start, end) -> dict:
    alerted = Story.objects.filter(alerted_at__gte=start, alerted_at__lt=end)
    durations = sorted(
        max(handled - alerted_at, datetime.timedelta(0))
        for alerted_at, handled in alerted.filter(handled_at__isnull=False).values_list(
            "alerted_at", "handled_at"
        )
    )
    return {
        "alerted": alerted.count(),
        "handled": len(durations),
        "unhandled": alerted.filter(handled_at__isnull=True).count(),
        "median_to_handle": statistics.median(durations) if durations else None,
        "longest_to_handle": durations[-1] if durations else None,
    }


def period_figures(
    first: datetime.date, last: datetime.date, *, now: datetime.datetime | None = None
) -> PeriodFigures:
    """The figures of the days ``first`` to ``last`` (both included, Asia/Almaty).

    ``now`` is when they are counted (what has happened by then: a briefing still going on is
    not yet held, a request not yet due is not overdue); by default, now.
    """
    now = now or timezone.now()
    start, end = moment(first), moment(last + datetime.timedelta(days=1))
    in_period = {"gte": start, "lt": end}

    def within(name: str) -> Q:
        return Q(**{f"{name}__{op}": value for op, value in in_period.items()})

    demands = Demand.objects.aggregate(
        opened=Count("pk", filter=within("created_at")),
        sent=Count("pk", filter=Q(sent_on__gte=first, sent_on__lte=last)),
        closed=Count("pk", filter=within("closed_at")),
    )
    return PeriodFigures(
        first=first,
        last=last,
        publications=_publications(start, end),
        briefings=_briefings(start, end, now),
        requests=_requests(start, end, timezone.localdate(now, LOCAL_TZ)),
        accreditations_granted=Accreditation.objects.filter(within("created_at")).count(),
        accreditations_refused=ApplicationJournalist.objects.filter(
            within("decided_at"), decision=ApplicationJournalist.Decision.REFUSED
        ).count(),
        accreditations_deprived=Accreditation.objects.filter(within("deprived_at")).count(),
        mentions=_mentions(start, end),
        **_alerts(start, end),
        demands_opened=demands["opened"],
        demands_sent=demands["sent"],
        demands_closed=demands["closed"],
    )


def month_figures(first: datetime.date, *, now=None) -> PeriodFigures:
    """The figures of the calendar month starting on ``first``."""
    return period_figures(first, month_end(first), now=now)


def year_figures(year: int, *, now=None) -> PeriodFigures:
    return period_figures(datetime.date(year, 1, 1), datetime.date(year, 12, 31), now=now)


def unhandled_stories(limit: int = 20):
    """Alerted stories no officer has marked handled yet, the longest waiting first."""
    return Story.objects.filter(alerted_at__isnull=False, handled_at__isnull=True).order_by(
        "alerted_at", "pk"
    )[:limit]
