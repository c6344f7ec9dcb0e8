"""Background jobs of the forms module, run by django-q2 on the schedules of migration 0004.

* :func:`remind_executors` (daily): the executor of an open case is reminded the configured
  numbers of working days before its due date (``RequestSettings.reminder_days``, "3,1").
* :func:`escalate_overdue` (daily): open cases past their due date are reported to the press
  secretaries, each case once per due date.
* :func:`send_daily_digest` (daily): the Heads get the state of the register.
* :func:`anonymise_closed_cases` (daily): personal data of a case closed more than
  ``RequestSettings.anonymise_after_years`` ago is removed.

Reminders and escalations are recorded as case events (``REMINDED``, ``ESCALATED``) with the
due date they were about; that record is what makes a second run, or a run after a restart,
send nothing twice, and what lets an extension (a new due date) start the reminders again.
Mail goes through ``EMAIL_BACKEND``, which queues it on django-q2 after the commit, so a rolled
back run sends nothing.
"""

import datetime
import logging
import re
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from agency import mail
from agency.mail import admin_url, recipient_language
from workflows.notifications import press_secretaries
from workflows.restricted import scan_text
from workflows.roles import GROUPS

from .deadlines import RequestCalendar
from .kinds import Status
from .models import (
    CitizenRequest,
    InformationSubtask,
    RequestAttachment,
    RequestEvent,
    RequestSettings,
)
from .reports import working_days_since

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_DAYS = (3, 1)
#: Scanner categories that are personal data, removed from texts on anonymisation.
PERSONAL_CATEGORIES = frozenset({"iin", "phone", "email", "id_document", "iban", "payment_card"})
REDACTED = "[…]"
#: At most this many cases are listed in one e-mail; the rest are counted and linked.
MAIL_LIST_LIMIT = 50
#: Seconds one anonymisation run may take (django-q2 stops a job after Q_CLUSTER["timeout"]).
ANONYMISE_TIME_BUDGET = 180


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
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


def open_requests():
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
        "executor": _user_name(case.executor) if case.executor_id else "",
        "url": case_url(case),
    }


def _user_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _can_receive(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


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


# ---------------------------------------------------------------------------
# Reminders
# ---------------------------------------------------------------------------
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
                name, to = _user_name(case.executor), "executor"
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
    """Remind units of the questions asked of them (duty 10.6), once per question and due date,
    on the working day before it is due (or on the day, if asked later). One message per unit,
    in the site's language; the question itself is not repeated (it may name the requester).
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


# ---------------------------------------------------------------------------
# Escalation
# ---------------------------------------------------------------------------
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
                    {**context, "name": _user_name(user)},
                    language=recipient_language(user),
                )
                for user in recipients
            ]
        )
    return len(cases)


# ---------------------------------------------------------------------------
# The Heads' digest
# ---------------------------------------------------------------------------
def heads():
    """Active members of the Heads group who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups__name=GROUPS["heads"].name, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


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
                {**context, "name": _user_name(user)},
                language=recipient_language(user),
            )
            for user in recipients
        ]
    )


# ---------------------------------------------------------------------------
# Anonymisation
# ---------------------------------------------------------------------------
def anonymisation_cutoff(now=None, years: int | None = None) -> datetime.datetime:
    """Cases closed before this moment are due for anonymisation."""
    now = now or timezone.now()
    years = years if years is not None else RequestSettings.load().anonymise_after_years
    local = timezone.localtime(now)
    try:
        return local.replace(year=local.year - years)
    except ValueError:  # 29 February
        return local.replace(year=local.year - years, day=28)


def redact(text: str, identifiers: list[str], names: list[str] = ()) -> str:
    """``text`` without the requester's identifiers and the personal data the scanner finds.

    ``identifiers`` are removed where they stand as whole words; ``names`` (parts of the
    requester's name) also with an inflectional ending (Тестовтың, Тестову).
    """
    if not text:
        return text
    for identifier in identifiers:
        text = re.sub(rf"(?<!\w){re.escape(identifier)}(?!\w)", REDACTED, text, flags=re.IGNORECASE)
    for name in names:
        text = re.sub(rf"(?<!\w){re.escape(name)}\w*", REDACTED, text, flags=re.IGNORECASE)
    findings = [f for f in scan_text(text) if f.category in PERSONAL_CATEGORIES]
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + REDACTED + text[finding.end :]
    return text


