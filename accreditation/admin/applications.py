"""Applications: the list with review due dates (overdue highlighted) and the application,
where each journalist is approved or refused separately.

The list shows no personal data. The application shows the journalists' IINs, phones and
photos, and every view of it (and of each photo) is written to the audit log.
"""

import mimetypes

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
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
from ..models import (
    AccreditationType,
    Application,
    ApplicationJournalist,
    RefusalGround,
)
from . import MENU_HOOK, can, forbidden

NAMESPACE = "accreditation_applications"
PER_PAGE = 50
VIEW = "accreditation.view_application"
DECIDE = ("accreditation.change_applicationjournalist", "accreditation.add_accreditation")


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Number or outlet"), required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(Application.Status.choices),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(AccreditationType.choices),
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)
    intake = forms.IntegerField(required=False, widget=forms.HiddenInput)


class RefuseForm(forms.Form):
    ground = forms.ChoiceField(label=gettext_lazy("Ground"), choices=RefusalGround.choices)
    note = forms.CharField(
        label=gettext_lazy("Note to the outlet"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def filter_applications(params: dict, today=None):
    today = today or timezone.localdate()
    applications = Application.objects.all()
    if params.get("status"):
        applications = applications.filter(status=params["status"])
    if params.get("kind"):
        applications = applications.filter(kind=params["kind"])
    if params.get("intake"):
        applications = applications.filter(intake=params["intake"])
    if params.get("overdue"):
        applications = applications.filter(status=Application.Status.PENDING, review_due__lt=today)
    query = (params.get("q") or "").strip()
    if query:
        applications = applications.filter(
            Q(number__icontains=query) | Q(outlet__name__icontains=query)
        )
    return applications.order_by("status", "review_due", "pk")


def application_list(request):
    if not can(request.user, VIEW):
        return forbidden(request)
    data = request.GET.copy() if request.GET else None
    if data is not None and "status" not in data:
        data["status"] = Application.Status.PENDING
    form = ApplicationFilterForm(data or {"status": Application.Status.PENDING})
    params = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    applications = (
        filter_applications(params, today)
        .select_related("outlet", "briefing")
        .annotate(
            journalist_count=Count("journalists"),
            pending_count=Count(
                "journalists",
                filter=Q(journalists__decision=ApplicationJournalist.Decision.PENDING),
            ),
        )
    )
    page = Paginator(applications, PER_PAGE).get_page(request.GET.get("p"))
    for application in page.object_list:
        application.overdue = services.is_overdue(application, today)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "accreditation/admin/applications.html",
        {
            "page_title": _("Accreditation applications"),
            "header_title": _("Accreditation applications"),
            "header_icon": "form",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": _("Accreditation applications")},
            ],
            "form": form,
            "page": page,
            "querystring": query.urlencode(),
        },
    )


def application_view(request, pk: int, refuse_forms: dict | None = None, status: int = 200):
    if not can(request.user, VIEW, "accreditation.view_applicationjournalist"):
        return forbidden(request)
    application = get_object_or_404(
        Application.objects.select_related("outlet", "intake", "briefing"), pk=pk
    )
    journalists = list(
        application.journalists.select_related("decided_by", "accreditation").order_by("pk")
    )
    services.log_personal_data_view(
        application, user=request.user, what="application: IIN, phone, e-mail"
    )
    may_decide = can(request.user, *DECIDE)
    refuse_forms = refuse_forms or {}
    for journalist in journalists:
        journalist.refuse_form = refuse_forms.get(journalist.pk) or RefuseForm(
            prefix=f"refuse-{journalist.pk}",
            initial={"ground": RefusalGround.FOREIGN_MEDIA}
            if application.outlet.is_foreign
            else None,
        )
        journalist.barred_until = services.barred_until(journalist.iin)
    return TemplateResponse(
        request,
        "accreditation/admin/application.html",
        {
            "page_title": application.number,
            "header_title": _("Application %(number)s") % {"number": application.number},
            "header_icon": "form",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse(f"{NAMESPACE}:list"), "label": _("Accreditation applications")},
                {"url": "", "label": application.number},
            ],
            "application": application,
            "journalists": journalists,
            "overdue": services.is_overdue(application),
            "may_decide": may_decide and application.status == Application.Status.PENDING,
            "mfa_note": services.MFA_NOTE,
        },
        status=status,
    )


def decide(request, pk: int, journalist_id: int, action: str):
    if request.method != "POST":
        return redirect(f"{NAMESPACE}:application", pk=pk)
    journalist = get_object_or_404(
        ApplicationJournalist.objects.select_related("application"),
        pk=journalist_id,
        application_id=pk,
    )
    try:
        if action == "approve":
            accreditation = services.approve(journalist, user=request.user)
            messages.success(
                request,
                _("%(name)s is accredited: card %(card)s, valid until %(date)s.")
                % {
                    "name": journalist.full_name,
                    "card": accreditation.card_number,
                    "date": accreditation.valid_until,
                },
            )
        elif action == "refuse":
            form = RefuseForm(request.POST, prefix=f"refuse-{journalist.pk}")
            if not form.is_valid():
                return application_view(request, pk, {journalist.pk: form}, status=400)
            services.refuse(
                journalist,
                user=request.user,
                ground=form.cleaned_data["ground"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("%(name)s is refused.") % {"name": journalist.full_name})
        else:
            raise Http404
    except PermissionDenied:
        return forbidden(request)
    except services.AccreditationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(f"{NAMESPACE}:application", pk=pk)


def photo(request, pk: int, journalist_id: int):
    """The journalist's photo, to authorised staff only; every view is logged."""
    if not can(request.user, "accreditation.view_applicationjournalist"):
        raise PermissionDenied
    journalist = get_object_or_404(ApplicationJournalist, pk=journalist_id, application_id=pk)
    if not journalist.photo:
        raise Http404
    services.log_personal_data_view(journalist, user=request.user, what="photo")
    content_type = mimetypes.guess_type(journalist.photo.name)[0] or "application/octet-stream"
    response = FileResponse(journalist.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("", application_list, name="list"),
    path("<int:pk>/", application_view, name="application"),
    path("<int:pk>/journalists/<int:journalist_id>/photo/", photo, name="photo"),
    path("<int:pk>/journalists/<int:journalist_id>/<str:action>/", decide, name="decide"),
]


@hooks.register("register_admin_urls")
def register_application_urls():
    return [
        path(
            "accreditation/applications/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, VIEW)


@hooks.register(MENU_HOOK)
def register_applications_menu_item():
    return ApplicationsMenuItem(
        gettext_lazy("Applications"),
        reverse(f"{NAMESPACE}:list"),
        name="accreditation-applications",
        icon_name="form",
        order=200,
    )
