"""Background jobs of the moderation app, run by django-q2.

``notify_overdue_reviews`` runs every 15 minutes on the schedule that migration
``0003_review_reminders`` creates.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    Page,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from agency import mail
from agency.mail import admin_url

from .notifications import press_secretaries
from .records import ReviewReminder


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
