"""Administrators' settings of the deadline engine: the working calendar and the units.

Both are plain Wagtail model viewsets in the Settings menu. Request officers (who may view, not
change) see them read-only. The working calendar holds only the government's transfers; the
year overview shows them merged with the public holidays from the ``holidays`` package, so an
administrator can check a year against the decree.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, ProtectedError, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from agency import calendar as agency_calendar
from agency.admin import RefusingViewSetMixin
from agency.models import CalendarDay

from .. import deadlines
from ..kinds import Status
from ..models import CitizenRequest, Unit

YEAR_RANGE = (2000, 2100)


#: The English holiday names of the ``holidays`` package, translated here for Russian (the
#: package itself speaks Kazakh and English).
HOLIDAY_NAMES = (
    gettext_noop("New Year's Day"),
    gettext_noop("Orthodox Christmas"),
    gettext_noop("International Women's Day"),
    gettext_noop("Nowruz Holiday"),
    gettext_noop("Kazakhstan's People Solidarity Holiday"),
    gettext_noop("Defender of the Fatherland Day"),
    gettext_noop("Victory Day"),
    gettext_noop("Capital Day"),
    gettext_noop("Constitution Day"),
    gettext_noop("Republic Day"),
    gettext_noop("Independence Day"),
    gettext_noop("First President Day"),
    gettext_noop("Eid al-Adha"),
)


def _translated_holiday(name: str) -> str:
    for suffix, pattern in (
        (" (observed)", gettext_lazy("%(name)s (observed)")),
        (" (estimated)", gettext_lazy("%(name)s (estimated date)")),
    ):
        if name.endswith(suffix):
            return str(pattern) % {"name": _translated_holiday(name.removesuffix(suffix))}
    if name.startswith("Day off (substituted"):
        return _("Day off (transferred)")
    return _(name) if name in HOLIDAY_NAMES else name


def holiday_name(day: datetime.date) -> str:
    """The public holiday on ``day`` in the admin's language, or an empty string."""
    language = translation.get_language() or "en"
    if language.startswith("kk"):
        return agency_calendar.rule_holiday_name(day, "kk")
    name = agency_calendar.rule_holiday_name(day, "en_US")
    return "; ".join(_translated_holiday(part) for part in name.split("; ")) if name else ""


def rule_description(day: datetime.date) -> str:
    """What the rule alone says of ``day``: working day, weekend, or the holiday's name."""
    if agency_calendar.rule_is_working_day(day):
        if day.weekday() >= 5:
            return _("Working day (a transfer the holiday calendar knows)")
        return _("Working day")
    name = holiday_name(day)
    if name:
        return _("Public holiday: %(name)s") % {"name": name}
    return _("Weekend")


def affected_open_requests(day: datetime.date) -> int:
    """Open requests whose running clocks span ``day``: their stored dates predate the change."""
    return (
        CitizenRequest.objects.exclude(status__in=Status.closed())
        .filter(received_at__date__lte=day)
        .filter(Q(answer_due__gte=day) | Q(forward_due__gte=day) | Q(refusal_due__gte=day))
        .count()
    )


# Working calendar ----------------------------------------------------------------------------


class CalendarDayForm(WagtailAdminModelForm):
    """A transfer must change the day: a working day made a day off, or the reverse."""

    class Meta:
        model = CalendarDay
        fields = ["date", "is_working", "note"]

    def clean(self):
        cleaned = super().clean()
        day, working = cleaned.get("date"), cleaned.get("is_working")
        if day is None or working is None:
            return cleaned
        if not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
            self.add_error("date", _("Enter a date between 2000 and 2100."))
        elif agency_calendar.rule_is_working_day(day) == working:
            if working:
                message = _(
                    "%(date)s is already a working day. Leave “working day” empty to make it an "
                    "extra day off."
                )
            else:
                message = _(
                    "%(date)s is already a day off (%(rule)s). Tick “working day” to make it a "
                    "working day."
                )
            self.add_error(
                "is_working",
                message % {"date": date_format(day, "DATE_FORMAT"), "rule": rule_description(day)},
            )
        return cleaned


class AffectedRequestsMixin:
    """After a transfer is saved or deleted, tell the administrator which cases it may touch.

    Registered cases keep the due dates computed when they arrived; the officers extend or
    handle them by hand if a late decree changes a running clock.
    """

    def warn_about(self, day: datetime.date) -> None:
        count = affected_open_requests(day)
        if count:
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d open request has a deadline on or after %(date)s. Its due dates "
                    "were computed when it arrived and have not changed.",
                    "%(count)d open requests have deadlines on or after %(date)s. Their due "
                    "dates were computed when they arrived and have not changed.",
                    count,
                )
                % {"count": count, "date": date_format(day, "DATE_FORMAT")},
            )


