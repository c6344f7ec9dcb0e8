"""Press events in the officers' admin: each event's registrations, questions and notices, and the
attendance list for the venue's security as CSV and PDF.

For users with ``accreditation.view_eventregistration`` (the Accreditation officers); cancelling
a registration needs ``accreditation.change_eventregistration``. Opening an event's list and
every export are written to the audit log.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.models import Locale

import django_filters

from agency.admin import LinkColumn, PlainColumn, ServiceIndexView, ServiceViewSet
from agency.http import no_store
from press_pages.models import BriefingPage

from .. import attendance, events
from ..models import EventNotice, EventQuestion, EventRegistration
from ..services import log_personal_data_view
from . import REFUSAL, can

NAMESPACE = "accreditation_events"
VIEW = "accreditation.view_eventregistration"
CHANGE = "accreditation.change_eventregistration"
Status = EventRegistration.Status


#: How far back the list looks by default: events of the last 30 days still have exports.
RECENT = datetime.timedelta(days=30)


def _events():
    """Events in the site's default language (registrations belong to them)."""
    return BriefingPage.objects.filter(locale=Locale.get_default())


def require(user, *perms: str) -> None:
    if not can(user, *perms):
        raise PermissionDenied


class EventFilterSet(WagtailFilterSet):
    """Upcoming events and those of the last 30 days unless another period is asked for."""

    period = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[
            ("recent", gettext_lazy("Upcoming and the last 30 days")),
            ("upcoming", gettext_lazy("Upcoming")),
            ("past", gettext_lazy("Past")),
        ],
        empty_label=gettext_lazy("Any"),
        initial="recent",
        method="filter_period",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = BriefingPage
        fields = ["period"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "period" not in data:
            data = data.copy()
            data["period"] = "recent"
        super().__init__(data, *args, **kwargs)

    def _add_locale_filter(self):
        """None: the list is of the default language's events, which registrations belong to."""

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        if value == "recent":
            return queryset.filter(ends_at__gte=now - RECENT)
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now)
        return queryset.filter(ends_at__lt=now)


def event_title(event) -> str:
    if event.cancelled:
        return f"{event.title} ({_('cancelled')})"
    return event.title


def starts(event) -> str:
    return date_format(timezone.localtime(event.starts_at), "SHORT_DATETIME_FORMAT")


