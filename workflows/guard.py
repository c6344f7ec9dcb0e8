"""The publication guard: no guarded page goes live unless its exact revision was cleared.

A revision is cleared by a finished workflow (``publish_approved``, Wagtail's finish action) or by
an emergency publication (``workflows.services``), both through :func:`clear_bundle`, which scans
the revision and the translations going live with it first. Every publish path ends in
``Page.save()`` with a new live revision, and ``RestrictedInfoMixin.save`` calls
:func:`assert_publishable` there, so the rule holds for the Publish button, history, scheduled
publishing, bulk actions, copies, translation sync, the API and management commands alike. At
that moment the revision and the translations going live with it are scanned again against the
current stop-list.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field
from threading import Lock

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.models import Page, Revision

from agency.dates import local_moment

from .answers import answer, known, remember, same_answers
from .languages import (
    companions,
    language_code,
    language_name,
    missing_translations,
    required_locales,
    source_not_live_message,
    translation_codes,
    unpublished_source,
)
from .records import Clearance, EmergencyPublication, Waiver
from .restricted import BLOCK, Finding
from .scanning import current_allow_list, current_stop_list, scan_object

logger = logging.getLogger(__name__)


# The latest refusal in the current request; see ``workflows.middleware``.
latest_refusal: ContextVar[PublicationBlocked | None] = ContextVar(
    "workflows_latest_refusal", default=None
)


class PublicationBlocked(PermissionDenied):
    """Raised when a page would go live without clearance, translations, or with blocking findings.

    ``shown`` is set once the message has been put in front of the user.
    """

    def __init__(self, message: str, *, page: Page | None = None, findings: list[Finding] = ()):
        super().__init__(message)
        self.message = message
        self.page = page
        self.findings = list(findings)
        self.shown = False
        latest_refusal.set(self)

    def __str__(self):
        return str(self.message)


# What a page row or revision holds besides what readers see: its place in the tree, its state,
# owner, lock, schedule and the editors' comments. Everything else is public content.
BOOKKEEPING_FIELDS = frozenset(
    {
        "pk",
        "path",
        "depth",
        "numchild",
        "url_path",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "owner",
        "locked",
        "locked_at",
        "locked_by",
        "expired",
        "go_live_at",
        "expire_at",
        "content_type",
        "translation_key",
        "locale",
        "alias_of",
        "wagtail_admin_comments",
        "comments",
    }
)


def public_content(data: dict) -> dict:
    """The part of serialised page data (``Revision.content``) that readers see, as stored JSON.

    The JSON round trip makes a revision just saved (dates, decimals and stream values still as
    Python objects) compare equal to the same content read back from the database, and a stream
    compares by its blocks, not by how its JSON was written.
    """
    public = {key: value for key, value in data.items() if key not in BOOKKEEPING_FIELDS}
    return _canonical(json.loads(json.dumps(public, cls=DjangoJSONEncoder)))


def _canonical(value):
    """``value`` with JSON held in strings (stream fields) parsed, so key order cannot matter:
    PostgreSQL's ``jsonb`` stores a page row's stream with its keys in another order."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def equivalent_clearance(page, revision: Revision):
    """A full-review clearance of another revision of ``page`` with the same public content.

    Restoring an approved version from the page history saves it as a new revision; that one
    may go live as approved only when nothing readers see differs from the approved version.
    """
    content = public_content(revision.content)
    candidates = (
        Clearance.objects.filter(
            kind=Clearance.Kind.REVIEW,
            revision__base_content_type=page.get_base_content_type(),
            revision__object_id=str(page.pk),
        )
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-revision__created_at")
    )
    for clearance in candidates:
        if public_content(clearance.revision.content) == content:
            return clearance
    return None


def has_own_clearance(revision: Revision) -> bool:
    """Whether ``revision`` itself was cleared (not only one with the same content).

    Inside ``same_answers`` a clearance found or granted is remembered (it is never withdrawn
    while the approval runs); its absence is asked again each time.
    """
    key = ("cleared", revision.pk)
    if known(key):
        return True
    exists = Clearance.objects.filter(revision=revision).exists()
    if exists:
        remember(key)
    return exists


def is_cleared(page, revision: Revision | None) -> bool:
    if revision is None or str(revision.object_id) != str(page.pk):
        return False
    return has_own_clearance(revision) or equivalent_clearance(page, revision) is not None


def latest_cleared_revision(page) -> Revision | None:
    clearance = (
        Clearance.objects.filter(
            revision__base_content_type=page.get_base_content_type(),
            revision__object_id=str(page.pk),
        )
        .select_related("revision")
        .order_by("-revision__created_at", "-pk")
        .first()
    )
    return clearance.revision if clearance else None


