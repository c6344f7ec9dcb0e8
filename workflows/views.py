"""Admin screens of the review: findings and waivers, check reports, emergency publication.

Each screen checks who may use it and answers 403 with an explanation otherwise (Wagtail's own
handling of ``PermissionDenied`` in the admin is a redirect to the dashboard, which hides the
reason). The work itself is done by ``workflows.services``, which checks again and writes the
audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from agency.admin import forbidden

from .forms import EmergencyPublishForm, WaiverForm
from .guard import PublicationBlocked, bundle_revisions, scan_bundle
from .languages import language_name, missing_translations
from .mixins import is_guarded
from .models import RestrictedInformationCheckTaskState
from .panels import FindingRow, finding_from_dict, finding_rows
from .services import can_emergency_publish, can_waive, emergency_publish, waive
from .status import page_state


def can_review(user, page) -> bool:
    """May ``user`` see the findings, check reports and review history of ``page``?

    Those who may edit or publish the page (editing includes the members of the group whose
    review task the page is waiting for) and legal reviewers, who waive findings on any page.
    """
    if not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish() or can_waive(user)


def _page_or_404(page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_guarded(page):
        raise Http404("Not a moderated page")
    return page


class PageReviewMixin(WagtailAdminTemplateMixin):
    """A review screen about one moderated page, with breadcrumbs back to its editor."""

    header_icon = "warning"
    page = None

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            state=page_state(self.page),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context


@dataclass
class FindingGroup:
    """Every place one finding occurs in one language version: it is waived once for all."""

    key: str
    rows: list[FindingRow] = field(default_factory=list)
    form: WaiverForm | None = None

    @property
    def first(self) -> FindingRow:
        return self.rows[0]


def group_rows(rows: list[FindingRow]) -> list[FindingGroup]:
    groups: dict[tuple[str, bool], FindingGroup] = {}
    for row in rows:
        group = groups.setdefault((row.key, row.waived), FindingGroup(key=row.key))
        group.rows.append(row)
    return list(groups.values())


class FindingsView(PageReviewMixin, TemplateView):
    """The findings of the latest version of a page; legal reviewers waive them one by one."""

    template_name = "workflows/admin/findings.html"
    page_title = _("Restricted information")

    def dispatch(self, request, page_id):
        self.page = _page_or_404(page_id)
        if not can_review(request.user, self.page):
            return forbidden(request, gettext("You may not see the review of this page."))
        return super().dispatch(request, page_id)

    def get_groups(self) -> list[FindingGroup]:
        revision = self.page.get_latest_revision()
        if revision is None:
            return []
        scan = scan_bundle(self.page, revision)
        rows = finding_rows(
            scan.findings, waived=scan.waived, revisions=scan.revisions, model=type(self.page)
        )
        groups = group_rows(rows)
        if can_waive(self.request.user):
            for number, group in enumerate(groups):
                if not group.first.waived:
                    group.form = WaiverForm(
                        initial={"finding": group.key}, auto_id=f"id_%s_{number}"
                    )
        return groups

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = kwargs.get("groups")
        if groups is None:
            groups = self.get_groups()
        context.update(
            groups=groups,
            open_groups=[g for g in groups if not g.first.waived],
            waived_groups=[g for g in groups if g.first.waived],
            checked=self.page.get_latest_revision() is not None,
            can_waive=can_waive(self.request.user),
        )
        return context

    def post(self, request, page_id):
        if not can_waive(request.user):
            return forbidden(request, gettext("Only legal reviewers may waive findings."))
        groups = self.get_groups()
        key = request.POST.get("finding", "")
        group = next((g for g in groups if g.key == key and g.form is not None), None)
        if group is None or group.first.page_id is None:
            messages.error(
                request,
                gettext(
                    "This finding is no longer in the latest version of the page; "
                    "nothing was waived."
                ),
            )
            return redirect(request.path)
        form = WaiverForm(request.POST, auto_id=group.form.auto_id)
        group.form = form
        if form.is_valid():
            target = Page.objects.get(pk=group.first.page_id).specific
            try:
                waive(
                    target,
                    group.first.finding,
                    user=request.user,
                    justification=form.cleaned_data["justification"],
                )
            except ValidationError as error:
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            except PermissionDenied as denied:
                return forbidden(request, str(denied))
            else:
                messages.success(
                    request,
                    gettext("Waived: %(category)s “%(excerpt)s” in the %(language)s version.")
                    % {
                        "category": group.first.category_label,
                        "excerpt": group.first.finding.excerpt,
                        "language": group.first.language_name,
                    },
                )
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(groups=groups))


class CheckReportView(PageReviewMixin, TemplateView):
    """What one restricted-information check found, as it was stored when it ran."""

    template_name = "workflows/admin/check_report.html"
    page_title = _("Check report")

    def dispatch(self, request, task_state_id):
        self.task_state = get_object_or_404(
            RestrictedInformationCheckTaskState.objects.select_related(
                "workflow_state", "revision", "revision__user", "task"
            ),
            pk=task_state_id,
        )
        page = self.task_state.workflow_state.content_object
        if page is None:
            raise Http404("The page no longer exists")
        self.page = page.specific
        if not can_review(request.user, self.page):
            return forbidden(request, gettext("You may not see the review of this page."))
        return super().dispatch(request, task_state_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.task_state.report or {}
        revision_ids = [pk for pk in report.get("revisions", []) if isinstance(pk, int)]
        from wagtail.models import Revision

        object_ids = Revision.objects.filter(pk__in=revision_ids).values_list(
            "object_id", flat=True
        )
        language_pages = {
            code: pk
            for pk, code in Page.objects.filter(pk__in=[int(pk) for pk in object_ids]).values_list(
                "pk", "locale__language_code"
            )
        }
        rows = finding_rows(
            [finding_from_dict(d) for d in report.get("findings", [])],
            waived=[finding_from_dict(d) for d in report.get("waived", [])],
            language_pages=language_pages,
            model=type(self.page),
        )
        context.update(
            task_state=self.task_state,
            rows=rows,
            languages=[language_name(code) for code in sorted(language_pages)],
            blocking_count=sum(1 for row in rows if row.blocking and not row.waived),
        )
        return context


class EmergencyPublishView(PageReviewMixin, FormView):
    """Publish the latest saved version now, with a reason; the review follows afterwards."""

    template_name = "workflows/admin/emergency_publish.html"
    form_class = EmergencyPublishForm
    page_title = _("Emergency publication")
    blocked: PublicationBlocked | None = None

    def dispatch(self, request, page_id):
        self.page = _page_or_404(page_id)
        if not can_emergency_publish(request.user, self.page):
            return forbidden(
                request,
                gettext(
                    "Only press secretaries who may publish this page can publish it "
                    "in an emergency."
                ),
            )
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revision = self.page.get_latest_revision()
        context["revision"] = revision
        context["missing"] = missing_translations(self.page)
        revisions = bundle_revisions(self.page, revision) if revision else []
        findings = []
        if self.blocked is not None:
            context["blocked_message"] = self.blocked.message
            findings = self.blocked.findings
        if not findings and revision is not None:
            findings = scan_bundle(self.page, revision).blocking
        context["blocking_rows"] = finding_rows(
            findings, revisions=revisions, model=type(self.page)
        )
        context["findings_url"] = reverse("workflows_review:findings", args=[self.page.pk])
        return context

    def form_valid(self, form):
        if self.page.get_latest_revision() is None:
            form.add_error(None, gettext("Save a draft of the page first."))
            return self.form_invalid(form)
        try:
            emergency_publish(self.page, user=self.request.user, reason=form.cleaned_data["reason"])
        except PublicationBlocked as blocked:
            self.blocked = blocked
            return self.render_to_response(self.get_context_data(form=form))
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
            return self.form_invalid(form)
        except PermissionDenied as denied:
            return forbidden(self.request, str(denied))
        messages.success(
            self.request,
            gettext(
                "“%(title)s” is published without full review. Its review has started again "
                "as the follow-up review."
            )
            % {"title": self.page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