class CalendarDayCreateView(AffectedRequestsMixin, generic.CreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        self.warn_about(self.object.date)
        return response


class CalendarDayEditView(AffectedRequestsMixin, generic.EditView):
    def form_valid(self, form):
        before = CalendarDay.objects.get(pk=self.object.pk).date
        response = super().form_valid(form)
        self.warn_about(min(before, self.object.date))
        return response


class CalendarDayDeleteView(AffectedRequestsMixin, generic.DeleteView):
    def form_valid(self, form):
        day = self.object.date
        response = super().form_valid(form)
        self.warn_about(day)
        return response


class CalendarDayIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Year overview"),
                url=self.year_url(timezone.localdate().year),
                icon_name="calendar",
            ),
        ]

    def year_url(self, year):
        return calendar_viewset.year_url(year)


class YearOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every non-working weekday and working weekend day of a year, and why."""

    template_name = "citizen_requests/calendar/year.html"
    viewset = None

    def dispatch(self, request, *args, **kwargs):
        policy = self.viewset.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, year, **kwargs):
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise Http404
        calendar = deadlines.RequestCalendar.load()
        rows = {
            row.date: row for row in CalendarDay.objects.filter(date__year=year).order_by("date")
        }
        days = []
        day = datetime.date(year, 1, 1)
        working_days = 0
        while day.year == year:
            working = calendar.is_working_day(day)
            working_days += working
            weekend = day.weekday() >= 5
            if working == weekend or day in rows:
                days.append(
                    {
                        "date": day,
                        "working": working,
                        "rule": rule_description(day),
                        "transfer": rows.get(day),
                    }
                )
            day += datetime.timedelta(days=1)
        title = _("Working calendar %(year)d") % {"year": year}
        return super().get_context_data(
            year=year,
            days=days,
            working_days=working_days,
            previous_url=self.viewset.year_url(year - 1),
            next_url=self.viewset.year_url(year + 1),
            index_url=self.viewset.menu_url,
            page_title=title,
            header_title=title,
            header_icon="calendar",
            breadcrumbs_items=[
                {"url": self.viewset.menu_url, "label": capfirst(self.viewset.menu_label)},
                {"url": "", "label": str(year)},
            ],
            **kwargs,
        )


class CalendarDayViewSet(RefusingViewSetMixin, ModelViewSet):
    """The government's transfers of working days, entered from each year's decree."""

    model = CalendarDay
    form_class = CalendarDayForm
    icon = "calendar"
    menu_label = gettext_lazy("Working calendar")
    menu_name = "working-calendar"
    menu_order = 610
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = CalendarDayIndexView
    add_view_class = CalendarDayCreateView
    edit_view_class = CalendarDayEditView
    delete_view_class = CalendarDayDeleteView
    list_display = [
        "date",
        Column(
            "weekday",
            label=gettext_lazy("weekday"),
            accessor=lambda obj: date_format(obj.date, "l"),
        ),
        Column(
            "is_working",
            label=gettext_lazy("becomes"),
            accessor=lambda obj: _("Working day") if obj.is_working else _("Day off"),
        ),
        Column(
            "rule", label=gettext_lazy("by the rule"), accessor=lambda o: rule_description(o.date)
        ),
        "note",
    ]
    list_filter = {"date": ["year"], "is_working": ["exact"]}
    search_fields = ["note"]
    ordering = ["-date"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return self.form_class

    def year_url(self, year: int) -> str:
        return reverse(self.get_url_name("year"), args=[year])

    def get_urlpatterns(self):
        return self.refusing(
            [
                *super().get_urlpatterns(),
                path("year/<int:year>/", YearOverviewView.as_view(viewset=self), name="year"),
            ]
        )


# Units ---------------------------------------------------------------------------------------


class UnitDeleteView(generic.DeleteView):
    """A unit that handled requests is kept for the record: offer to deactivate it instead."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(unit)s” has requests or sub-tasks and cannot be deleted. Untick "
                    "“active” to stop assigning requests to it."
                )
                % {"unit": self.object},
            )
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))


class UnitIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                open_requests=Count("requests", filter=~Q(requests__status__in=Status.closed()))
            )
        )


class UnitViewSet(RefusingViewSetMixin, ModelViewSet):
    """The agency's structural units that prepare answers and receive reminders."""

    model = Unit
    icon = "group"
    menu_label = gettext_lazy("Request units")
    menu_name = "request-units"
    menu_order = 620
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = UnitIndexView
    delete_view_class = UnitDeleteView
    form_fields = ["name", "email", "active"]
    list_display = [
        "name",
        "email",
        BooleanColumn("active", label=gettext_lazy("active")),
        Column("open_requests", label=gettext_lazy("open requests"), sort_key="open_requests"),
    ]
    list_filter = ["active"]
    search_fields = ["name", "email"]
    ordering = ["name"]
    list_per_page = 50


calendar_viewset = CalendarDayViewSet("citizen_requests_calendar", url_prefix="requests/calendar")
unit_viewset = UnitViewSet("citizen_requests_units", url_prefix="requests/units")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [calendar_viewset, unit_viewset]
