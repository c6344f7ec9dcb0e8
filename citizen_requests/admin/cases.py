"""The request officer's case list, and the viewset that carries the case and its actions.

The list is Wagtail's (filters, search, sorting, paging, the CSV and XLSX exports). It shows no
personal data, so it can page through 100,000 cases without logging; only those who may see
personal data may search by the requester's name, organisation, e-mail, IIN or BIN. The case
page, its actions and its files are the views of :mod:`.case_page`, :mod:`.case_actions`,
:mod:`.case_files` and :mod:`.case_faq`, registered here on the viewset.
"""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

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

from .. import services
from ..kinds import RequestKind, Status
from ..models import CitizenRequest, Unit
from . import case_actions, case_faq, case_files, case_page

OPEN_STATUSES = [status for status in Status.values if status not in Status.closed()]
#: The columns the list reads (and its joins): no personal data.
LIST_FIELDS = (
    "id",
    "kind",
    "number",
    "status",
    "subject",
    "received_at",
    "answer_due",
    "unit",
    "unit__name",
    "executor",
    "executor__username",
    "executor__first_name",
    "executor__last_name",
)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class CheckboxFilter(django_filters.BooleanFilter):
    """Applied when ticked (``on``), ignored when not: never "only the others"."""

    field_class = forms.BooleanField


class CaseFilterSet(WagtailFilterSet):
    """The list's filters. A value that does not validate is ignored, not the whole filter."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=RequestKind.choices, empty_label=_("All kinds"), widget=PlainSelect
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("open", _("Open")), *Status.choices],
        empty_label=_("All statuses"),
        method="filter_status",
        widget=PlainSelect,
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=lambda request: Unit.objects.all(),
        empty_label=_("All units"),
        widget=PlainSelect,
    )
    executor = django_filters.ModelChoiceFilter(
        label=_("Executor"),
        queryset=lambda request: services.eligible_executors(),
        empty_label=_("Anyone"),
        widget=PlainSelect,
    )
    due_within = IntegerFilter(
        label=_("Due within (days)"), min_value=0, max_value=366, method="filter_due_within"
    )
    overdue = CheckboxFilter(label=_("Overdue only"), method="filter_overdue")

    class Meta:
        model = CitizenRequest
        fields = ["kind", "status", "unit", "executor", "due_within", "overdue"]

    def is_valid(self):
        if not self.is_bound:
            return False
        self.form.is_valid()  # cleaned_data keeps the valid values only
        return True

    @property
    def today(self) -> datetime.date:
        return timezone.localdate()

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_due_within(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(
            status__in=OPEN_STATUSES,
            answer_due__lte=self.today + datetime.timedelta(days=value),
        )

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(status__in=OPEN_STATUSES, answer_due__lt=self.today)


def search_cases(queryset, query: str, user):
    """Cases whose number or subject contain ``query``; for those who may see personal data,
    also by the requester's name or organisation, or exactly by e-mail, IIN or BIN."""
    query = query.strip()
    if not query:
        return queryset
    match = Q(number__icontains=query) | Q(subject__icontains=query)
    if services.can(user, "personal_data"):
        match |= (
            Q(full_name__icontains=query)
            | Q(organisation__icontains=query)
            | Q(email__iexact=query)
            | Q(iin=query)
            | Q(bin=query)
        )
    return queryset.filter(match)


def short_subject(case: CitizenRequest) -> str:
    subject = case.subject
    return subject if len(subject) <= 80 else subject[:79] + "…"


def is_overdue(case: CitizenRequest) -> bool:
    return case.is_overdue()


class CaseIndexView(ServiceIndexView):
    """The cases, the earliest due first."""

    def get_base_queryset(self):
        return CitizenRequest.objects.select_related("unit", "executor").only(*LIST_FIELDS)

    def search_queryset(self, queryset):
        return search_cases(queryset, self.search_query, self.request.user)


class CaseViewSet(ServiceViewSet):
    """The cases: the list, the case page and everything done from it."""

    model = CitizenRequest
    icon = "mail"
    menu_label = _("Cases")
    menu_name = "citizen-request-cases"
    refusal_message = _("You are not allowed to do this with requests.")
    # Mail to officers links to the list (with ?overdue=on) and to cases by these names.
    list_url_name = "list"
    record_url_name = "case"
    index_view_class = CaseIndexView
    filterset_class = CaseFilterSet
    search_fields = ["number"]  # the search itself is search_cases
    ordering = ["answer_due", "id"]
    list_per_page = 50
    list_display = [
        LinkColumn("number", label=_("Number"), url_name="citizen_requests_cases:case"),
        ChoiceColumn("kind", label=_("Kind"), choices=RequestKind.choices),
        PlainColumn("subject", label=_("Subject"), accessor=short_subject),
        ChoiceColumn("status", label=_("Status"), choices=Status.choices),
        PlainColumn("unit", label=_("Unit"), accessor="unit.name"),
        PlainColumn("executor", label=_("Executor"), accessor="executor_name"),
        ExactDateColumn("received_at", label=_("Received"), sort_key="received_at"),
        DueDateColumn(
            "answer_due",
            label=_("Due"),
            sort_key="answer_due",
            is_late=is_overdue,
            late_classname="case-overdue",
            stylesheet="citizen_requests/admin/cases.css",
        ),
    ]
    list_export = [
        "number",
        "get_kind_display",
        "subject",
        "get_status_display",
        "unit",
        "executor_name",
        "received_at",
        "answer_due",
    ]
    export_headings = {
        "number": _("Number"),
        "get_kind_display": _("Kind"),
        "subject": _("Subject"),
        "get_status_display": _("Status"),
        "unit": _("Unit"),
        "executor_name": _("Executor"),
        "received_at": _("Received"),
        "answer_due": _("Due"),
    }
    export_filename = "requests"

    def user_can_view(self, user) -> bool:
        return services.can(user, "view")

    def get_record_urlpatterns(self):
        views = {"viewset": self}
        return [
            path("<int:pk>/", case_page.CaseView.as_view(**views), name="case"),
            path(
                "<int:pk>/do/<str:action>/",
                case_actions.CaseActionView.as_view(**views),
                name="action",
            ),
            path(
                "<int:pk>/posted/<int:event_id>/",
                case_files.mark_posted,
                name="mark_posted",
            ),
            path(
                "<int:pk>/files/<int:attachment_id>/",
                case_files.attachment,
                name="attachment",
            ),
            path(
                "<int:pk>/signed/<int:submission_id>/<str:part>/",
                case_files.signed_file,
                name="signed_file",
            ),
            path("<int:pk>/letter/", case_files.answer_letter, name="answer_letter"),
            path(
                "<int:pk>/notice/<int:event_id>/",
                case_files.notice_letter,
                name="notice_letter",
            ),
            path("<int:pk>/faq/", case_faq.FAQDraftView.as_view(**views), name="faq"),
        ]


case_viewset = CaseViewSet("citizen_requests_cases", url_prefix="requests/cases")
