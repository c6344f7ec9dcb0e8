"""Applications: the list with review due dates (overdue highlighted) and the application,
where each journalist is approved or refused separately.

The list shows no personal data. The application shows the journalists' IINs, phones and
photos, and every view of it (and of each photo) is written to the audit log.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import django_filters

from agency.admin import (
    ChoiceColumn,
    DueDateColumn,
    ExactDateColumn,
    LinkColumn,
    PlainColumn,
    PlainSelect,
    ServiceIndexView,
    ServiceViewSet,
)
from agency.dates import local_day
from esign.services import summaries

from .. import services
from ..models import (
    AccreditationType,
    Application,
    ApplicationJournalist,
    Intake,
    RefusalGround,
)
from . import REFUSAL, can, photo_response
from .signatures import signed_file

VIEW = "accreditation.view_application"
VIEW_JOURNALISTS = "accreditation.view_applicationjournalist"
DECIDE = ("accreditation.change_applicationjournalist", "accreditation.add_accreditation")
PENDING = Application.Status.PENDING


class OverdueFilter(django_filters.BooleanFilter):
    field_class = forms.BooleanField


class ApplicationFilterSet(WagtailFilterSet):
    """Pending applications unless another status (or any, ``status=``) is asked for."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Application.Status.choices,
        empty_label=gettext_lazy("Any"),
        initial=PENDING,
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Type"),
        choices=AccreditationType.choices,
        empty_label=gettext_lazy("Any"),
    )
    overdue = OverdueFilter(label=gettext_lazy("Overdue only"), method="filter_overdue")
    intake = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Intake"),
        queryset=lambda request: Intake.objects.all(),
        empty_label=gettext_lazy("Any"),
        widget=PlainSelect,
    )

    class Meta:
        model = Application
        fields = ["status", "kind", "overdue", "intake"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = PENDING
        super().__init__(data, *args, **kwargs)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(status=PENDING, review_due__lt=timezone.localdate())


class RefuseForm(forms.Form):
    ground = forms.ChoiceField(label=gettext_lazy("Ground"), choices=RefusalGround.choices)
    note = forms.CharField(
        label=gettext_lazy("Note to the outlet"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


KIND_LABELS = dict(AccreditationType.choices)


def kind_and_event(application: Application) -> str:
    kind = KIND_LABELS.get(application.kind, application.kind)
    return f"{kind}: {application.briefing.title}" if application.briefing else kind


def outlet(application: Application) -> str:
    if application.outlet.is_foreign:
        return f"{application.outlet.name} ({_('foreign')})"
    return application.outlet.name


def journalist_count(application: Application) -> str:
    count, pending = application.journalist_count, application.pending_count
    if pending and pending != count:
        return f"{count} ({_('%(count)s pending') % {'count': pending}})"
    return str(count)


class ApplicationIndexView(ServiceIndexView):
    def get_base_queryset(self):
        return Application.objects.select_related("outlet", "briefing").annotate(
            journalist_count=Count("journalists"),
            pending_count=Count(
                "journalists",
                filter=Q(journalists__decision=ApplicationJournalist.Decision.PENDING),
            ),
        )

    def search_queryset(self, queryset):
        query = self.search_query.strip()
        if not query:
            return queryset
        return queryset.filter(Q(number__icontains=query) | Q(outlet__name__icontains=query))


class ApplicationView(WagtailAdminTemplateMixin, TemplateView):
    """The application with its journalists' personal data (audited) and their decisions."""

    viewset = None
    template_name = "accreditation/admin/application.html"
    header_icon = "form"
    #: Refusal forms posted with errors, by journalist.
    refuse_forms = None
    status = 200

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, VIEW, VIEW_JOURNALISTS):
            raise PermissionDenied
        self.application = get_object_or_404(
            Application.objects.select_related("outlet", "intake", "briefing"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.application.number

    def get_header_title(self):
        return _("Application %(number)s") % {"number": self.application.number}

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.application.number})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.application, self.request.user
        journalists = list(
            application.journalists.select_related("decided_by", "accreditation").order_by("pk")
        )
        services.log_personal_data_view(
            application, user=user, what="application: IIN, phone, e-mail"
        )
        refuse_forms = self.refuse_forms or {}
        for journalist in journalists:
            journalist.refuse_form = refuse_forms.get(journalist.pk) or RefuseForm(
                prefix=f"refuse-{journalist.pk}",
                initial={"ground": RefusalGround.FOREIGN_MEDIA}
                if application.outlet.is_foreign
                else None,
            )
            journalist.barred_until = services.barred_until(journalist.iin)
        context.update(
            application=application,
            journalists=journalists,
            overdue=services.is_overdue(application),
            may_decide=can(user, *DECIDE) and application.status == PENDING,
            mfa_note=services.MFA_NOTE,
            signatures=summaries(application),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        return super().render_to_response(context, status=self.status, **response_kwargs)


class DecideView(ApplicationView):
    """Approve or refuse one journalist of the application (POST); the service checks the
    permission, decides and logs it."""

    def get(self, request, *args, **kwargs):
        return redirect(self.viewset.get_url_name("application"), pk=self.application.pk)

    def post(self, request, *args, pk: int, journalist_id: int, action: str):
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
                        "date": local_day(accreditation.valid_until),
                    },
                )
            elif action == "refuse":
                form = RefuseForm(request.POST, prefix=f"refuse-{journalist.pk}")
                if not form.is_valid():
                    self.refuse_forms, self.status = {journalist.pk: form}, 400
                    return self.render_to_response(self.get_context_data())
                services.refuse(
                    journalist,
                    user=request.user,
                    ground=form.cleaned_data["ground"],
                    note=form.cleaned_data["note"],
                )
                messages.success(
                    request, _("%(name)s is refused.") % {"name": journalist.full_name}
                )
            else:
                raise Http404
        except services.AccreditationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(self.viewset.get_url_name("application"), pk=pk)


def photo(request, pk: int, journalist_id: int):
    """The journalist's photo, to authorised staff only; every view is logged."""

    return photo_response(
        request,
        can(request.user, VIEW_JOURNALISTS),
        lambda: get_object_or_404(ApplicationJournalist, pk=journalist_id, application_id=pk),
    )


class ApplicationViewSet(ServiceViewSet):
    """Applications for accreditation, pending ones first and the earliest due first."""

    model = Application
    icon = "form"
    menu_label = gettext_lazy("Applications")
    menu_name = "accreditation-applications"
    view_permission = VIEW
    refusal_message = REFUSAL
    list_url_name = "list"
    record_url_name = "application"
    index_view_class = ApplicationIndexView
    filterset_class = ApplicationFilterSet
    search_fields = ["number"]  # the search itself also looks at the outlet's name
    ordering = ["status", "review_due", "pk"]
    list_per_page = 50
    list_display = [
        LinkColumn(
            "number",
            label=gettext_lazy("Number"),
            url_name="accreditation_applications:application",
        ),
        PlainColumn("kind", label=gettext_lazy("Type"), accessor=kind_and_event),
        PlainColumn("outlet", label=gettext_lazy("Media outlet"), accessor=outlet),
        PlainColumn("journalists", label=gettext_lazy("Journalists"), accessor=journalist_count),
        ExactDateColumn("received_at", label=gettext_lazy("Received"), sort_key="received_at"),
        DueDateColumn(
            "review_due",
            label=gettext_lazy("Review due"),
            sort_key="review_due",
            is_late=services.is_overdue,
            late_classname="acc-overdue",
            stylesheet="accreditation/admin.css",
        ),
        ChoiceColumn("status", label=gettext_lazy("Status"), choices=Application.Status.choices),
    ]
    list_export = [
        "number",
        "get_kind_display",
        "briefing",
        "outlet",
        "journalist_count",
        "received_at",
        "review_due",
        "get_status_display",
    ]
    export_headings = {
        "number": gettext_lazy("Number"),
        "get_kind_display": gettext_lazy("Type"),
        "briefing": gettext_lazy("Event"),
        "outlet": gettext_lazy("Media outlet"),
        "journalist_count": gettext_lazy("Journalists"),
        "received_at": gettext_lazy("Received"),
        "review_due": gettext_lazy("Review due"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "accreditation-applications"

    def get_record_urlpatterns(self):
        return [
            path("<int:pk>/", ApplicationView.as_view(viewset=self), name="application"),
            path("<int:pk>/journalists/<int:journalist_id>/photo/", photo, name="photo"),
            path(
                "<int:pk>/signed/<int:submission_id>/<str:part>/", signed_file, name="signed_file"
            ),
            path(
                "<int:pk>/journalists/<int:journalist_id>/<str:action>/",
                DecideView.as_view(viewset=self),
                name="decide",
            ),
        ]


application_viewset = ApplicationViewSet(
    "accreditation_applications", url_prefix="accreditation/applications"
)