@dataclass
class BundleScan:
    """The findings of every revision that would go live together."""

    revisions: list[Revision]
    findings: list[Finding] = field(default_factory=list)
    waived: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == BLOCK]

    def as_dict(self) -> dict:
        return {
            "revisions": [r.pk for r in self.revisions],
            "findings": [f.as_dict() for f in self.findings],
            "waived": [f.as_dict() for f in self.waived],
        }


_SCAN_CACHE: OrderedDict = OrderedDict()
_SCAN_CACHE_LOCK = Lock()
_SCAN_CACHE_SIZE = 256


def clear_scan_cache() -> None:
    """Forget memoised scan results (tests, and after bulk data changes)."""
    with _SCAN_CACHE_LOCK:
        _SCAN_CACHE.clear()


def scan_revision_cached(revision: Revision) -> list[Finding]:
    """Findings of ``revision`` (which never changes) against the current lists, memoised."""
    stop_list = answer("stop_list", current_stop_list)
    allow_list = answer("allow_list", current_allow_list)
    # The stop-list itself (not its id(), which a later list may reuse) and the revision's
    # creation time (its pk may be reused, e.g. by SQLite after a rollback) keep entries exact.
    key = (revision.pk, revision.created_at, stop_list, allow_list)
    with _SCAN_CACHE_LOCK:
        if key in _SCAN_CACHE:
            _SCAN_CACHE.move_to_end(key)
            return _SCAN_CACHE[key]
    report = scan_object(revision.as_object(), stop_list=stop_list, allow_list=allow_list)
    with _SCAN_CACHE_LOCK:
        _SCAN_CACHE[key] = report.findings
        while len(_SCAN_CACHE) > _SCAN_CACHE_SIZE:
            _SCAN_CACHE.popitem(last=False)
    return report.findings


def scan_revisions(revisions: list[Revision]) -> BundleScan:
    """Scan each revision; findings carry a ``<language>:`` prefix on the field, waivers apply."""
    page_ids = [int(r.object_id) for r in revisions]
    waived = set(Waiver.objects.filter(page_id__in=page_ids).values_list("page_id", "fingerprint"))
    codes = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "locale__language_code"))
    result = BundleScan(revisions=list(revisions))
    for revision in revisions:
        code = codes[int(revision.object_id)]
        for finding in scan_revision_cached(revision):
            finding = finding.with_field(f"{code}:{finding.field}")
            if (int(revision.object_id), finding.fingerprint) in waived:
                result.waived.append(finding)
            else:
                result.findings.append(finding)
    return result


def bundle_revisions(page, revision: Revision) -> list[Revision]:
    """``revision`` and the latest revisions of the translations that would go live with it."""
    revisions = [revision]
    for companion in companions(page):
        latest = companion.get_latest_revision()
        if latest is not None:
            revisions.append(latest)
    return revisions


def scan_bundle(page, revision: Revision) -> BundleScan:
    """What the restricted-information check reports for ``revision`` and its companions."""
    return scan_revisions(bundle_revisions(page, revision))


def blocked_message(findings: list[Finding]) -> str:
    lines = [f"{finding.field}: {finding.excerpt} ({finding.category})" for finding in findings[:5]]
    more = len(findings) - len(lines)
    text = gettext("Restricted information blocks publication: %(findings)s") % {
        "findings": "; ".join(lines)
    }
    if more > 0:
        text += " " + gettext("and %(count)d more.") % {"count": more}
    return text


def check_publishable(page, revision: Revision | None) -> list[Revision]:
    """Raise :class:`PublicationBlocked` unless ``revision`` of ``page`` may go live now.

    Returns the revisions of the translations that must go live together with it.
    """
    title = page.get_admin_display_title()
    if not is_cleared(page, revision):
        raise PublicationBlocked(
            gettext(
                "“%(title)s” cannot be published: this version has not passed moderation. "
                "Submit it for moderation instead."
            )
            % {"title": title},
            page=page,
        )
    source = unpublished_source(page)
    if source is not None:
        raise PublicationBlocked(source_not_live_message(page, source), page=page)
    companion_revisions = []
    live_codes = {language_code(page)} | translation_codes(page, live=True)
    for companion in companions(page):
        cleared = latest_cleared_revision(companion)
        if cleared is not None:
            companion_revisions.append(cleared)
            live_codes.add(language_code(companion))
    missing = [language_name(code) for code in required_locales() if code not in live_codes]
    if missing:
        raise PublicationBlocked(
            gettext("“%(title)s” cannot go live without its approved translations: %(languages)s.")
            % {"title": title, "languages": ", ".join(missing)},
            page=page,
        )
    scan = scan_revisions([revision, *companion_revisions])
    if scan.blocking:
        raise PublicationBlocked(blocked_message(scan.blocking), page=page, findings=scan.blocking)
    return companion_revisions


