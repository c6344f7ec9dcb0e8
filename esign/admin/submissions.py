"""Reports → Signed submissions: every signed submission, its signer and its latest verdict.

For those with ``esign.view_signedsubmission`` (the Request and Accreditation officers and the
Heads, through ``workflows.roles``). Each sees the submissions filed as records they may open
(:mod:`esign.targets`); one filed as nothing, only those who may see signers' IINs. The IIN is
shown in full only with ``esign.view_signer_iin``, and then every submission shown is logged
(:mod:`.audit`); others see its last four digits. Filters: the latest verdict, the algorithm,
the time of signing; search by name, BIN, and IIN for those who may see IINs.
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

import django_filters

from agency.admin import (
    ChoiceColumn,
    PlainColumn,
    ServiceIndexView,
    ServiceViewSet,
    as_html,
)
from agency.dates import local_moment

from .. import algorithms, targets
from ..models import SignatureCheck, SignedSubmission
from .audit import log_iins_seen

VIEW = "esign.view_signedsubmission"
VIEW_IIN = "esign.view_signer_iin"
State = SignatureCheck.State
FILED_AS = pgettext_lazy("signed submission", "Filed as")

#: The latest check's verdict, for people: a label on its own, where the model's choices are
#: worded to go inside a sentence.
VERDICTS = {
    State.VALID: pgettext_lazy("signature verdict", "Valid"),
    State.INVALID: pgettext_lazy("signature verdict", "Invalid"),
    State.REVOCATION_UNKNOWN: pgettext_lazy("signature verdict", "Revocation status unknown"),
}

#: The revocation status of a submission's latest check, for people.
REVOCATION = {
    "good": gettext_lazy("Not revoked"),
    "revoked": gettext_lazy("Revoked"),
    "unknown": gettext_lazy("Unknown yet"),
    "": gettext_lazy("Not checked"),
}


def may_see_iins(user) -> bool:
    return bool(user and user.is_active and user.has_perm(VIEW_IIN))


def mask_iin(iin: str) -> str:
    """An IIN with all but its last four digits hidden."""
    return f"{'•' * max(len(iin) - 4, 0)}{iin[-4:]}" if iin else ""


def latest_check(submission: SignedSubmission) -> SignatureCheck | None:
    """The latest check (the list prefetches them, newest first)."""
    checks = submission.checks.all()
    return checks[0] if checks else None


def revocation_status(check: SignatureCheck | None) -> str:
    """``revoked`` if a certificate of either path was, else ``unknown`` if one's status could
    not be had, ``good`` when all were asked and none was, ``""`` when the check stopped
    before asking (the signature itself failed)."""
    if check is None:
        return ""
    states = {item.get("state") for item in [*check.revocation, *check.timestamp_revocation]}
    for state in ("revoked", "unknown", "good"):
        if state in states:
            return state
    return ""


def algorithm_label(submission: SignedSubmission) -> str:
    return algorithms.label(submission.algorithm)


class SubmissionFilterSet(WagtailFilterSet):
    verdict = django_filters.ChoiceFilter(
        label=gettext_lazy("Verdict"),
        choices=list(VERDICTS.items()),
        empty_label=gettext_lazy("Any"),
        field_name="latest_state",
    )
    algorithm = django_filters.ChoiceFilter(
        label=gettext_lazy("Algorithm"),
        choices=list(algorithms.LABELS.items()),
        empty_label=gettext_lazy("Any"),
    )
    signed = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Signed"),
        field_name="signed_at",
        widget=DateRangePickerWidget,
    )

    class Meta:
        model = SignedSubmission
        fields = ["verdict", "algorithm", "signed"]


class SubmissionIndexView(ServiceIndexView):
    def get_base_queryset(self):
        user = self.request.user
        latest = SignatureCheck.objects.filter(submission=OuterRef("pk")).order_by(
            "-checked_at", "-pk"
        )
        queryset = SignedSubmission.objects.defer("document", "cms", "certificate").annotate(
            latest_state=Subquery(latest.values("state")[:1]),
            latest_checked_at=Subquery(latest.values("checked_at")[:1]),
        )
        if not user.is_superuser:
            visible = Q(content_type_id__in=targets.content_types_for(user))
            if may_see_iins(user):
                visible |= ~Q(content_type_id__in=targets.registered())
            queryset = queryset.filter(visible)
        checks = SignatureCheck.objects.only(
            "submission_id", "state", "checked_at", "revocation", "timestamp_revocation"
        )
        return queryset.prefetch_related(Prefetch("checks", queryset=checks))

    def search_queryset(self, queryset):
        query = self.search_query.strip()
        if not query:
            return queryset
        found = Q(name__icontains=query) | Q(name__icontains=query.upper())
        digits = query.replace(" ", "")
        if digits.isdigit():
            found |= Q(bin__startswith=digits)
            if may_see_iins(self.request.user):  # no guessing at IINs one cannot see
                found |= Q(iin__startswith=digits)
        return queryset.filter(found)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, other_pages = super().paginate_queryset(queryset, page_size)
        rows = list(rows)
        self.decorate(rows)
        if may_see_iins(self.request.user):
            log_iins_seen(rows, user=self.request.user, what="signed submissions: list")
        return paginator, page, rows, other_pages

    def decorate(self, rows) -> None:
        targets.describe(rows, self.request.user)
        full = may_see_iins(self.request.user)
        for row in rows:
            row.shown_iin = row.iin if full else mask_iin(row.iin)
            row.latest = latest_check(row)
            row.revocation_status = revocation_status(row.latest)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(queryset)
        self.decorate(rows)
        if may_see_iins(self.request.user):
            log_iins_seen(rows, user=self.request.user, what="signed submissions: export")
        return super().as_spreadsheet(rows, spreadsheet_format)

    def to_row_dict(self, item):
        return {
            "filed_as": str(item.filed_as),
            "name": item.name,
            "iin": item.shown_iin,
            "bin": item.bin,
            "algorithm": algorithm_label(item),
            "signed_at": item.signed_at,
            "verdict": str(VERDICTS.get(item.latest_state, "")),
            "revocation": str(REVOCATION[item.revocation_status]),
            "checked_at": item.latest_checked_at,
        }


class FiledAsColumn(PlainColumn):
    """The record the submission was filed as, linked to its admin page if the user may open it."""

    def cell_html(self, instance) -> str:
        filed_as = instance.filed_as
        if not filed_as.label:
            return f"<td>{as_html(_('Not filed'))}</td>"
        text = as_html(str(filed_as))
        if filed_as.url:
            text = f'<a href="{as_html(filed_as.url)}">{text}</a>'
        return f'<td class="title"><div class="title-wrapper">{text}</div></td>'


class MomentColumn(PlainColumn):
    """A date and time, in Almaty time."""

    def display(self, value, instance):
        return local_moment(value, "SHORT_DATETIME_FORMAT") if value else ""


class SignedSubmissionViewSet(ServiceViewSet):
    """Every signed submission, newest first, in the Reports menu."""

    model = SignedSubmission
    icon = "key"
    menu_label = gettext_lazy("Signed submissions")
    menu_name = "signed-submissions"
    menu_hook = "register_reports_menu_item"
    menu_order = 1050
    view_permission = VIEW
    index_view_class = SubmissionIndexView
    filterset_class = SubmissionFilterSet
    search_fields = ["name"]  # the search also takes an IIN, from those who may see IINs
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        FiledAsColumn("filed_as", label=FILED_AS),
        PlainColumn("name", label=gettext_lazy("Signer")),
        PlainColumn("iin", label=gettext_lazy("IIN"), accessor="shown_iin"),
        PlainColumn("bin", label=gettext_lazy("BIN")),
        PlainColumn("algorithm", label=gettext_lazy("Algorithm"), accessor=algorithm_label),
        MomentColumn("signed_at", label=gettext_lazy("Signed"), sort_key="signed_at"),
        ChoiceColumn("latest_state", label=gettext_lazy("Verdict"), choices=list(VERDICTS.items())),
        ChoiceColumn(
            "revocation_status",
            label=gettext_lazy("Revocation"),
            choices=list(REVOCATION.items()),
        ),
        MomentColumn(
            "latest_checked_at", label=gettext_lazy("Checked"), sort_key="latest_checked_at"
        ),
    ]
    list_export = [
        "filed_as",
        "name",
        "iin",
        "bin",
        "algorithm",
        "signed_at",
        "verdict",
        "revocation",
        "checked_at",
    ]
    export_headings = {
        "filed_as": FILED_AS,
        "name": gettext_lazy("Signer"),
        "iin": gettext_lazy("IIN"),
        "bin": gettext_lazy("BIN"),
        "algorithm": gettext_lazy("Algorithm"),
        "signed_at": gettext_lazy("Signed"),
        "verdict": gettext_lazy("Verdict"),
        "revocation": gettext_lazy("Revocation"),
        "checked_at": gettext_lazy("Checked"),
    }
    export_filename = "signed-submissions"


signed_submission_viewset = SignedSubmissionViewSet("esign_submissions", url_prefix="esign/signed")