class EventIndexView(ServiceIndexView):
    """Events with their registration counts, the soonest first."""

    i18n_enabled = False

    def get_base_queryset(self):
        return _events().annotate(
            registered=Count("registrations", filter=Q(registrations__status=Status.REGISTERED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
            unconfirmed=Count("registrations", filter=Q(registrations__status=Status.UNCONFIRMED)),
        )

    def user_has_permission(self, permission):
        return permission == "view" and self.viewset.user_can_view(self.request.user)


class EventView(WagtailAdminTemplateMixin, TemplateView):
    """One event: registrations by status, questions, notices sent, exports."""

    viewset = None
    template_name = "accreditation/events/admin/event.html"
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW)
        self.event = get_object_or_404(_events(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Registrations: %(title)s") % {"title": self.event.title}

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.event.title})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        log_personal_data_view(event, user=self.request.user, what="event_registrations")
        registrations = (
            EventRegistration.objects.filter(briefing=event)
            .select_related("accreditation__outlet")
            .order_by("confirmed_at", "created_at", "pk")
        )
        by_status = {status: [] for status in Status.values}
        for registration in registrations:
            by_status[registration.status].append(registration)
        context.update(
            event=event,
            places=events.places(event),
            registered=by_status[Status.REGISTERED],
            waitlisted=by_status[Status.WAITLISTED],
            unconfirmed=by_status[Status.UNCONFIRMED],
            cancelled=by_status[Status.CANCELLED],
            questions=EventQuestion.objects.filter(registration__briefing=event)
            .select_related("registration__accreditation__outlet")
            .order_by("created_at", "pk"),
            notices=EventNotice.objects.filter(briefing=event).order_by("-sent_at"),
            may_cancel=self.request.user.has_perm(CHANGE) and events.changes_open_for(event),
            csv_url=reverse(f"{NAMESPACE}:csv", args=[event.pk]),
            pdf_url=reverse(f"{NAMESPACE}:pdf", args=[event.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
        )
        return context


def export(request, pk: int, fmt: str):
    """The attendance list of an event, for the venue's security (audited)."""
    require(request.user, VIEW)
    event = get_object_or_404(_events(), pk=pk)
    rows = list(events.attendance(event))
    if fmt == "csv":
        content, content_type = attendance.as_csv(event, rows), "text/csv; charset=utf-8"
    elif fmt == "pdf":
        content, content_type = attendance.as_pdf(event, rows), "application/pdf"
    else:
        raise Http404
    log(
        event,
        "accreditation.attendance_export",
        user=request.user,
        data={"format": fmt, "journalists": len(rows)},
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{attendance.filename(event, fmt)}"'
    return no_store(response)


@require_POST
def cancel_registration(request, pk: int, registration_id: int):
    """An officer cancels a registration (the journalist asked by phone, say); the next in
    line gets the place."""
    require(request.user, CHANGE)
    event = get_object_or_404(_events(), pk=pk)
    registration = get_object_or_404(EventRegistration, pk=registration_id, briefing=event)
    if not events.changes_open_for(event):
        messages.error(request, _("The event has started or was cancelled."))
    else:
        promoted = events.cancel(registration, user=request.user)
        messages.success(
            request,
            _("Registration of %(name)s cancelled.")
            % {"name": registration.accreditation.full_name},
        )
        for other in promoted:
            messages.success(
                request,
                _("%(name)s moved up from the waiting list.")
                % {"name": other.accreditation.full_name},
            )
    return HttpResponseRedirect(reverse(f"{NAMESPACE}:event", args=[event.pk]))


class EventViewSet(ServiceViewSet):
    """Press events with their registrations; each event's lists, exports and cancellations."""

    model = BriefingPage
    icon = "date"
    menu_label = gettext_lazy("Press events")
    menu_name = "accreditation-events"
    view_permission = VIEW
    refusal_message = REFUSAL
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    ordering = ["starts_at", "pk"]
    list_per_page = 50
    list_display = [
        LinkColumn(
            "title",
            label=gettext_lazy("Event"),
            accessor=event_title,
            url_name="accreditation_events:event",
        ),
        PlainColumn(
            "starts_at", label=gettext_lazy("Starts"), accessor=starts, sort_key="starts_at"
        ),
        PlainColumn("capacity", label=gettext_lazy("Places")),
        PlainColumn("registered", label=gettext_lazy("Registered")),
        PlainColumn("waitlisted", label=gettext_lazy("Waiting list")),
        PlainColumn("unconfirmed", label=gettext_lazy("Awaiting confirmation")),
    ]
    list_export = ["title", "starts_at", "capacity", "registered", "waitlisted", "unconfirmed"]
    export_headings = {
        "title": gettext_lazy("Event"),
        "starts_at": gettext_lazy("Starts"),
        "capacity": gettext_lazy("Places"),
        "registered": gettext_lazy("Registered"),
        "waitlisted": gettext_lazy("Waiting list"),
        "unconfirmed": gettext_lazy("Awaiting confirmation"),
    }
    export_filename = "press-events"

    def get_record_urlpatterns(self):
        return [
            path("<int:pk>/", EventView.as_view(viewset=self), name="event"),
            path("<int:pk>/attendance.csv", export, {"fmt": "csv"}, name="csv"),
            path("<int:pk>/attendance.pdf", export, {"fmt": "pdf"}, name="pdf"),
            path(
                "<int:pk>/registrations/<int:registration_id>/cancel/",
                cancel_registration,
                name="cancel",
            ),
        ]


event_viewset = EventViewSet(NAMESPACE, url_prefix="accreditation/events")


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name=None, next_url=None):
    """A "Registrations" button on a briefing in the page editor, for officers."""
    if not isinstance(page.specific_deferred, BriefingPage) or not user.has_perm(VIEW):
        return []
    event = events.event_for(page.specific)
    return [
        Button(
            _("Registrations"),
            reverse(f"{NAMESPACE}:event", args=[event.pk]),
            icon_name="group",
            priority=60,
        )
    ]


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    actions.register_action(
        "accreditation.attendance_export",
        gettext_lazy("Export an attendance list"),
        gettext_lazy("Attendance list exported"),
    )
    actions.register_action(
        "accreditation.registration_cancel",
        gettext_lazy("Cancel an event registration"),
        gettext_lazy("Event registration cancelled"),
    )
