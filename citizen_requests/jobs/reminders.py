"""Reminders of coming due dates, and the report of overdue cases (daily django-q2 jobs).

* :func:`remind_executors`: the executor of an open case (or its unit, while it has no
  executor) is reminded the configured numbers of working days before its due date
  (``RequestSettings.reminder_days``, "3,1"), and units of the questions asked of them.
* :func:`escalate_overdue`: open cases past their due date are reported to the press
  secretaries, each case once per due date.

Reminders and escalations are recorded as case events (``REMINDED``, ``ESCALATED``) with the
due date they were about; that record is what makes a second run, or a run after a restart,
send nothing twice, and what lets an extension (a new due date) start the reminders again.
Mail goes through ``EMAIL_BACKEND``, which queues it on django-q2 after the commit, so a rolled
back run sends nothing.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agency import mail
from agency.mail import recipient_language
from workflows.notifications import press_secretaries

from ..deadlines import RequestCalendar
from ..models import CitizenRequest, InformationSubtask, RequestEvent, RequestSettings
from .summaries import (
    MAIL_LIST_LIMIT,
    case_summary,
    case_url,
    open_requests,
    overdue_list_url,
    overdue_summaries,
    user_name,
)

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_DAYS = (3, 1)


def reminder_days(request_settings=None) -> tuple[int, ...]:
    """The configured reminder offsets in working days, largest first ("3,1" → (3, 1))."""
    raw = (request_settings or RequestSettings.load()).reminder_days or ""
    days = set()
    for part in raw.split(","):
        part = part.strip()
        if part.isdigit() and int(part) > 0:
            days.add(int(part))
    if not days:
        if raw.strip():
            logger.warning("RequestSettings.reminder_days %r has no numbers; using 3,1", raw)
        days = set(DEFAULT_REMINDER_DAYS)
    return tuple(sorted(days, reverse=True))


def _can_receive(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


# Reminders ---------------------------------------------------------------------------------


def due_reminders(
    today: datetime.date | None = None, calendar=None
) -> list[tuple[CitizenRequest, int]]:
    """Open cases that should be reminded of today, each with its reminder offset.

    A case ``r`` working days before its due date (0 on the due date) gets the reminder of the
    smallest configured offset ``n >= r``, unless that reminder was already sent for the same
    due date. So a case assigned late still gets one reminder, and a case whose due date an
    extension moved is reminded again.
    """
    today = today or timezone.localdate()
    calendar = calendar or RequestCalendar.load()
    days = reminder_days()
    horizon = calendar.add_working_days(today, max(days))
    candidates = list(
        open_requests()
        .filter(answer_due__gte=today, answer_due__lte=horizon)
        .filter(Q(executor__isnull=False) | Q(unit__isnull=False))
        .select_related("executor", "unit")
        .order_by("answer_due", "pk")
    )
    sent = _sent(candidates, RequestEvent.Action.REMINDED)
    due = []
    for case in candidates:
        remaining = calendar.working_days_between(today, case.answer_due)
        offset = min((n for n in days if n >= remaining), default=None)
        if offset is None:
            continue
        if (case.pk, case.answer_due.isoformat(), offset) in sent:
            continue
        due.append((case, offset))
    return due


def _sent(cases, action) -> set[tuple]:
    """``(request id, due date, offset)`` of the reminders/escalations already recorded."""
    events = RequestEvent.objects.filter(request__in=[c.pk for c in cases], action=action)
    return {
        (event.request_id, event.data.get("answer_due"), event.data.get("days"))
        for event in events.only("request_id", "data")
    }


def remind_executors(today: datetime.date | None = None) -> int:
    """Remind executors (or, for a case with no executor yet, its unit) of coming due dates,
    and units of the questions asked of them (:func:`remind_subtask_units`).

    One message per recipient lists their cases. Runs on working days only: a reminder that
    would have fallen on a day off is sent by the next run (see :func:`due_reminders`).
    Returns the number of cases and questions reminded.
    """
    today = today or timezone.localdate()
    calendar = RequestCalendar.load()
    if not calendar.is_working_day(today):
        return 0
    return _remind_cases(today, calendar) + remind_subtask_units(today, calendar)


def _remind_cases(today: datetime.date, calendar) -> int:
    with transaction.atomic():
        due = due_reminders(today, calendar)
        if not due:
            return 0
        # Lock the cases, so that two overlapping runs do not both remind them.
        locked = set(
            CitizenRequest.objects.select_for_update()
            .filter(pk__in=[case.pk for case, _ in due])
            .values_list("pk", flat=True)
        )
        already = _sent([case for case, _ in due], RequestEvent.Action.REMINDED)
        by_recipient: dict[tuple[str, str], dict] = {}
        events = []
        for case, offset in due:
            if case.pk not in locked or (case.pk, case.answer_due.isoformat(), offset) in already:
                continue
            if _can_receive(case.executor):
                key = (case.executor.email, recipient_language(case.executor))
                name, to = user_name(case.executor), "executor"
            elif case.unit_id and case.unit.email:
                key = (case.unit.email, settings.LANGUAGE_CODE)
                name, to = case.unit.name, "unit"
            else:
                continue
            entry = by_recipient.setdefault(key, {"name": name, "cases": []})
            entry["cases"].append({**case_summary(case), "days_left": offset})
            events.append(
                RequestEvent(
                    request=case,
                    action=RequestEvent.Action.REMINDED,
                    data={"answer_due": case.answer_due.isoformat(), "days": offset, "to": to},
                )
            )
        RequestEvent.objects.bulk_create(events)
        mail.send(
            [
                mail.compose(
                    address,
                    "citizen_requests/reminders/executor_reminder",
                    {"name": entry["name"], "cases": entry["cases"], "today": today},
                    language=language,
                )
                for (address, language), entry in by_recipient.items()
            ]
        )
    return len(events)


def due_subtasks(today: datetime.date, calendar) -> list[InformationSubtask]:
    """Unanswered questions to units of open cases, due today or on the next working day,
    not yet reminded for that due date, whose unit has an e-mail address."""
    horizon = calendar.add_working_days(today, 1)
    subtasks = list(
        InformationSubtask.objects.filter(
            answered_at__isnull=True,
            due_on__gte=today,
            due_on__lte=horizon,
            request__in=open_requests(),
        )
        .exclude(unit__email="")
        .select_related("unit", "request")
        .order_by("due_on", "pk")
    )
    sent = {
        (event.data.get("subtask"), event.data.get("due_on"))
        for event in RequestEvent.objects.filter(
            action=RequestEvent.Action.REMINDED,
            request__in={subtask.request_id for subtask in subtasks},
        ).only("data")
    }
    return [s for s in subtasks if (s.pk, s.due_on.isoformat()) not in sent]


def remind_subtask_units(today: datetime.date, calendar) -> int:
    """Remind units of the questions asked of them (Model Regulation 387-НҚ p.10(6)), once per
    question and due date, on the working day before it is due (or on the day, if asked later).
    One message per unit, in the site's language; the question itself is not repeated (it may
    name the requester).
    Returns the number of questions reminded.
    """
    with transaction.atomic():
        subtasks = due_subtasks(today, calendar)
        if not subtasks:
            return 0
        # Lock the cases, then look again: an overlapping run may have reminded them meanwhile.
        list(
            CitizenRequest.objects.select_for_update()
            .filter(pk__in={subtask.request_id for subtask in subtasks})
            .values_list("pk", flat=True)
        )
        subtasks = due_subtasks(today, calendar)
        by_unit: dict[str, dict] = {}
        for subtask in subtasks:
            entry = by_unit.setdefault(subtask.unit.email, {"unit": subtask.unit, "items": []})
            entry["items"].append(
                {
                    "number": subtask.request.number,
                    "kind": subtask.request.get_kind_display(),
                    "due_on": subtask.due_on,
                    "asked_at": subtask.asked_at,
                    "url": case_url(subtask.request),
                }
            )
        RequestEvent.objects.bulk_create(
            RequestEvent(
                request_id=subtask.request_id,
                action=RequestEvent.Action.REMINDED,
                data={"subtask": subtask.pk, "due_on": subtask.due_on.isoformat(), "to": "unit"},
            )
            for subtask in subtasks
        )
        mail.send(
            [
                mail.compose(
                    address,
                    "citizen_requests/reminders/subtask_reminder",
                    {"name": entry["unit"].name, "items": entry["items"], "today": today},
                    language=settings.LANGUAGE_CODE,
                )
                for address, entry in by_unit.items()
            ]
        )
    return len(subtasks)


# Escalation --------------------------------------------------------------------------------


def newly_overdue(today: datetime.date | None = None) -> list[CitizenRequest]:
    """Open cases past their due date that were not yet reported for that due date."""
    today = today or timezone.localdate()
    cases = list(
        open_requests()
        .filter(answer_due__lt=today)
        .select_related("executor", "unit")
        .order_by("answer_due", "pk")
    )
    sent = _sent(cases, RequestEvent.Action.ESCALATED)
    return [case for case in cases if (case.pk, case.answer_due.isoformat(), None) not in sent]


def escalate_overdue(today: datetime.date | None = None) -> int:
    """Report cases newly past their due date to the press secretaries.

    Each case is reported once per due date. When no press secretary can receive mail, nothing
    is recorded, so the cases are reported once someone can. Returns the number reported.
    """
    today = today or timezone.localdate()
    recipients = list(press_secretaries())
    if not recipients:
        logger.warning("Overdue requests, but no press secretary with an e-mail address")
        return 0
    with transaction.atomic():
        cases = newly_overdue(today)
        locked = set(
            CitizenRequest.objects.select_for_update()
            .filter(pk__in=[case.pk for case in cases])
            .values_list("pk", flat=True)
        )
        cases = [case for case in cases if case.pk in locked]
        if not cases:
            return 0
        RequestEvent.objects.bulk_create(
            RequestEvent(
                request=case,
                action=RequestEvent.Action.ESCALATED,
                data={"answer_due": case.answer_due.isoformat()},
            )
            for case in cases
        )
        context = {
            "cases": overdue_summaries(cases[:MAIL_LIST_LIMIT], today),
            "total": len(cases),
            "more": max(len(cases) - MAIL_LIST_LIMIT, 0),
            "list_url": overdue_list_url(),
            "today": today,
        }
        mail.send(
            [
                mail.compose(
                    user.email,
                    "citizen_requests/reminders/overdue",
                    {**context, "name": user_name(user)},
                    language=recipient_language(user),
                )
                for user in recipients
            ]
        )
    return len(cases)
