"""Intakes: the list, and opening one for a period, announced in Kazakh and Russian."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from agency.admin import ExactDateColumn, LinkColumn, PlainColumn, ServiceIndexView, ServiceViewSet
from agency.dates import local_day

from .. import services
from ..models import Intake
from . import REFUSAL, can

OPEN = "accreditation.add_intake"


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


def intake_state(intake: Intake) -> str:
    today = timezone.localdate()
    if intake.opens_on > today:
        return _("Announced")
    if intake.closes_on < today:
        return _("Closed")
    return _("Open")


def opened_by(intake: Intake) -> str:
    user = intake.opened_by
    return (user.get_full_name() or user.get_username()) if user else ""


def applications_url(intake: Intake) -> str:
    """The intake's applications, whatever their status."""
    return f"{reverse('accreditation_applications:list')}?intake={intake.pk}&status="


class IntakeIndexView(ServiceIndexView):
    add_item_label = gettext_lazy("Open an intake")

    def get_base_queryset(self):
        return Intake.objects.annotate(application_count=Count("applications")).select_related(
            "opened_by"
        )


class OpenIntakeView(WagtailAdminTemplateMixin, FormView):
    """Open (or announce) an intake; the service checks the dates and logs it."""

    viewset = None
    form_class = IntakeForm
    template_name = "accreditation/admin/intake_form.html"
    page_title = gettext_lazy("Open an intake")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, OPEN):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_initial(self):
        return {"opens_on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(intake_days=services.rules().intake_working_days, **kwargs)

    def form_valid(self, form):
        try:
            intake = services.open_intake(user=self.request.user, **form.cleaned_data)
        except services.AccreditationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Intake opened: %(opens)s to %(closes)s.")
            % {"opens": local_day(intake.opens_on), "closes": local_day(intake.closes_on)},
        )
        return redirect(self.viewset.list_url)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class IntakeViewSet(ServiceViewSet):
    """Intakes of applications for permanent accreditation, the latest first."""

    model = Intake
    icon = "date"
    menu_label = gettext_lazy("Intakes")
    menu_name = "accreditation-intakes"
    view_permission = "accreditation.view_intake"
    refusal_message = REFUSAL
    list_url_name = "list"
    index_view_class = IntakeIndexView
    ordering = ["-opens_on"]
    list_per_page = 50
    list_display = [
        ExactDateColumn("opens_on", label=gettext_lazy("Opens"), sort_key="opens_on"),
        ExactDateColumn("closes_on", label=gettext_lazy("Closes")),
        PlainColumn("state", label=gettext_lazy("Status"), accessor=intake_state),
        LinkColumn(
            "application_count",
            label=gettext_lazy("Applications"),
            get_url=applications_url,
        ),
        PlainColumn("opened_by", label=gettext_lazy("Opened by"), accessor=opened_by),
    ]
    list_export = ["opens_on", "closes_on", "application_count", "opened_by"]
    export_headings = {
        "opens_on": gettext_lazy("Opens"),
        "closes_on": gettext_lazy("Closes"),
        "application_count": gettext_lazy("Applications"),
        "opened_by": gettext_lazy("Opened by"),
    }
    export_filename = "accreditation-intakes"

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=self.get_url_name("add"), **kwargs)

    def get_record_urlpatterns(self):
        return [path("new/", OpenIntakeView.as_view(viewset=self), name="add")]


intake_viewset = IntakeViewSet("accreditation_intakes", url_prefix="accreditation/intakes")
