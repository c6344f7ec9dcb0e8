"""What the jobs tell staff about cases: which cases are open, and a summary of each.

A staff e-mail never carries the requester's personal data: a case is its number, kind, status,
dates, unit and executor, and a link to it in the officers' admin.
"""

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from agency.mail import admin_url

from ..deadlines import RequestCalendar
from ..kinds import Status
from ..models import CitizenRequest
from ..reports import working_days_since

#: At most this many cases are listed in one e-mail; the rest are counted and linked.
MAIL_LIST_LIMIT = 50


def open_requests():
    """Cases not yet answered, refused or forwarded, and not anonymised."""
    return CitizenRequest.objects.exclude(status__in=Status.closed()).filter(
        anonymised_at__isnull=True
    )


def case_url(case: CitizenRequest) -> str:
    """The case's address in the officers' admin, as an absolute URL ('' if there is none)."""
    try:
        return admin_url(reverse("citizen_requests_cases:case", args=[case.pk]))
    except NoReverseMatch:
        return ""


def case_summary(case: CitizenRequest, overdue_days: int = 0) -> dict:
    """What a staff e-mail says about a case: never the requester's personal data."""
    return {
        "number": case.number,
        "kind": case.get_kind_display(),
        "status": case.get_status_display(),
        "received_on": timezone.localtime(case.received_at).date(),
        "answer_due": case.answer_due,
        "overdue_days": overdue_days,
        "unit": str(case.unit) if case.unit_id else "",
        "executor": user_name(case.executor) if case.executor_id else "",
        "url": case_url(case),
    }


def user_name(user) -> str:
    return user.get_full_name() or user.get_username()


def overdue_summaries(cases, today: datetime.date, calendar=None) -> list[dict]:
    """:func:`case_summary` of overdue ``cases``, with the working days each is overdue."""
    counts = working_days_since(
        {case.answer_due for case in cases}, today, calendar or RequestCalendar.load()
    )
    return [case_summary(case, counts[case.answer_due]) for case in cases]


def overdue_list_url() -> str:
    try:
        return admin_url(reverse("citizen_requests_cases:list")) + "?overdue=on"
    except NoReverseMatch:
        return ""
