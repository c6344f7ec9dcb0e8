"""Request reports in the admin: the dashboard, the annual summary and their exports.

For everyone with ``citizen_requests.view_reports`` (the Heads and the Request officers). The
figures come from :mod:`citizen_requests.reports` and contain no personal data, so viewing a
report is not a personal-data access. Charts are SVG drawn on the server, each with the same
figures in a table.
"""

from __future__ import annotations

import contextlib

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from agency.admin import RefusingViewSetMixin
from agency.http import no_store

from .. import reports
from ..kinds import RequestKind

NAMESPACE = "citizen_requests_reports"
PERMISSION = "citizen_requests.view_reports"
MIN_YEAR, MAX_YEAR = 1991, 9998
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_view_reports(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class ReportsPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _year(value, years: list[int]) -> int:
    """``value`` as one of ``years``, else the latest (bad input gives the default, not a 500)."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return years[0]
    return year if year in years else years[0]


def _checked_year(year: int) -> int:
    """A year in the URL that a date can hold, else 404 (not a 500 from ``datetime``)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


def _kind(value) -> str:
    return value if value in RequestKind.values else ""


def _case_links(user, cases) -> None:
    """Link each case to the officers' case view, for those who may open it."""
    may_open = user.has_perm("citizen_requests.view_citizenrequest")
    for case in cases:
        case.url = ""
        if may_open:
            with contextlib.suppress(NoReverseMatch):
                case.url = reverse("citizen_requests_cases:case", args=[case.pk])


class ReportView(ReportsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NAMESPACE}:dashboard"), "label": _("Request reports")},
        ]


class DashboardView(ReportView):
    """Counts by kind, status and month, timeliness, and the overdue list."""

    template_name = "citizen_requests/reports/dashboard.html"
    page_title = gettext_lazy("Request reports")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        years = reports.available_years(today)
        year = _year(self.request.GET.get("year"), years)
        kind = _kind(self.request.GET.get("kind"))
        data = reports.figures(reports.received_in(year, kind), today)
        overdue, overdue_total = reports.overdue_cases(today)
        _case_links(self.request.user, overdue)
        query = f"?kind={kind}" if kind else ""
        context.update(
            {
                "years": years,
                "year": year,
                "kinds": RequestKind.choices,
                "kind": kind,
                "figures": data,
                "charts": reports.dashboard_charts(data),
                "overdue": overdue,
                "overdue_total": overdue_total,
                "today": today,
                "csv_url": reverse(f"{NAMESPACE}:register_csv", args=[year]) + query,
                "xlsx_url": reverse(f"{NAMESPACE}:register_xlsx", args=[year]) + query,
                "summary_url": reverse(f"{NAMESPACE}:annual", args=[year]),
            }
        )
        return context


class AnnualSummaryView(ReportView):
    """The year's record and analysis of requests (Access to Information Law)."""

    template_name = "citizen_requests/reports/annual.html"

    def get_page_title(self):
        return _("Annual summary of requests, %(year)s") % {"year": self.kwargs["year"]}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = _checked_year(self.kwargs["year"])
        summary = reports.annual_summary(year)
        context.update(
            {
                "year": year,
                "years": reports.available_years(),
                "summary": summary,
                "tables": reports.summary_tables(summary),
                "chart": reports.bar_chart(
                    "chart-year-month",
                    _("Requests by month of receipt"),
                    [
                        (reports.month_name(month), count)
                        for month, count in summary.overall.by_month.items()
                    ],
                ),
                "csv_url": reverse(f"{NAMESPACE}:annual_csv", args=[year]),
                "xlsx_url": reverse(f"{NAMESPACE}:annual_xlsx", args=[year]),
                "register_xlsx_url": reverse(f"{NAMESPACE}:register_xlsx", args=[year]),
            }
        )
        return context


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


def register_export(request, year: int, fmt: str):
    """The year's register, one row per request, as CSV or XLSX."""
    if not can_view_reports(request.user):
        raise PermissionDenied
    year = _checked_year(year)
    kind = _kind(request.GET.get("kind"))
    queryset = reports.received_in(year, kind)
    name = f"requests-{year}{'-' + kind if kind else ''}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            reports.register_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        return _attachment(response, f"{name}.csv")
    response = HttpResponse(reports.register_xlsx(queryset, title=str(year)), content_type=XLSX)
    return _attachment(response, f"{name}.xlsx")


def annual_export(request, year: int, fmt: str):
    """The annual summary's tables as CSV or XLSX."""
    if not can_view_reports(request.user):
        raise PermissionDenied
    summary = reports.annual_summary(_checked_year(year))
    if fmt == "csv":
        response = HttpResponse(
            reports.summary_csv(summary), content_type="text/csv; charset=utf-8"
        )
        return _attachment(response, f"requests-summary-{year}.csv")
    response = HttpResponse(reports.summary_xlsx(summary), content_type=XLSX)
    return _attachment(response, f"requests-summary-{year}.xlsx")


class ReportViewSet(RefusingViewSetMixin, ViewSet):
    """The request reports, in the "Requests" menu for those who may read them."""

    icon = "table"
    menu_label = gettext_lazy("Reports")
    menu_name = "citizen-request-reports"

    @cached_property
    def menu_item_class(self):
        class ReportsMenuItem(MenuItem):
            def is_shown(self, request):
                return can_view_reports(request.user)

        return ReportsMenuItem

    def get_urlpatterns(self):
        return self.refusing(
            [
                path("", DashboardView.as_view(), name="dashboard"),
                path("<int:year>/", AnnualSummaryView.as_view(), name="annual"),
                path("<int:year>/summary.csv", annual_export, {"fmt": "csv"}, name="annual_csv"),
                path("<int:year>/summary.xlsx", annual_export, {"fmt": "xlsx"}, name="annual_xlsx"),
                path(
                    "<int:year>/register.csv", register_export, {"fmt": "csv"}, name="register_csv"
                ),
                path(
                    "<int:year>/register.xlsx",
                    register_export,
                    {"fmt": "xlsx"},
                    name="register_xlsx",
                ),
            ]
        )


report_viewset = ReportViewSet(NAMESPACE, url_prefix="requests/reports")