def _redact_data(value, identifiers, names):
    if isinstance(value, str):
        return redact(value, identifiers, names)
    if isinstance(value, list):
        return [_redact_data(item, identifiers, names) for item in value]
    if isinstance(value, dict):
        return {key: _redact_data(item, identifiers, names) for key, item in value.items()}
    return value


def _identifiers(case: CitizenRequest) -> tuple[list[str], list[str]]:
    """The requester's own identifiers and name parts, longest first, to find in free text."""
    values = {case.full_name, case.iin, case.email, case.phone, case.accreditation_number}
    values |= {line.strip() for line in case.postal_address.splitlines()}
    values |= {part.strip() for part in case.postal_address.split(",")}
    # Each part of the name (surname, given name), but not initials or short particles.
    names = {part for part in case.full_name.split() if len(part) >= 3}

    def longest_first(items):
        return sorted((v for v in items if v and len(v.strip()) >= 3), key=len, reverse=True)

    return longest_first(values), longest_first(names)


def anonymise(case: CitizenRequest, now=None) -> None:
    """Remove the requester's personal data from one case, keeping what the statistics need.

    Kept: kind, number, dates and clocks, status, outcome, unit, executor, language, channel,
    the requester type and an organisation's name and BIN (not personal data). Removed: name,
    IIN, contacts, accreditation card, the tracking code (the status page no longer finds the
    case), the requester's attachments and the answer letter PDF (it carries the address).
    The subject, text, answer, sub-tasks and timeline notes keep their content with the
    requester's identifiers and any personal data the scanner finds replaced by ``[…]``.
    """
    now = now or timezone.now()
    identifiers, names = _identifiers(case)
    files = []
    with transaction.atomic():
        for attachment in RequestAttachment.objects.filter(request=case, answer__isnull=True):
            files.append((attachment.file.storage, attachment.file.name))
            attachment.delete()
        answer = getattr(case, "answer", None)
        if answer is not None:
            if answer.pdf:
                files.append((answer.pdf.storage, answer.pdf.name))
                answer.pdf = ""
            answer.body = redact(answer.body, identifiers, names)
            answer.save(update_fields=["pdf", "body"])
        for subtask in case.subtasks.all():
            subtask.question = redact(subtask.question, identifiers, names)
            subtask.response = redact(subtask.response, identifiers, names)
            subtask.save(update_fields=["question", "response"])
        for event in case.events.all():
            event.note = redact(event.note, identifiers, names)
            event.data = _redact_data(event.data, identifiers, names)
            event.save(update_fields=["note", "data"])
        case.subject = redact(case.subject, identifiers, names)
        case.text = redact(case.text, identifiers, names)
        case.full_name = ""
        case.iin = ""
        case.email = ""
        case.phone = ""
        case.postal_address = ""
        case.accreditation_number = ""
        case.tracking_digest = ""
        case.submission_token = None
        case.anonymised_at = now
        case.save()
        RequestEvent.objects.create(request=case, at=now, action=RequestEvent.Action.ANONYMISED)

        def delete_files():
            for storage, name in files:
                if name:
                    storage.delete(name)

        transaction.on_commit(delete_files, robust=True)


def anonymise_closed_cases(now=None, *, time_budget: float = ANONYMISE_TIME_BUDGET) -> int:
    """Anonymise the cases closed before :func:`anonymisation_cutoff`, the oldest first.

    Each case is its own transaction. A run stops after ``time_budget`` seconds, well inside
    django-q2's job timeout, and the next daily run goes on where it stopped (a first run over
    a large backlog takes a few days). Returns how many cases were anonymised.
    """
    started = time.monotonic()
    cutoff = anonymisation_cutoff(now)
    pending = (
        CitizenRequest.objects.filter(closed_at__lt=cutoff, anonymised_at__isnull=True)
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in list(pending):
        if time.monotonic() - started > time_budget:
            logger.info("Anonymisation stopped after %s cases; the next run goes on", count)
            break
        with transaction.atomic():
            case = (
                CitizenRequest.objects.select_for_update()
                .filter(pk=pk, anonymised_at__isnull=True)
                .first()
            )
            if case is None:
                continue
            anonymise(case, now)
            count += 1
    return count
