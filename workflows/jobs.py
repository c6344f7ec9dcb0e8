"""Background jobs of the moderation app, run by django-q2.

``notify_overdue_reviews`` runs every 15 minutes on the schedule that migration
``0003_review_reminders`` creates; ``escalate_deadline_pages`` every minute on the schedule of
migration ``0009_obligatory_messages``.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import (
    Page,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from agency import mail
from agency.mail import admin_url

from .deadlines import deadline_models
from .languages import default_locale
from .notifications import heads, press_secretaries
from .records import Escalation, ReviewReminder
from .status import page_state

#: An event longer ago than this is not escalated any more: a forgotten draft is no emergency,
#: and a new schedule must not mail the heads about every old one.
ESCALATION_WINDOW = datetime.timedelta(days=1)
ESCALATE_ACTION = "workflows.escalate"


def overdue_task_states(now=None) -> list[TaskState]:
    """Task states in progress past their task's due time that were not reported yet.

    Each comes with ``task`` (specific), ``due_at`` and ``page`` set. Tasks without a due time
    (a plain Wagtail group approval) are never overdue.
    """
    now = now or timezone.now()
    states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type=get_default_page_content_type(),
        )
        .exclude(pk__in=ReviewReminder.objects.values("task_state_id"))
        .select_related("workflow_state", "workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    tasks = Task.objects.filter(pk__in={state.task_id for state in states}).specific().in_bulk()
    pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
    overdue = []
    for state in states:
        task = tasks.get(state.task_id)
        page = pages.get(int(state.workflow_state.object_id))
        if task is None or page is None or not hasattr(task, "due_at"):
            continue
        due_at = task.due_at(state)
        if due_at <= now:
            state.task, state.due_at, state.page = task, due_at, page
            overdue.append(state)
    return overdue


def _claim(state: TaskState) -> bool:
    """Record that ``state`` is being reported; False if another run already did."""
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(task_state=state)
    except IntegrityError:
        return False
    return True


def notify_overdue_reviews() -> int:
    """E-mail the press secretaries about reviews newly past their due time.

    Each overdue task state is reported once (``ReviewReminder``); one message per press
    secretary lists every review that became overdue since the last run. The record and the
    mail share a transaction, so a failure to send leaves the reviews to the next run.
    Returns the number of reviews reported.
    """
    with transaction.atomic():
        states = [state for state in overdue_task_states() if _claim(state)]
        if not states:
            return 0
        reviews = [
            {
                "title": state.page.get_admin_display_title(),
                "task": state.task.name,
                "requested_by": state.workflow_state.requested_by,
                "started_at": state.started_at,
                "due_at": state.due_at,
                "url": admin_url(reverse("wagtailadmin_pages:edit", args=[state.page.pk])),
            }
            for state in states
        ]
        mail.mail_users(
            press_secretaries(), "workflows/email/overdue_reviews", {"reviews": reviews}
        )
    return len(states)


def pages_to_escalate(now=None) -> list[tuple]:
    """``(page, steps)``: pages with a deadline that are not live, and their escalation steps
    (minutes after the event) that are due and were not sent yet, soonest event first.

    A message and its translations are one: only the page in the site's default language is
    escalated, or the page itself when it has no such translation. A page that ever went live is
    done, even if it was withdrawn since.
    """
    now = now or timezone.now()
    default = default_locale()
    found = []
    for model in deadline_models():
        steps = sorted({int(step.total_seconds() // 60) for step in model.escalate_after})
        if not steps:
            continue
        in_default = model.objects.filter(
            translation_key=OuterRef("translation_key"), locale=default
        )
        pages = list(
            model.objects.filter(
                first_published_at__isnull=True,
                alias_of__isnull=True,
                event_at__lte=now - datetime.timedelta(minutes=steps[0]),
                event_at__gt=now - ESCALATION_WINDOW,
            )
            .filter(Q(locale=default) | ~Exists(in_default))
            .defer_streamfields()
            .order_by("event_at", "pk")
        )
        sent = set(
            Escalation.objects.filter(page__in=pages).values_list("page_id", "after_minutes")
        )
        for page in pages:
            due = [
                step
                for step in steps
                if page.event_at + datetime.timedelta(minutes=step) <= now
                and (page.pk, step) not in sent
            ]
            if due:
                found.append((page, due))
    return found


def _claim_step(page, step: int, recipients: int) -> bool:
    """Record that ``page`` is escalated at ``step``; False if another run already did."""
    try:
        with transaction.atomic():
            Escalation.objects.create(page=page, after_minutes=step, recipients=recipients)
    except IntegrityError:
        return False
    return True


def escalate_deadline_pages(now=None) -> int:
    """Tell the heads about pages with a deadline that are still not live (every minute).

    Each step of each page is sent once (``Escalation``), in the same transaction as its mail
    and its audit-log entry, so a run that fails sends nothing and leaves the step to the next
    run, and a worker restarted in the middle never sends it twice. A page whose steps fell due
    together (the schedule was down) gets one message, about where it stands now. Each head is
    written to in their own language. Returns the number of pages escalated.
    """
    now = now or timezone.now()
    recipients = list(heads())
    escalated = 0
    for page, steps in pages_to_escalate(now):
        with transaction.atomic():
            claimed = [step for step in steps if _claim_step(page, step, len(recipients))]
            if not claimed:
                continue
            clock = page.clock(now)
            mail.mail_users(
                recipients,
                "workflows/email/escalation",
                {
                    "title": page.get_admin_display_title(),
                    "kind": type(page)._meta.verbose_name,
                    "note": getattr(type(page), "deadline_note", ""),
                    "clock": clock,
                    "state": page_state(page),
                    "url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
                },
                group="escalation",
            )
            log(
                instance=page,
                action=ESCALATE_ACTION,
                user=None,
                data={
                    "after_minutes": max(claimed),
                    "steps": claimed,
                    "deadline": clock.deadline.isoformat(),
                    "recipients": len(recipients),
                },
            )
        escalated += 1
    return escalated
