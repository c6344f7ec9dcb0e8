"""Accreditation records: the active ones (and expired, deprived, future) with filters, the
record with its personal data (audited), and deprivation on a statutory ground.

"Deprivations" lists the withdrawn records with the ground, the date and the end of the
six-month bar.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import django_filters

from agency.admin import (
    ChoiceColumn,
    ExactDateColumn,
    LinkColumn,
    PlainColumn,
    PlainSelect,
    ServiceIndexView,
    ServiceViewSet,
)
from agency.dates import local_day

from .. import services
from ..models import Accreditation, AccreditationType, DeprivationGround, Outlet
from . import REFUSAL, can, photo_response

VIEW = "accreditation.view_accreditation"
DEPRIVE = "accreditation.deprive_accreditation"
CHANGE = "accreditation.change_accreditation"
ACTIVE = Accreditation.Status.ACTIVE

STATES = [
    ("active", gettext_lazy("Active")),
    ("expired", gettext_lazy("Expired")),
    ("deprived", gettext_lazy("Deprived")),
    ("not_yet", gettext_lazy("Not yet valid")),
]


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def accredited_outlets(request):
    return Outlet.objects.filter(accreditations__isnull=False).distinct()


class RecordFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Type"),
        choices=AccreditationType.choices,
        empty_label=gettext_lazy("Any"),
    )
    outlet = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Media outlet"), queryset=accredited_outlets, widget=PlainSelect
    )

    class Meta:
        model = Accreditation
        fields = ["kind", "outlet"]


class AccreditationFilterSet(RecordFilterSet):
    """Active records unless another state (or any, ``state=``) is asked for."""

    state = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=STATES,
        empty_label=gettext_lazy("Any"),
        initial="active",
        method="filter_state",
    )
    expiring_within = IntegerFilter(
        label=gettext_lazy("Expiring within (days)"),
        min_value=0,
        max_value=366,
        method="filter_expiring_within",
    )

    class Meta:
        model = Accreditation
        fields = ["state", "kind", "outlet", "expiring_within"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "state" not in data:
            data = data.copy()
            data["state"] = "active"
        super().__init__(data, *args, **kwargs)

    def filter_state(self, queryset, name, value):
        today = timezone.localdate()
        if value == "active":
            return queryset.filter(status=ACTIVE, valid_from__lte=today, valid_until__gte=today)
        if value == "expired":
            return queryset.filter(status=ACTIVE, valid_until__lt=today)
        if value == "deprived":
            return queryset.filter(status=Accreditation.Status.DEPRIVED)
        return queryset.filter(status=ACTIVE, valid_from__gt=today)

    def filter_expiring_within(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        return queryset.filter(
            status=ACTIVE,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=value),
        )


class DepriveForm(forms.Form):
    ground = forms.ChoiceField(
        label=gettext_lazy("Statutory ground"), choices=DeprivationGround.choices
    )
    note = forms.CharField(
        label=gettext_lazy("Details"),
        help_text=gettext_lazy("The court decision or the editor's letter: number and date."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


KIND_LABELS = dict(AccreditationType.choices)


def kind_and_event(record: Accreditation) -> str:
    kind = KIND_LABELS.get(record.kind, record.kind)
    return f"{kind}: {record.briefing.title}" if record.briefing else kind


def validity(record: Accreditation) -> str:
    dates = (
        date_format(day, "SHORT_DATE_FORMAT") for day in (record.valid_from, record.valid_until)
    )
    return " – ".join(dates)


def state_label(record: Accreditation) -> str:
    return dict(STATES)[record.state()]


class RecordIndexView(ServiceIndexView):
    def get_base_queryset(self):
        return Accreditation.objects.select_related("outlet", "briefing")

    def search_queryset(self, queryset):
        query = self.search_query.strip()
        if not query:
            return queryset
        return queryset.filter(Q(card_number__icontains=query) | Q(full_name__icontains=query))


class DeprivationIndexView(RecordIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(status=Accreditation.Status.DEPRIVED)


class AccreditationView(WagtailAdminTemplateMixin, TemplateView):
    """The record with the journalist's personal data (audited), and deprivation."""

    viewset = None
    template_name = "accreditation/admin/accreditation.html"
    header_icon = "user"
    deprive_form = None
    status = 200

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, VIEW):
            raise PermissionDenied
        self.record = get_object_or_404(
            Accreditation.objects.select_related("outlet", "briefing", "journalist__application"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.record.card_number

    def get_header_title(self):
        return _("Accreditation %(card)s") % {"card": self.record.card_number}

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.record.card_number})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record, user = self.record, self.request.user
        services.log_personal_data_view(record, user=user, what="accreditation: IIN, phone")
        may_deprive = can(user, DEPRIVE) and record.status == ACTIVE
        context.update(
            record=record,
            state=record.state(),
            deprive_form=(self.deprive_form or DepriveForm()) if may_deprive else None,
            may_change_notices=can(user, CHANGE),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        return super().render_to_response(context, status=self.status, **response_kwargs)


class DepriveView(AccreditationView):
    """Withdraw the accreditation on a statutory ground (POST); the service logs it."""

    def get(self, request, *args, **kwargs):
        return redirect(self.viewset.get_url_name("accreditation"), pk=self.record.pk)

    def post(self, request, *args, **kwargs):
        if not can(request.user, DEPRIVE):
            raise PermissionDenied
        form = DepriveForm(request.POST)
        if not form.is_valid():
            self.deprive_form, self.status = form, 400
            return self.render_to_response(self.get_context_data())
        try:
            record = services.deprive(
                self.record,
                user=request.user,
                ground=form.cleaned_data["ground"],
                note=form.cleaned_data["note"],
            )
        except services.AccreditationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The accreditation is withdrawn. No new accreditation until %(date)s.")
                % {"date": local_day(record.barred_until)},
            )
        return redirect(self.viewset.get_url_name("accreditation"), pk=self.record.pk)


