"""Intakes: the officer opens one for a period, announced in Kazakh and Russian."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .. import services
from ..models import Intake
from . import MENU_HOOK, can, forbidden

NAMESPACE = "accreditation_intakes"


class IntakeForm(forms.Form):
    opens_on = forms.DateField(
        label=gettext_lazy("Opens on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy(
            "It closes after the intake length set in the accreditation settings."
        ),
    )
    announcement_kk = forms.CharField(
        label=gettext_lazy("Announcement in Kazakh"), widget=forms.Textarea(attrs={"rows": 4})
    )
    announcement_ru = forms.CharField(
        label=gettext_lazy("Announcement in Russian"), widget=forms.Textarea(attrs={"rows": 4})
    )
    announcement_en = forms.CharField(
        label=gettext_lazy("Announcement in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def intake_list(request):
    if not can(request.user, "accreditation.view_intake"):
        return forbidden(request)
    may_open = can(request.user, "accreditation.add_intake")
    form = None
    if may_open:
        form = IntakeForm(
            request.POST if request.method == "POST" else None,
            initial={"opens_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            try:
                intake = services.open_intake(user=request.user, **form.cleaned_data)
            except PermissionDenied:
                return forbidden(request)
            except services.AccreditationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Intake opened: %(opens)s to %(closes)s.")
                    % {"opens": intake.opens_on, "closes": intake.closes_on},
                )
                return redirect(f"{NAMESPACE}:list")
    elif request.method == "POST":
        return forbidden(request)
    today = timezone.localdate()
    intakes = Intake.objects.annotate(application_count=Count("applications")).select_related(
        "opened_by"
    )[:50]
    return TemplateResponse(
        request,
        "accreditation/admin/intakes.html",
        {
            "page_title": _("Accreditation intakes"),
            "header_title": _("Accreditation intakes"),
            "header_icon": "date",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": _("Accreditation intakes")},
            ],
            "intakes": intakes,
            "today": today,
            "form": form,
            "intake_days": services.rules().intake_working_days,
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


urlpatterns = [path("", intake_list, name="list")]


@hooks.register("register_admin_urls")
def register_intake_urls():
    return [path("accreditation/intakes/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


class IntakesMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "accreditation.view_intake")


@hooks.register(MENU_HOOK)
def register_intakes_menu_item():
    return IntakesMenuItem(
        gettext_lazy("Intakes"),
        reverse(f"{NAMESPACE}:list"),
        name="accreditation-intakes",
        icon_name="date",
        order=100,
    )