def assert_publishable(page, revision: Revision | None) -> None:
    """The model-level guard, called when a guarded page is saved with a new live revision.

    A restored approved version goes live with a clearance of its own that points to the
    review which approved its content, so the record shows why each live revision is live.
    """
    try:
        check_publishable(page, revision)
    except PublicationBlocked as blocked:
        logger.warning(
            "Publication blocked: page=%s revision=%s: %s",
            page.pk,
            getattr(revision, "pk", None),
            blocked.message,
        )
        raise
    if not has_own_clearance(revision):
        approved = equivalent_clearance(page, revision)
        Clearance.objects.create(
            revision=revision,
            kind=approved.kind,
            workflow_state=approved.workflow_state,
            granted_by=approved.granted_by,
            reason=gettext("Same content as the version of %(date)s that passed moderation.")
            % {"date": local_moment(approved.revision.created_at)},
            report=approved.report,
        )


def assert_live_content_publishable(page, data: dict) -> None:
    """Refuse to write ``data`` (serialised page content) into the row of live ``page`` unless a
    cleared revision of the page has the same public content.

    A partial ``save(update_fields=...)`` of a live page bypasses revisions: what it writes is
    public at once, so it is held to the rule of every publication.
    """
    content = public_content(data)
    revisions = Revision.objects.filter(
        base_content_type=page.get_base_content_type(),
        object_id=str(page.pk),
        clearances__isnull=False,
    ).distinct()
    for revision in revisions.order_by("-created_at").iterator():
        if public_content(revision.content) == content:
            return
    findings = scan_object(page).blocking()
    message = gettext(
        "“%(title)s” is live: changes to what readers see go live only through moderation. "
        "Save a draft and submit it instead."
    ) % {"title": page.get_admin_display_title()}
    if findings:
        message += " " + blocked_message(findings)
    logger.warning("Change of live page %s without moderation refused.", page.pk)
    raise PublicationBlocked(message, page=page, findings=findings)


def assert_alias_publishable(alias) -> None:
    """An alias shows its source page's live content: it may be live only while that is cleared."""
    source = (
        Page.objects.filter(pk=alias.alias_of_id).values_list("live", "live_revision_id").first()
    )
    if (
        source is None
        or not source[0]
        or not Clearance.objects.filter(revision_id=source[1]).exists()
    ):
        raise PublicationBlocked(
            gettext(
                "“%(title)s” cannot be published: it is an alias of a page whose live version "
                "has not passed moderation."
            )
            % {"title": alias.get_admin_display_title()},
            page=alias if alias.pk else None,
        )


def publish_companions(page, user=None) -> None:
    """Publish the cleared translations that go live together with ``page``."""
    for companion in companions(page):
        cleared = latest_cleared_revision(companion)
        if cleared is not None:
            cleared.publish(user=user, skip_permission_checks=True)


def clear_bundle(
    page, revision: Revision, *, kind: str, user=None, workflow_state=None, reason: str = ""
) -> BundleScan:
    """Scan ``revision`` of ``page`` and the translations that go live with it, then clear them.

    Raises :class:`PublicationBlocked`, clearing nothing, when a required language has no
    version or a finding blocks publication: neither a review nor an emergency skips the scan.
    Inside ``same_answers`` the clearances are remembered, so the guard that publishes them
    next does not ask for them again.
    """
    missing = missing_translations(page)
    if missing:
        raise PublicationBlocked(
            gettext("Translations are missing: %(languages)s.") % {"languages": ", ".join(missing)},
            page=page,
        )
    scan = scan_bundle(page, revision)
    if scan.blocking:
        raise PublicationBlocked(blocked_message(scan.blocking), page=page, findings=scan.blocking)
    report = scan.as_dict()
    Clearance.objects.bulk_create(
        Clearance(
            revision=cleared,
            kind=kind,
            workflow_state=workflow_state,
            granted_by=user,
            reason=reason,
            report=report,
        )
        for cleared in scan.revisions
    )
    for cleared in scan.revisions:
        remember(("cleared", cleared.pk))
    return scan


@transaction.atomic
def publish_approved(workflow_state, user=None):
    """Wagtail's finish action: clear the approved revision and its translations, then publish.

    Everything runs in one transaction, so a blocking finding found now (for example a term
    added to the stop-list during the review) undoes the approval instead of publishing.
    """
    with same_answers():
        _publish_approved(workflow_state, user)


def _publish_approved(workflow_state, user):
    page = workflow_state.content_object.specific
    revision = page.get_latest_revision()
    clear_bundle(
        page, revision, kind=Clearance.Kind.REVIEW, user=user, workflow_state=workflow_state
    )
    revision.publish(user=user, skip_permission_checks=True)
    EmergencyPublication.objects.filter(page_id=page.pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now()
    )
