"""A moderated page's state in plain words, for page listings and the editor.

Wagtail's own status ("live + draft", "in moderation") does not say which review step a page
waits for, that reviewers sent it back, that it went live without full review, or that it was
withdrawn. :func:`page_state` does, and ``RestrictedInfoMixin.status_string`` shows it wherever
Wagtail shows a page's status.

Listings must stay cheap. Wagtail's page explorer already prefetches the active workflow states
(``prefetch_workflow_states``) and annotates ``_approved_schedule``; :func:`annotate_page_states`
adds this module's two flags, so a page there costs no query of its own. A page loaded any other
way costs at most two: one for the flags and the approved schedule together, one for its
workflow state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, WorkflowState

from .records import Clearance, EmergencyPublication, Withdrawal

DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
SCHEDULED = "scheduled"
WITHDRAWN = "withdrawn"
EXPIRED = "expired"
PUBLISHED = "published"
PUBLISHED_UNREVIEWED = "published_unreviewed"
LIVE_IN_REVIEW = "live_in_review"
LIVE_CHANGES_REQUESTED = "live_changes_requested"
LIVE_SCHEDULED = "live_scheduled"
LIVE_DRAFT = "live_draft"

LABELS = {
    DRAFT: _("Draft"),
    IN_REVIEW: _("In review: %(task)s"),
    CHANGES_REQUESTED: _("Changes requested"),
    SCHEDULED: _("Approved, scheduled"),
    WITHDRAWN: _("Withdrawn"),
    EXPIRED: _("Expired"),
    PUBLISHED: _("Published"),
    PUBLISHED_UNREVIEWED: _("Published without full review"),
    LIVE_IN_REVIEW: _("Published with changes in review: %(task)s"),
    LIVE_CHANGES_REQUESTED: _("Published, changes requested"),
    LIVE_SCHEDULED: _("Published, new version scheduled"),
    LIVE_DRAFT: _("Published with unpublished changes"),
}

UNREVIEWED_FLAG = "_workflows_unreviewed_emergency"
WITHDRAWN_FLAG = "_workflows_withdrawn"
SCHEDULE_FLAG = "_approved_schedule"  # Wagtail's own annotation name (``approved_schedule``)


@dataclass(frozen=True)
class PageState:
    """What is happening to a page: a stable ``code`` for code and tests, a ``label`` for people."""

    code: str
    task: str = ""

    @property
    def label(self) -> str:
        return str(LABELS[self.code] % {"task": self.task})

    @property
    def live(self) -> bool:
        return self.code.startswith(("published", "live_"))

    def __str__(self):
        return self.label


def flag_expressions() -> dict:
    """Annotations for a page queryset: the two facts that Wagtail does not load itself.

    ``_workflows_unreviewed_emergency``: the page was published in an emergency and its follow-up
    review has not finished, or its live revision went live only by an emergency clearance (a
    translation published together with an emergency publication).
    ``_workflows_withdrawn``: an active withdrawal exists for the page.
    """
    live_clearances = Clearance.objects.filter(revision_id=OuterRef("live_revision_id"))
    unreviewed = Exists(
        EmergencyPublication.objects.filter(page_id=OuterRef("pk"), reviewed_at__isnull=True)
    ) | (
        Exists(live_clearances.filter(kind=Clearance.Kind.EMERGENCY))
        & ~Exists(live_clearances.filter(kind=Clearance.Kind.REVIEW))
    )
    return {
        UNREVIEWED_FLAG: ExpressionWrapper(unreviewed, output_field=BooleanField()),
        WITHDRAWN_FLAG: Exists(Withdrawal.objects.filter(page_id=OuterRef("pk"), active=True)),
    }


def annotate_page_states(queryset):
    """``queryset`` with what :func:`page_state` needs beyond Wagtail's listing annotations."""
    return queryset.annotate(**flag_expressions())


def _flags(page) -> tuple[bool, bool, bool]:
    """(unreviewed emergency, withdrawn, approved schedule) from annotations, else one query."""
    if hasattr(page, UNREVIEWED_FLAG) and hasattr(page, WITHDRAWN_FLAG):
        return (
            bool(getattr(page, UNREVIEWED_FLAG)),
            bool(getattr(page, WITHDRAWN_FLAG)),
            bool(page.approved_schedule),
        )
    queryset = Page.objects.filter(pk=page.pk).annotate(**flag_expressions())
    fields = [UNREVIEWED_FLAG, WITHDRAWN_FLAG]
    if not hasattr(page, SCHEDULE_FLAG):
        queryset = queryset.annotate_approved_schedule()
        fields.append(SCHEDULE_FLAG)
    row = queryset.values(*fields).first() or {}
    schedule = row.get(SCHEDULE_FLAG, getattr(page, SCHEDULE_FLAG, False))
    return bool(row.get(UNREVIEWED_FLAG)), bool(row.get(WITHDRAWN_FLAG)), bool(schedule)


def _task_name(workflow_state) -> str:
    task_state = workflow_state.current_task_state
    return task_state.task.name if task_state is not None else ""


def page_state(page) -> PageState:
    """The state of ``page`` (a moderated page, or any page) in plain words.

    In order: an emergency publication waiting for its follow-up review; a workflow in progress
    or sent back; an approved version waiting for its publication time; then for pages not live,
    withdrawn, expired or draft; for live pages, unpublished changes or plain "Published".
    A withdrawn page that is back in review shows the review: that is what happens to it now.
    """
    if page.pk is None:
        return PageState(DRAFT)
    unreviewed, withdrawn, scheduled = _flags(page)
    if page.live and unreviewed:
        return PageState(PUBLISHED_UNREVIEWED)
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            code = LIVE_IN_REVIEW if page.live else IN_REVIEW
            return PageState(code, task=_task_name(workflow_state))
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return PageState(LIVE_CHANGES_REQUESTED if page.live else CHANGES_REQUESTED)
    if scheduled:
        return PageState(LIVE_SCHEDULED if page.live else SCHEDULED)
    if page.live:
        return PageState(LIVE_DRAFT if page.has_unpublished_changes else PUBLISHED)
    if withdrawn:
        return PageState(WITHDRAWN)
    if page.expired:
        return PageState(EXPIRED)
    return PageState(DRAFT)
