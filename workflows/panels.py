"""The "Review" tab of moderated pages: restricted-information findings and review history.

Editors see what the automatic check would report for the version they are editing before they
submit it, with each finding linked to the field it is in, so they can fix it instead of waiting
for the check to send the page back. The same presentation of findings is used by the waiver,
report and emergency-publication views (``workflows.views``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry, WorkflowState

from .guard import scan_bundle
from .languages import language_name
from .models import RestrictedInformationCheckTaskState
from .records import Waiver
from .restricted import BLOCK, Finding
from .services import can_waive
from .status import page_state

CATEGORY_LABELS = {
    "iin": _("Personal identification number (ИИН)"),
    "bin": _("Business identification number (БИН)"),
    "phone": _("Personal phone number"),
    "email": _("Personal e-mail address"),
    "id_document": _("Passport or ID card number"),
    "iban": _("Bank account number (IBAN)"),
    "payment_card": _("Payment card number"),
    "secrecy_marking": _("Secrecy marking"),
    "minor": _("A child named together with a crime or an offence"),
    "stop_list": _("Term on the stop-list"),
    "birth_date": _("Date of birth next to a name"),
    "vehicle_plate": _("Vehicle registration plate"),
    "secret_vocabulary": _("Words about a protected secret"),
    "document_unreadable": _("Document that could not be checked automatically"),
}
SEVERITY_LABELS = {
    BLOCK: _("Blocks publication"),
    "warn": _("Warning"),
}

_PATH = re.compile(r"^(?P<name>[A-Za-z_]\w*)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>[A-Za-z_]\w*))?")


def category_label(category: str) -> str:
    return str(CATEGORY_LABELS.get(category, category))


def severity_label(severity: str) -> str:
    return str(SEVERITY_LABELS.get(severity, severity))


@dataclass
class FindingRow:
    """One finding as reviewers see it: where it is, in which language version, and its waiver.

    ``key`` (``"<language>:<fingerprint>"``) names the finding in forms; the waiver attaches to
    the page of that language (``page_id``).
    """

    finding: Finding
    language: str
    path: str
    page_id: int | None = None
    waived: bool = False
    waiver: object | None = None
    own_language: bool = False
    location: str = ""
    field_name: str = ""
    target: str = ""  # "field", "stream" or "inline": how the editor script finds the field
    index: int | None = None
    block_id: str = ""
    subfield: str = ""
    tab: str = ""

    @property
    def key(self) -> str:
        return f"{self.language}:{self.finding.fingerprint}"

    @property
    def anchor(self) -> str:
        return f"finding-{self.language}-{self.finding.fingerprint}"

    @property
    def blocking(self) -> bool:
        return self.finding.severity == BLOCK

    @property
    def category_label(self) -> str:
        return category_label(self.finding.category)

    @property
    def severity_label(self) -> str:
        return severity_label(self.finding.severity)

    @property
    def language_name(self) -> str:
        return language_name(self.language) if self.language else ""

    @property
    def marker_text(self) -> str:
        return gettext("Restricted information: %(severity)s, %(category)s") % {
            "severity": self.severity_label,
            "category": self.category_label,
        }

    @property
    def edit_url(self) -> str:
        """The editor of the language version the finding is in (for other languages)."""
        return reverse("wagtailadmin_pages:edit", args=[self.page_id]) if self.page_id else ""


def split_field(field: str) -> tuple[str, str]:
    """``"ru:body[3].text"`` -> ``("ru", "body[3].text")``; no prefix -> ``("", field)``."""
    language, sep, path = field.partition(":")
    if sep and re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]+)?", language):
        return language, path
    return "", field


def _model_field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(model, name: str) -> str:
    field = _model_field(model, name)
    if field is None:
        return name
    label = getattr(field, "verbose_name", None)
    if label is None and getattr(field, "related_model", None) is not None:
        label = field.related_model._meta.verbose_name_plural
    return capfirst(str(label or name))


def _is_stream(model, name: str) -> bool:
    return isinstance(_model_field(model, name), StreamField)


@cache
def _field_tabs(model) -> dict[str, str]:
    """Which editor tab (its identifier, e.g. ``content``) holds each field or child formset."""
    tabs = {}
    if model is None or not hasattr(model, "get_edit_handler"):
        return tabs
    handler = model.get_edit_handler()
    for tab, identifier in zip(handler.children, handler.child_identifiers, strict=False):
        options = tab.get_form_options()
        for name in [*options.get("fields", []), *options.get("formsets", {})]:
            tabs.setdefault(name, identifier)
    return tabs


def _location(model, name: str, index: int | None, sub: str, stream: bool) -> str:
    label = _field_label(model, name)
    if index is None:
        return label
    if stream:
        return gettext("%(field)s, block %(number)d") % {"field": label, "number": index + 1}
    return gettext("%(field)s, item %(number)d") % {"field": label, "number": index + 1}


def _block_id(obj, name: str, index: int) -> str:
    stream = getattr(obj, name, None)
    try:
        return str(stream[index].id or "")
    except (IndexError, TypeError, AttributeError, KeyError):
        return ""


def finding_rows(
    findings,
    *,
    waived=(),
    page=None,
    revisions=(),
    language_pages: dict[str, int] | None = None,
    model=None,
) -> list[FindingRow]:
    """Rows for ``findings`` (and ``waived`` findings), most serious first, in page order.

    ``page`` is the page (object) being edited: findings in its language get what the editor
    script needs to mark the field. ``revisions`` (those of a ``BundleScan``) or
    ``language_pages`` map each language to the page the finding was found on. ``model`` (the
    page class; by default ``page``'s) names the fields.
    """
    model = model or (type(page) if page is not None else None)
    own = page.locale.language_code if page is not None and page.locale_id else ""
    pages = dict(language_pages or {})
    for revision in revisions:
        pages.setdefault(revision.content_object.locale.language_code, int(revision.object_id))
    tabs = _field_tabs(model) if page is not None else {}
    rows = []
    for finding, is_waived in [*((f, False) for f in findings), *((f, True) for f in waived)]:
        language, path = split_field(finding.field)
        row = FindingRow(
            finding=finding,
            language=language,
            path=path,
            page_id=pages.get(language),
            waived=is_waived,
            own_language=bool(own) and language in ("", own),
        )
        match = _PATH.match(path)
        if match:
            name, sub = match["name"], match["sub"] or ""
            index = int(match["index"]) if match["index"] is not None else None
            stream = _is_stream(model, name)
            row.location = _location(model, name, index, sub, stream)
            row.field_name = name
            row.index = index
            row.subfield = sub
            row.tab = tabs.get(name, "")
            if index is None:
                row.target = "field"
            elif stream:
                row.target = "stream"
                if row.own_language and page is not None:
                    row.block_id = _block_id(page, name, index)
            else:
                row.target = "inline"
        else:
            row.location = path
        rows.append(row)

    waived_rows = [row for row in rows if row.waived and row.page_id]
    if waived_rows:
        condition = Q()
        for row in waived_rows:
            condition |= Q(page_id=row.page_id, fingerprint=row.finding.fingerprint)
        waivers = {
            (w.page_id, w.fingerprint): w
            for w in Waiver.objects.filter(condition).select_related("waived_by")
        }
        for row in waived_rows:
            row.waiver = waivers.get((row.page_id, row.finding.fingerprint))
    rows.sort(key=lambda row: (row.waived, not row.blocking))
    return rows


def finding_from_dict(data: dict) -> Finding:
    """A :class:`Finding` from its stored form (``Finding.as_dict``), tolerating extra keys."""
    names = Finding.__dataclass_fields__
    return Finding(**{key: value for key, value in data.items() if key in names})


class RestrictedInformationPanel(Panel):
    """What the restricted-information check finds in the latest saved version of the page.

    It scans the same bundle as the check (the page and its required translations that are not
    live yet), so the editor sees the check's result before submitting.
    """

    clean_name = "restricted_information"

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Restricted information"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflows/admin/panels/restricted_information.html"

        class Media:
            css = {"all": ["workflows/review.css"]}
            js = ["workflows/restricted_findings.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            revision = page.get_latest_revision() if page.pk else None
            context.update(page=page, checked=revision is not None, rows=[], state=None)
            if revision is None:
                return context
            scan = scan_bundle(page, revision)
            context.update(
                state=page_state(page),
                revision=revision,
                rows=finding_rows(
                    scan.findings, waived=scan.waived, page=page, revisions=scan.revisions
                ),
                blocking_count=len(scan.blocking),
                warning_count=len(scan.findings) - len(scan.blocking),
                languages=[r.content_object.locale.get_display_name() for r in scan.revisions],
                can_waive=can_waive(self.request.user),
                findings_url=reverse("workflows_review:findings", args=[page.pk]),
            )
            return context


class ReviewHistoryPanel(Panel):
    """Who did what in the page's review, newest first, with links to the check reports."""

    LIMIT = 50

    clean_name = "review_history"

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Review history"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflows/admin/panels/review_history.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["entries"] = review_history(page, limit=self.panel.LIMIT + 1) if page.pk else []
            context["more"] = len(context["entries"]) > self.panel.LIMIT
            context["entries"] = context["entries"][: self.panel.LIMIT]
            if page.pk:
                context["history_url"] = reverse("wagtailadmin_pages:history", args=[page.pk])
            return context


REVIEW_ACTIONS = (
    Q(action__startswith="wagtail.workflow.")
    | Q(action__startswith="workflows.")
    | Q(action__in=["wagtail.publish", "wagtail.unpublish"])
)
# Decisions that an automatic task logs without a user; the history names the task instead.
AUTOMATIC_DECISIONS = frozenset({"wagtail.workflow.approve", "wagtail.workflow.reject"})


@dataclass
class HistoryEntry:
    """One step of a page's review, ready for display."""

    timestamp: object
    user: str
    action: str
    label: str
    message: str
    comment: str
    report_url: str = ""


def review_history(page, *, limit: int = 50) -> list[HistoryEntry]:
    """The review steps of ``page``: workflow transitions, check results, waivers, emergency
    publications, withdrawals, publishing and unpublishing; newest first.

    Wagtail logs a workflow's start only after its first task ran, so an automatic check's
    result would be listed before the start; a start is placed at its workflow's creation time.
    """
    entries = list(
        PageLogEntry.objects.filter(page_id=page.pk)
        .filter(REVIEW_ACTIONS)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    workflow_states = WorkflowState.objects.for_instance(page)
    started = sorted(workflow_states.values_list("created_at", flat=True))
    check_states = set(
        RestrictedInformationCheckTaskState.objects.filter(
            workflow_state__in=workflow_states
        ).values_list("pk", flat=True)
    )

    def when(entry):
        if entry.action == "wagtail.workflow.start":
            earlier = [created for created in started if created <= entry.timestamp]
            if earlier:
                return earlier[-1]
        return entry.timestamp

    entries.sort(
        key=lambda entry: (when(entry), entry.action != "wagtail.workflow.start", entry.pk),
        reverse=True,
    )
    result = []
    for entry in entries:
        data = entry.data or {}
        workflow = data.get("workflow") or {}
        task_state_id = workflow.get("task_state_id")
        report_url = ""
        if task_state_id in check_states and entry.action in (
            "wagtail.workflow.approve",
            "wagtail.workflow.reject",
        ):
            report_url = reverse("workflows_review:report", args=[task_state_id])
        label = entry.formatter.label if entry.formatter else entry.action
        user = entry.user_display_name
        if entry.user_id is None and entry.action in AUTOMATIC_DECISIONS:
            user = (workflow.get("task") or {}).get("title") or user
        result.append(
            HistoryEntry(
                timestamp=entry.timestamp,
                user=user,
                action=entry.action,
                label=str(label),
                message=str(entry.message),
                comment=str(entry.comment or data.get("comment") or ""),
                report_url=report_url,
            )
        )
    return result


class NamedObjectList(ObjectList):
    """A tab whose HTML ids come from a fixed name, not from its heading in the active language."""

    def __init__(self, *args, name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "name": self.name}

    @property
    def clean_name(self):
        return self.name or super().clean_name


def review_tab() -> ObjectList:
    return NamedObjectList(
        [RestrictedInformationPanel(), ReviewHistoryPanel()],
        heading=_("Review"),
        name="review",
    )


class ModeratedTabbedInterface(TabbedInterface):
    """The editor of a moderated page type: Wagtail's usual tabs, then the "Review" tab.

    The content, promote and settings tabs are built from the model's ``content_panels``,
    ``promote_panels`` and ``settings_panels`` exactly as Wagtail builds them, so the page
    classes keep declaring their panels the usual way. Use it as ``edit_handler =
    ModeratedTabbedInterface()``.
    """

    def on_model_bound(self):
        if not self.children:
            model = self.model
            tabs = []
            if model.content_panels:
                tabs.append(
                    NamedObjectList(model.content_panels, heading=_("Content"), name="content")
                )
            if model.promote_panels:
                tabs.append(
                    NamedObjectList(model.promote_panels, heading=_("Promote"), name="promote")
                )
            if model.settings_panels:
                tabs.append(
                    NamedObjectList(model.settings_panels, heading=_("Settings"), name="settings")
                )
            self.children = [*tabs, review_tab()]
        super().on_model_bound()
