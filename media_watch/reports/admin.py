"""Media watch → Reports: the monthly report for the first head and the annual report's draft.

* The monthly report (PDF and workbook, in the reader's language) of any past month, picked by
  month, the last full month by default: for the Heads and superusers
  (``media_watch.view_head_reports``).
* "Draft the annual report for YEAR": for those who may draft news items in the Kazakh tree's
  news section and handle the media watch's stories (the press secretaries); it opens the page
  editor on the year's draft.

Others get the admin's 403 page (:func:`agency.admin.forbidden`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from agency.admin import RefusingViewSetMixin
from agency.http import no_store

from . import annual, documents
from .figures import month_figures, previous_month
from .tables import period_label, sections

NAMESPACE = "media_watch_reports"
READ = "media_watch.view_head_reports"
FIRST_YEAR = 2000
#: How many years back the annual draft offers.
ANNUAL_YEARS = 5


def can_read_reports(user) -> bool:
    """The Heads and superusers."""
    return user.is_active and user.has_perm(READ)


def can_open(user) -> bool:
    return can_read_reports(user) or annual.can_draft_annual(user)


def last_full_month(today: datetime.date | None = None) -> datetime.date:
    return previous_month(today or timezone.localdate())


def parse_month(value, today: datetime.date | None = None) -> datetime.date | None:
    """``YYYY-MM`` as the month's first day, if it is a past month; else None."""
    try:
        year, month = (int(part) for part in str(value).split("-"))
        first = datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return None
    if not year >= FIRST_YEAR or first > last_full_month(today):
        return None
    return first


def download_urls(first: datetime.date) -> dict[str, str]:
    return {
        fmt: reverse(f"{NAMESPACE}:monthly", args=[first.year, first.month, fmt])
        for fmt in ("pdf", "xlsx")
    }


class ReportsView(WagtailAdminTemplateMixin, TemplateView):
    """The month picker with the month's figures and downloads, and the annual draft."""

    template_name = "media_watch/reports/index.html"
    page_title = gettext_lazy("Reports for the Heads")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_open(request.user):
            raise PermissionDenied(_("The reports are for the Heads and the press secretaries."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        latest = last_full_month(today)
        context.update(latest=latest, may_read=can_read_reports(user))
        if context["may_read"]:
            asked = self.request.GET.get("month")
            first = parse_month(asked, today) if asked else latest
            if first is None:
                messages.error(self.request, _("Pick a month that has ended."))
                first = latest
            data = month_figures(first)
            context.update(
                month=first,
                period=period_label(data),
                sections=sections(data),
                downloads=download_urls(first),
            )
        if annual.can_draft_annual(user):
            years = list(range(today.year, today.year - ANNUAL_YEARS, -1))
            context.update(
                annual_years=years,
                annual_default=today.year - 1,
                annual_url=reverse(f"{NAMESPACE}:annual"),
            )
        return context


def monthly_report(request, year: int, month: int, fmt: str):
    """The month's report as a PDF or a workbook, in the reader's admin language."""
    if not can_read_reports(request.user):
        raise PermissionDenied(_("The monthly report is for the Heads."))
    first = parse_month(f"{year}-{month}")
    if first is None or fmt not in ("pdf", "xlsx"):
        raise Http404
    data, language = month_figures(first), get_language()
    if fmt == "pdf":
        content, content_type = documents.monthly_pdf(data, language), documents.PDF
    else:
        content, content_type = documents.monthly_xlsx(data, language), documents.XLSX
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(first, fmt)}"'
    return no_store(response)


@require_POST
def draft_annual_view(request):
    """Draft the year's report (or find the draft made before) and open it in the editor."""
    if not annual.can_draft_annual(request.user):
        raise PermissionDenied(_("You may not draft news items in the news section."))
    index = reverse(f"{NAMESPACE}:index")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        messages.error(request, _("Pick a year from the list."))
        return HttpResponseRedirect(index)
    try:
        page, created = annual.draft_annual_report(year, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(index)
    if created:
        messages.success(
            request,
            _("Draft “%(title)s” created. Check it and submit it for moderation.")
            % {"title": page.title},
        )
    else:
        messages.info(request, _("The report for this year is already drafted; it is opened here."))
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class ReportsViewSet(RefusingViewSetMixin, ViewSet):
    """Media watch → Reports."""

    icon = "table"
    menu_label = gettext_lazy("Reports")
    menu_name = "media-watch-reports"
    refusal_message = gettext_lazy("The reports are for the Heads and the press secretaries.")

    @cached_property
    def menu_item_class(self):
        class ReportsMenuItem(MenuItem):
            def is_shown(self, request):
                return can_open(request.user)

        return ReportsMenuItem

    def get_urlpatterns(self):
        return self.refusing(
            [
                path("", ReportsView.as_view(), name="index"),
                path(
                    "<int:year>/<int:month>/report.<str:fmt>",
                    monthly_report,
                    name="monthly",
                ),
                path("annual/", draft_annual_view, name="annual"),
            ]
        )


reports_viewset = ReportsViewSet(NAMESPACE, url_prefix="media-watch/reports")
