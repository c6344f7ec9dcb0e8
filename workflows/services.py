"""What reviewers do outside the workflow steps: waive a finding, publish in an emergency,
withdraw a page. Views call these; each one checks permissions and writes the audit log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from wagtail.log_actions import log
from wagtail.models import Site

from .answers import same_answers
from .guard import clear_bundle
from .mixins import is_guarded
from .records import Clearance, EmergencyPublication, Waiver, Withdrawal

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
    return waiver


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
