"""What reviewers do outside the workflow steps: waive a finding, publish in an emergency,
withdraw a page. Views call these; each one checks permissions and writes the audit log."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Site

from .answers import same_answers
from .guard import PublicationBlocked, check_publishable, clear_bundle
from .mixins import is_guarded
from .records import Clearance, EmergencyPublication, Waiver, Withdrawal

logger = logging.getLogger(__name__)

MIN_REASON_LENGTH = 10


def _require_reason(text: str, field: str) -> str:
    text = (text or "").strip()
    if len(text) < MIN_REASON_LENGTH:
        raise ValidationError(
            {field: gettext("Write at least %(count)d characters.") % {"count": MIN_REASON_LENGTH}}
        )
    return text


def can_waive(user) -> bool:
    return user.is_active and user.has_perm("workflows.add_waiver")


def can_emergency_publish(user, page) -> bool:
    return (
        user.is_active
        and user.has_perm("workflows.emergency_publish")
        and page.permissions_for_user(user).can_publish()
    )


@transaction.atomic
def waive(page, finding, *, user, justification: str) -> Waiver:
    """Record a legal reviewer's waiver of one finding on ``page`` (the page it was found on)."""
    if not can_waive(user):
        raise PermissionDenied(gettext("Only legal reviewers may waive findings."))
    justification = _require_reason(justification, "justification")
    waiver, _created = Waiver.objects.update_or_create(
        page_id=page.pk,
        fingerprint=finding.fingerprint,
        defaults={
            "category": finding.category,
            "rule": finding.rule[:120],
            "excerpt": finding.excerpt[:200],
            "field": finding.field[:255],
            "justification": justification,
            "revision": page.get_latest_revision(),
            "waived_by": user,
        },
    )
    log(
        instance=page,
        action="workflows.waive",
        user=user,
        data={
            "category": finding.category,
            "rule": finding.rule,
            "excerpt": finding.excerpt,
            "field": finding.field,
            "comment": justification,
        },
    )
    resume_cancelled_schedules(page, user=user)
    return waiver


def resume_cancelled_schedules(page, *, user) -> list:
    """Resume the scheduled publications of ``page`` and its translations that the guard
    cancelled, once nothing blocks them any more (typically right after a waiver).

    A schedule is resumed only for the revision it was made for, while that revision is still
    the page's latest one and not live. The revision is published as scheduled: its go-live time
    has passed (the guard cancels a schedule only when it falls due), so it goes live now; a
    time still in the future schedules it again. Every publication passes the guard, and the
    page's history records who resumed it. Returns the revisions resumed.
    """
    pages = Page.objects.filter(translation_key=page.translation_key).specific()
    resumed = []
    for candidate in pages:
        revision = _cancelled_schedule(candidate)
        if revision is None:
            continue
        try:
            with transaction.atomic(), same_answers():
                check_publishable(candidate, revision)
                revision.publish(
                    log_action="wagtail.publish.scheduled", skip_permission_checks=True
                )
        except PublicationBlocked as blocked:
            logger.info("Schedule of page %s stays cancelled: %s", candidate.pk, blocked.message)
            continue
        candidate.refresh_from_db()
        log(
            instance=candidate,
            action="workflows.schedule_resumed",
            user=user,
            revision=revision,
            data={"published": candidate.live_revision_id == revision.pk},
        )
        resumed.append(revision)
    return resumed


def _cancelled_schedule(page):
    """The latest revision of ``page`` if its scheduled publication was cancelled by the guard."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="workflows.publication_blocked")
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    revision = entry.revision if entry else None
    if (
        revision is None
        or not (entry.data or {}).get("scheduled")
        or revision.pk != page.latest_revision_id
        or revision.pk == page.live_revision_id
        or revision.approved_go_live_at is not None
        or not revision.content.get("go_live_at")
    ):
        return None
    return revision


@transaction.atomic
def emergency_publish(page, *, user, reason: str) -> EmergencyPublication:
    """Publish the latest revision of ``page`` (and its required translations) without review.

    Blocking findings still block: only a legal reviewer's waiver lifts them. The page is marked
    as published without full review, and its workflow starts again as the follow-up review.
    """
    page = page.specific
    if not is_guarded(page) or not can_emergency_publish(user, page):
        raise PermissionDenied(gettext("You may not publish this page in an emergency."))
    reason = _require_reason(reason, "reason")
    revision = page.get_latest_revision()
    with same_answers():
        clear_bundle(page, revision, kind=Clearance.Kind.EMERGENCY, user=user, reason=reason)
        if page.current_workflow_state:
            page.current_workflow_state.cancel(user=user)
        revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    publication = EmergencyPublication.objects.create(
        page_id=page.pk, revision=revision, reason=reason, published_by=user
    )
    log(
        instance=page,
        action="workflows.emergency_publish",
        user=user,
        revision=revision,
        data={"comment": reason},
    )
    workflow = page.get_workflow()
    if workflow is not None:
        publication.workflow_state = workflow.start(page, user)
        publication.save(update_fields=["workflow_state"])
    return publication


@transaction.atomic
def withdraw(page, *, user, reason: str, show_notice: bool = False, notice: str = "") -> Withdrawal:
    """Unpublish ``page`` with a recorded reason and, optionally, a public withdrawal notice."""
    page = page.specific
    if not page.permissions_for_user(user).can_unpublish():
        raise PermissionDenied(gettext("You may not withdraw this page."))
    reason = _require_reason(reason, "reason")
    if show_notice:
        notice = _require_reason(notice, "notice")
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    withdrawal = Withdrawal.objects.create(
        page_id=page.pk,
        site=site,
        url_path=page.url_path,
        title=page.title,
        reason=reason,
        show_notice=show_notice,
        notice=notice if show_notice else "",
        withdrawn_by=user,
    )
    log(
        instance=page,
        action="workflows.withdraw",
        user=user,
        data={"comment": reason, "notice": bool(show_notice)},
    )
    if page.live:
        page.unpublish(user=user)
    return withdrawal
