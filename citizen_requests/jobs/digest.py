"""The Heads' daily digest: the state of the register, without personal data (a django-q2 job).

:func:`send_daily_digest` runs daily and mails each Head, in their language, what is open,
unassigned, due today or soon, received and closed in the last day, and the longest overdue.
"""

import datetime

from django.utils import timezone

from agency import mail
from agency.mail import recipient_language
from workflows.roles import members_of

from ..deadlines import RequestCalendar
from ..models import CitizenRequest, InformationSubtask
from .summaries import (
    MAIL_LIST_LIMIT,
    open_requests,
    overdue_list_url,
    overdue_summaries,
    user_name,
)


def heads():
    """Active members of the Heads group who have an e-mail address."""
    return members_of("heads")


def digest(today: datetime.date | None = None) -> dict:
    """The state of the register on ``today``, without personal data."""
    today = today or timezone.localdate()
    calendar = RequestCalendar.load()
    since = timezone.now() - datetime.timedelta(days=1)
    soon = calendar.add_working_days(today, 3)
    cases = open_requests()
    overdue = cases.filter(answer_due__lt=today)
    overdue_total = overdue.count()
    longest = list(
        overdue.select_related("executor", "unit").order_by("answer_due", "pk")[:MAIL_LIST_LIMIT]
    )
    subtasks_overdue = InformationSubtask.objects.filter(
        answered_at__isnull=True, due_on__lt=today, request__in=cases
    ).count()
    return {
        "today": today,
        "open": cases.count(),
        "unassigned": cases.filter(executor__isnull=True).count(),
        "due_today": cases.filter(answer_due=today).count(),
        "due_soon": cases.filter(answer_due__gt=today, answer_due__lte=soon).count(),
        "received": CitizenRequest.objects.filter(received_at__gte=since).count(),
        "closed": CitizenRequest.objects.filter(closed_at__gte=since).count(),
        "subtasks_overdue": subtasks_overdue,
        "overdue": overdue_summaries(longest, today, calendar),
        "overdue_total": overdue_total,
        "more": max(overdue_total - len(longest), 0),
        "list_url": overdue_list_url(),
    }


def send_daily_digest(today: datetime.date | None = None) -> int:
    """Mail the digest to each Head in their language. Returns the number of messages."""
    recipients = list(heads())
    if not recipients:
        return 0
    context = digest(today)
    return mail.send(
        [
            mail.compose(
                user.email,
                "citizen_requests/reminders/digest",
                {**context, "name": user_name(user)},
                language=recipient_language(user),
            )
            for user in recipients
        ]
    )
