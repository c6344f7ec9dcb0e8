"""The reviewer's side of moderation in the admin: the worklist, e-mails and withdrawals.

* "My worklist" on the dashboard: what waits for the current user ("Awaiting me", overdue
  first, then by due time), since when, and whether it is overdue; a page with a deadline
  (``workflows.deadlines``) shows its clock, and is due by the earlier of its deadline and
  its step's due time.
* The moderation e-mails (``workflows.notifications``, imported here so they replace
  Wagtail's as soon as the admin's hooks load).
* Unpublishing a moderated page asks for a reason and records a withdrawal
  (``workflows.withdrawal``); bulk unpublishing, which has no room for a reason, is refused
  for moderated pages.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import (
    Page,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from .. import (
    notifications,  # noqa: F401  (replaces Wagtail's moderation e-mails)
    withdrawal,
)
from ..deadlines import Clock, clocks_for
from ..mixins import is_guarded
from ..models import ReviewTask
from ..records import EmergencyPublication
from ..roles import GROUPS

WORKLIST_LIMIT = 30
FOLLOW_UP_GROUPS = (GROUPS["press_secretaries"].name, GROUPS["legal_reviewers"].name)


@dataclass
class WorklistRow:
    """One thing waiting for the user: a page, the step it waits in, and since when."""

    page_id: int
    task: str
    since: datetime
    due_at: datetime | None = None
    note: str = ""
    page: Page | None = None
    clock: Clock | None = None

    @property
    def title(self) -> str:
        return self.page.get_admin_display_title() if self.page else ""

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    @property
    def overdue(self) -> bool:
        return self.due_at is not None and self.due_at <= timezone.now()


@dataclass
class Worklist:
    reviews: list[WorklistRow]
    reviews_total: int
    changes_requested: list[WorklistRow]
    follow_ups: list[WorklistRow]

    @property
    def is_empty(self) -> bool:
        return not (self.reviews or self.changes_requested or self.follow_ups)

    @property
    def more_reviews(self) -> int:
        return max(self.reviews_total - len(self.reviews), 0)


def _due_at(task, task_state):
    return task.due_at(task_state) if hasattr(task, "due_at") else None


def due_order(row: WorklistRow):
    """Overdue first, then the soonest due; rows without a due time last, oldest first."""
    return (not row.overdue, row.due_at is None, row.due_at or row.since, row.since)


def reviews_waiting_for(user, tasks: dict[int, Task]):
    """Task states the user can act on now, as ``TaskState.objects.reviewable_by``.

    A review task's author is left out: nobody approves a revision they wrote, so it waits for
    another reviewer.
    """
    states = TaskState.objects.none()
    for task in tasks.values():
        moderatable = task.get_task_states_user_can_moderate(user=user)
        if isinstance(task, ReviewTask):
            moderatable = moderatable.exclude(revision__user=user)
        states |= moderatable
    return states.filter(
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type=get_default_page_content_type(),
    )


def can_follow_up(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=FOLLOW_UP_GROUPS).exists()


def build_worklist(user, limit: int = WORKLIST_LIMIT) -> Worklist:
    """What waits for ``user``, oldest first, in a fixed number of queries.

    The number of queries grows with the number of active tasks (each decides who may moderate
    it), not with the number of pages waiting.
    """
    tasks = {task.pk: task for task in Task.objects.filter(active=True).specific()}

    waiting = reviews_waiting_for(user, tasks)
    reviews = [
        WorklistRow(
            page_id=int(state.workflow_state.object_id),
            task=state.task.name,
            since=state.started_at,
            due_at=_due_at(tasks.get(state.task_id, state.task), state),
        )
        for state in waiting.select_related("task", "workflow_state").order_by("started_at", "pk")[
            :limit
        ]
    ]
    clocks = clocks_for(row.page_id for row in reviews)
    for row in reviews:
        row.clock = clocks.get(row.page_id)
        if row.clock is not None and row.clock.published_at is None:
            row.due_at = min(filter(None, (row.due_at, row.clock.deadline)))
    reviews.sort(key=due_order)
    reviews_total = waiting.count() if len(reviews) == limit else len(reviews)

    changes_requested = []
    for state in (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=user,
            base_content_type=get_default_page_content_type(),
        )
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("current_task_state__finished_at", "pk")[:limit]
    ):
        task_state = state.current_task_state
        changes_requested.append(
            WorklistRow(
                page_id=int(state.object_id),
                task=task_state.task.name if task_state else "",
                since=(task_state.finished_at or task_state.started_at)
                if task_state
                else state.created_at,
                note=task_state.comment if task_state else "",
            )
        )

    follow_ups = []
    if can_follow_up(user):
        for publication in (
            EmergencyPublication.objects.filter(reviewed_at__isnull=True)
            .select_related("workflow_state__current_task_state__task")
            .order_by("published_at", "pk")[:limit]
        ):
            row = WorklistRow(
                page_id=publication.page_id,
                task=gettext("Follow-up review not started"),
                since=publication.published_at,
                note=publication.reason,
            )
            state = publication.workflow_state
            task_state = state.current_task_state if state else None
            if task_state is not None:
                row.task = task_state.task.name
                if task_state.status == TaskState.STATUS_IN_PROGRESS:
                    row.due_at = _due_at(tasks.get(task_state.task_id, task_state.task), task_state)
                elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                    row.task = gettext("%(task)s: changes requested") % {"task": row.task}
            follow_ups.append(row)

    rows = [*reviews, *changes_requested, *follow_ups]
    pages = Page.objects.in_bulk({row.page_id for row in rows})
    for row in rows:
        row.page = pages.get(row.page_id)
    return Worklist(
        reviews=[row for row in reviews if row.page],
        reviews_total=reviews_total,
        changes_requested=[row for row in changes_requested if row.page],
        follow_ups=[row for row in follow_ups if row.page],
    )


class WorklistPanel(Component):
    """The dashboard panel "My worklist"."""

    name = "my_worklist"
    template_name = "workflows/dashboard/worklist.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "worklist": build_worklist(request.user),
            "time_zone": settings.TIME_ZONE,
            "request": request,
        }


@hooks.register("construct_homepage_panels")
def add_worklist_panel(request, panels):
    panels.append(WorklistPanel())


@hooks.register("before_unpublish_page")
def require_withdrawal_reason(request, page):
    """Unpublishing a moderated page is a withdrawal, with a reason (``workflows.withdrawal``)."""
    return withdrawal.unpublish_with_reason(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_withdrawal(request, action_type, objects, action_class_instance):
    """Bulk unpublishing has no reason to record: moderated pages are withdrawn one by one."""
    if action_type != "unpublish":
        return None
    include_descendants = request.POST.get("include_descendants") or request.GET.get(
        "include_descendants"
    )
    pages = list(objects)
    guarded = [page for page in pages if is_guarded(page.specific)]
    if include_descendants and not guarded:
        pages_filter = Q()
        for page in pages:
            pages_filter |= Q(path__startswith=page.path, depth__gt=page.depth)
        if pages and (
            Page.objects.filter(pages_filter)
            .live()
            .type(*withdrawal.guarded_page_models())
            .exists()
        ):
            guarded = pages
    if not guarded:
        return None
    messages.error(
        request,
        gettext(
            "News, briefings and answers are withdrawn one at a time, with a reason: "
            "use “Unpublish” on each page."
        ),
    )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
    )
