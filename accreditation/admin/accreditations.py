"""Accreditation records: the active ones (and expired, deprived, future) with filters, the
record with its personal data (audited), and deprivation on a statutory ground.

"Deprivations" is the same list filtered to withdrawn records, showing the ground, the date
and the end of the six-month bar.
"""

import datetime
import mimetypes

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .. import services
from ..models import Accreditation, AccreditationType, DeprivationGround, Outlet
from . import MENU_HOOK, can, forbidden

NAMESPACE = "accreditation_records"
PER_PAGE = 50
VIEW = "accreditation.view_accreditation"

STATES = [
    ("active", gettext_lazy("Active")),
    ("expired", gettext_lazy("Expired")),
    ("deprived", gettext_lazy("Deprived")),
    ("not_yet", gettext_lazy("Not yet valid")),
    ("", gettext_lazy("Any")),
]


class AccreditationFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Card number or name"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("Status"), required=False, choices=STATES)
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(AccreditationType.choices),
    )
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Media outlet"),
        required=False,
        queryset=Outlet.objects.filter(accreditations__isnull=False).distinct(),
    )
    expiring_within = forms.IntegerField(
        label=gettext_lazy("Expiring within (days)"), required=False, min_value=0, max_value=366
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


def filter_accreditations(params: dict, today=None):
    today = today or timezone.localdate()
    records = Accreditation.objects.all()
    state = params.get("state")
    active = Q(status=Accreditation.Status.ACTIVE)
    if state == "active":
        records = records.filter(active, valid_from__lte=today, valid_until__gte=today)
    elif state == "expired":
        records = records.filter(active, valid_until__lt=today)
    elif state == "deprived":
        records = records.filter(status=Accreditation.Status.DEPRIVED)
    elif state == "not_yet":
        records = records.filter(active, valid_from__gt=today)
    if params.get("kind"):
        records = records.filter(kind=params["kind"])
    if params.get("outlet"):
        records = records.filter(outlet=params["outlet"])
    if params.get("expiring_within") is not None:
        records = records.filter(
            active,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=params["expiring_within"]),
        )
    query = (params.get("q") or "").strip()
    if query:
        records = records.filter(Q(card_number__icontains=query) | Q(full_name__icontains=query))
    if state == "deprived":
        return records.order_by("-deprived_at", "-pk")
    return records.order_by("valid_until", "pk")


def accreditation_list(request, deprivations: bool = False):
    if not can(request.user, VIEW):
        return forbidden(request)
    data = request.GET.copy()
    if "state" not in data:
        data["state"] = "deprived" if deprivations else "active"
    form = AccreditationFilterForm(data)
    params = form.cleaned_data if form.is_valid() else {"state": data["state"]}
    today = timezone.localdate()
    records = filter_accreditations(params, today).select_related("outlet", "briefing")
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("p"))
    for record in page.object_list:
        record.current_state = record.state(today)
    query = request.GET.copy()
    query.pop("p", None)
    title = _("Deprivations") if params.get("state") == "deprived" else _("Accreditations")
    return TemplateResponse(
        request,
        "accreditation/admin/accreditations.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "user",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "form": form,
            "page": page,
            "show_deprivation": params.get("state") == "deprived",
            "querystring": query.urlencode(),
        },
    )


def deprivation_list(request):
    return accreditation_list(request, deprivations=True)


def accreditation_view(request, pk: int, deprive_form=None, status: int = 200):
    if not can(request.user, VIEW):
        return forbidden(request)
    record = get_object_or_404(
        Accreditation.objects.select_related("outlet", "briefing", "journalist__application"),
        pk=pk,
    )
    services.log_personal_data_view(record, user=request.user, what="accreditation: IIN, phone")
    may_deprive = (
        can(request.user, "accreditation.deprive_accreditation")
        and record.status == Accreditation.Status.ACTIVE
    )
    return TemplateResponse(
        request,
        "accreditation/admin/accreditation.html",
        {
            "page_title": record.card_number,
            "header_title": _("Accreditation %(card)s") % {"card": record.card_number},
            "header_icon": "user",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse(f"{NAMESPACE}:list"), "label": _("Accreditations")},
                {"url": "", "label": record.card_number},
            ],
            "record": record,
            "state": record.state(),
            "deprive_form": (deprive_form or DepriveForm()) if may_deprive else None,
            "may_change_notices": can(request.user, "accreditation.change_accreditation"),
        },
        status=status,
    )


def deprive(request, pk: int):
    if request.method != "POST":
        return redirect(f"{NAMESPACE}:accreditation", pk=pk)
    record = get_object_or_404(Accreditation, pk=pk)
    form = DepriveForm(request.POST)
    if not can(request.user, "accreditation.deprive_accreditation"):
        return forbidden(request)
    if not form.is_valid():
        return accreditation_view(request, pk, deprive_form=form, status=400)
    try:
        record = services.deprive(
            record,
            user=request.user,
            ground=form.cleaned_data["ground"],
            note=form.cleaned_data["note"],
        )
    except PermissionDenied:
        return forbidden(request)
    except services.AccreditationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The accreditation is withdrawn. No new accreditation until %(date)s.")
            % {"date": record.barred_until},
        )
    return redirect(f"{NAMESPACE}:accreditation", pk=pk)


def notices(request, pk: int):
    """Switch the journalist's announcements of events on or off (POST, audited)."""
    if request.method != "POST":
        return redirect(f"{NAMESPACE}:accreditation", pk=pk)
    if not can(request.user, "accreditation.change_accreditation"):
        return forbidden(request)
    record = get_object_or_404(Accreditation, pk=pk)
    wanted = request.POST.get("notices")
    if wanted not in ("on", "off"):
        return redirect(f"{NAMESPACE}:accreditation", pk=pk)
    try:
        services.set_notices_opt_in(record, wanted == "on", user=request.user, via="admin")
    except PermissionDenied:
        return forbidden(request)
    messages.success(
        request,
        _("Announcements of events are switched on.")
        if wanted == "on"
        else _("Announcements of events are switched off."),
    )
    return redirect(f"{NAMESPACE}:accreditation", pk=pk)


def photo(request, pk: int):
    if not can(request.user, VIEW):
        raise PermissionDenied
    record = get_object_or_404(Accreditation, pk=pk)
    if not record.photo:
        raise Http404
    services.log_personal_data_view(record, user=request.user, what="photo")
    content_type = mimetypes.guess_type(record.photo.name)[0] or "application/octet-stream"
    response = FileResponse(record.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("", accreditation_list, name="list"),
    path("deprivations/", deprivation_list, name="deprivations"),
    path("<int:pk>/", accreditation_view, name="accreditation"),
    path("<int:pk>/deprive/", deprive, name="deprive"),
    path("<int:pk>/notices/", notices, name="notices"),
    path("<int:pk>/photo/", photo, name="photo"),
]


@hooks.register("register_admin_urls")
def register_accreditation_urls():
    return [
        path(
            "accreditation/records/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


class RecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, VIEW)


@hooks.register(MENU_HOOK)
def register_accreditations_menu_item():
    return RecordsMenuItem(
        gettext_lazy("Accreditations"),
        reverse(f"{NAMESPACE}:list"),
        name="accreditation-records",
        icon_name="user",
        order=300,
    )


@hooks.register(MENU_HOOK)
def register_deprivations_menu_item():
    return RecordsMenuItem(
        gettext_lazy("Deprivations"),
        reverse(f"{NAMESPACE}:deprivations"),
        name="accreditation-deprivations",
        icon_name="warning",
        order=400,
    )