def notices(request, pk: int):
    """Switch the journalist's announcements of events on or off (POST, audited)."""
    record_url = "accreditation_records:accreditation"
    if request.method != "POST":
        return redirect(record_url, pk=pk)
    if not can(request.user, CHANGE):
        raise PermissionDenied
    record = get_object_or_404(Accreditation, pk=pk)
    wanted = request.POST.get("notices")
    if wanted not in ("on", "off"):
        return redirect(record_url, pk=pk)
    services.set_notices_opt_in(record, wanted == "on", user=request.user, via="admin")
    messages.success(
        request,
        _("Announcements of events are switched on.")
        if wanted == "on"
        else _("Announcements of events are switched off."),
    )
    return redirect(record_url, pk=pk)


def photo(request, pk: int):
    """The journalist's photo, to authorised staff only; every view is logged."""

    return photo_response(
        request, can(request.user, VIEW), lambda: get_object_or_404(Accreditation, pk=pk)
    )


class AccreditationViewSet(ServiceViewSet):
    """Accreditation records, the soonest to expire first; the record and its actions."""

    model = Accreditation
    icon = "user"
    menu_label = gettext_lazy("Accreditations")
    menu_name = "accreditation-records"
    view_permission = VIEW
    refusal_message = REFUSAL
    list_url_name = "list"
    record_url_name = "accreditation"
    index_view_class = RecordIndexView
    filterset_class = AccreditationFilterSet
    search_fields = ["card_number", "full_name"]
    ordering = ["valid_until", "pk"]
    list_per_page = 50
    list_display = [
        LinkColumn(
            "card_number",
            label=gettext_lazy("Card number"),
            url_name="accreditation_records:accreditation",
        ),
        PlainColumn("full_name", label=gettext_lazy("Journalist")),
        PlainColumn("outlet", label=gettext_lazy("Media outlet"), accessor="outlet.name"),
        PlainColumn("kind", label=gettext_lazy("Type"), accessor=kind_and_event),
        PlainColumn(
            "valid", label=gettext_lazy("Valid"), accessor=validity, sort_key="valid_until"
        ),
        PlainColumn("state", label=gettext_lazy("Status"), accessor=state_label),
    ]
    list_export = [
        "card_number",
        "full_name",
        "outlet",
        "get_kind_display",
        "briefing",
        "valid_from",
        "valid_until",
    ]
    export_headings = {
        "card_number": gettext_lazy("Card number"),
        "full_name": gettext_lazy("Journalist"),
        "outlet": gettext_lazy("Media outlet"),
        "get_kind_display": gettext_lazy("Type"),
        "briefing": gettext_lazy("Event"),
        "valid_from": gettext_lazy("Valid from"),
        "valid_until": gettext_lazy("Valid until"),
    }
    export_filename = "accreditations"

    def get_record_urlpatterns(self):
        return [
            path("<int:pk>/", AccreditationView.as_view(viewset=self), name="accreditation"),
            path("<int:pk>/deprive/", DepriveView.as_view(viewset=self), name="deprive"),
            path("<int:pk>/notices/", notices, name="notices"),
            path("<int:pk>/photo/", photo, name="photo"),
        ]


class DeprivationViewSet(ServiceViewSet):
    """Withdrawn accreditations, the latest first, with the ground and the end of the bar."""

    model = Accreditation
    icon = "warning"
    menu_label = gettext_lazy("Deprivations")
    menu_name = "accreditation-deprivations"
    view_permission = VIEW
    refusal_message = REFUSAL
    list_url_name = "list"
    index_view_class = DeprivationIndexView
    filterset_class = RecordFilterSet
    search_fields = ["card_number", "full_name"]
    ordering = ["-deprived_at", "-pk"]
    list_per_page = 50
    list_display = [
        *AccreditationViewSet.list_display[:4],
        ChoiceColumn(
            "deprivation_ground", label=gettext_lazy("Ground"), choices=DeprivationGround.choices
        ),
        ExactDateColumn("deprived_at", label=gettext_lazy("Deprived"), sort_key="deprived_at"),
        ExactDateColumn("barred_until", label=gettext_lazy("No re-accreditation until")),
    ]
    list_export = [
        *AccreditationViewSet.list_export[:5],
        "get_deprivation_ground_display",
        "deprived_at",
        "barred_until",
    ]
    export_headings = {
        **AccreditationViewSet.export_headings,
        "get_deprivation_ground_display": gettext_lazy("Ground"),
        "deprived_at": gettext_lazy("Deprived"),
        "barred_until": gettext_lazy("No re-accreditation until"),
    }
    export_filename = "accreditation-deprivations"


accreditation_viewset = AccreditationViewSet(
    "accreditation_records", url_prefix="accreditation/records"
)
deprivation_viewset = DeprivationViewSet(
    "accreditation_deprivations", url_prefix="accreditation/deprivations"
)
