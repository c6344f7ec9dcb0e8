"""Media watch → Demands: the demands to outlets (Law on Mass Media Art. 38), drafted from a
story, each with its clocks, its status actions and its letter as a PDF.

Press secretaries draft and change demands; the Heads read them. Every status change and every
download of a letter is written to the audit log.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks, log_actions
from wagtail.admin.filters import WagtailFilterSet

import django_filters

from agency.admin import (
    ChoiceColumn,
    DueDateColumn,
    ExactDateColumn,
    LinkColumn,
    PlainColumn,
    ServiceIndexView,
    ServiceViewSet,
    refuse_with_reason,
)
from agency.http import no_store
from agency.private_files import PrivateFile, private_file_response

from ..admin.menu import join_media_watch_menu
from ..models import Demand, Story
from . import services
from .forms import DemandForm, StatusForm
from .letters import letter_filename, render_demand_pdf

NAMESPACE = "media_watch_demands"
REFUSAL = gettext_lazy("Only press secretaries and the Heads may see the demands to outlets.")
#: The status actions, their buttons and the message after each.
ACTIONS = {
    "send": (gettext_lazy("Mark as sent"), gettext_lazy("The demand is marked as sent.")),
    "published": (
        gettext_lazy("Published by the outlet"),
        gettext_lazy("The outlet published it."),
    ),
    "refused": (
        gettext_lazy("Refused by the outlet"),
        gettext_lazy("The outlet's refusal is recorded."),
    ),
    "close": (gettext_lazy("Close"), gettext_lazy("The demand is closed.")),
}


def can(user, permission: str) -> bool:
    return bool(user and user.is_active and user.has_perm(permission))


class DemandFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Demand.Status.choices,
        empty_label=gettext_lazy("Any"),
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=Demand.Kind.choices, empty_label=gettext_lazy("Any")
    )
    overdue = django_filters.BooleanFilter(label=gettext_lazy("Overdue"), method="filter_overdue")

    class Meta:
        model = Demand
        fields = ["status", "kind", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        late = Q(status=Demand.Status.DRAFT, limitation_ends__lt=today) | Q(
            status=Demand.Status.SENT, publication_due__lt=today
        )
        return queryset.filter(late) if value else queryset.exclude(late)


class DemandIndexView(ServiceIndexView):
    def get_base_queryset(self):
        return Demand.objects.select_related("outlet", "item")

    def search_queryset(self, queryset):
        query = self.search_query.strip()
        if not query:
            return queryset
        return queryset.filter(
            Q(number__icontains=query)
            | Q(outlet__name__icontains=query)
            | Q(item__title__icontains=query)
        )


def demand_deadline(demand: Demand):
    return (
        demand.publication_due if demand.status != Demand.Status.DRAFT else demand.limitation_ends
    )


class DemandViewSet(ServiceViewSet):
    """The demands, the newest first; the demand's page, its actions and its letter."""

    model = Demand
    icon = "mail"
    menu_label = gettext_lazy("Demands")
    menu_name = "media-watch-demands"
    view_permission = services.VIEW
    refusal_message = REFUSAL
    record_url_name = "demand"
    index_view_class = DemandIndexView
    filterset_class = DemandFilterSet
    search_fields = ["number"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        LinkColumn("number", label=gettext_lazy("Number"), url_name=f"{NAMESPACE}:demand"),
        ChoiceColumn("kind", label=gettext_lazy("Kind"), choices=Demand.Kind.choices),
        PlainColumn("outlet", label=gettext_lazy("Outlet"), accessor="outlet.name"),
        PlainColumn("item", label=gettext_lazy("Item"), accessor="item.title"),
        ChoiceColumn("status", label=gettext_lazy("Status"), choices=Demand.Status.choices),
        ExactDateColumn("created_at", label=gettext_lazy("Created")),
        DueDateColumn(
            "deadline",
            label=gettext_lazy("Deadline"),
            accessor=demand_deadline,
            is_late=lambda demand: demand.is_overdue(),
        ),
    ]
    list_export = ["number", "kind", "outlet", "item", "status", "created_at", "sent_on"]

    def get_record_urlpatterns(self):
        return [
            path("<int:pk>/", self.demand_view, name="demand"),
            path("<int:pk>/<slug:action>/", self.action_view, name="action"),
            path("<int:pk>/letter.pdf", self.pdf_view, name="pdf"),
        ]

    def _get(self, pk: int) -> Demand:
        return get_object_or_404(
            Demand.objects.select_related("outlet", "item__outlet", "story"), pk=pk
        )

    def render_demand(self, request, demand, *, form=None, status=200):
        may_manage = can(request.user, services.MANAGE)
        allowed = [
            (action, *ACTIONS[action])
            for action, (sources, _target) in services.TRANSITIONS.items()
            if demand.status in sources
        ]
        context = {
            "page_title": demand.number,
            "header_title": _("Demand %(number)s") % {"number": demand.number},
            "header_icon": "mail",
            "breadcrumbs_items": self.breadcrumbs({"url": "", "label": demand.number}),
            "demand": demand,
            "clocks": services.clocks(demand),
            "actions": allowed if may_manage else [],
            "form": form or StatusForm(),
            "logs": log_actions.registry.get_logs_for_instance(demand).select_related("user")[:20],
        }
        return no_store(
            TemplateResponse(request, "media_watch/demands/demand.html", context, status=status)
        )

    def demand_view(self, request, pk):
        if not self.user_can_view(request.user):
            raise PermissionDenied
        return self.render_demand(request, self._get(pk))

    def action_view(self, request, pk, action):
        if request.method != "POST":
            return redirect(self.get_url_name("demand"), pk=pk)
        if not can(request.user, services.MANAGE):
            raise PermissionDenied(_("Only press secretaries may draft and change demands."))
        demand = self._get(pk)
        if action not in ACTIONS:
            messages.error(request, _("Unknown action."))
            return redirect(self.get_url_name("demand"), pk=pk)
        form = StatusForm(request.POST)
        if not form.is_valid():
            return self.render_demand(request, demand, form=form, status=400)
        try:
            services.change_status(
                demand,
                action,
                user=request.user,
                note=form.cleaned_data["note"],
                sent_on=form.cleaned_data["sent_on"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, str(ACTIONS[action][1]))
        return redirect(self.get_url_name("demand"), pk=pk)

    def pdf_view(self, request, pk):
        def find():
            demand = self._get(pk)
            return PrivateFile(
                render_demand_pdf(demand), letter_filename(demand), "application/pdf", record=demand
            )

        def log(file):
            log_actions.log(
                file.record,
                "media_watch.demand_letter_download",
                user=request.user,
                data={"number": file.record.number},
            )

        return private_file_response(self.user_can_view(request.user), find, log, refusal=REFUSAL)


demand_viewset = DemandViewSet(NAMESPACE, url_prefix="media-watch/demands")


def create_demand_view(request, story_pk: int):
    """Draft a demand from a story (GET: the form; POST: the demand, then its page)."""
    if not can(request.user, services.ADD):
        raise PermissionDenied(_("Only press secretaries may draft and change demands."))
    story = get_object_or_404(Story, pk=story_pk)
    form = DemandForm(request.POST if request.method == "POST" else None, story=story)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                demand = services.create_demand(
                    user=request.user,
                    story=story,
                    item=data["item"],
                    kind=data["kind"],
                    text=services.prefilled_text(data["kind"], data["item"], data["text"]),
                    planned_issue=data["planned_issue"],
                    notes=data["notes"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Demand %(number)s is drafted. Download the letter, sign it and send it.")
                    % {"number": demand.number},
                )
                return redirect(f"{NAMESPACE}:demand", pk=demand.pk)
        status = 400
    context = {
        "page_title": _("New demand to an outlet"),
        "header_title": _("New demand to an outlet"),
        "header_icon": "mail",
        "breadcrumbs_items": demand_viewset.breadcrumbs({"url": "", "label": story.title}),
        "story": story,
        "form": form,
    }
    return no_store(
        TemplateResponse(request, "media_watch/demands/create.html", context, status=status)
    )


@hooks.register("register_admin_urls")
def register_demand_create_url():
    return [
        path(
            "media-watch/stories/<int:story_pk>/demand/",
            refuse_with_reason(create_demand_view, REFUSAL),
            name="media_watch_demand_create",
        )
    ]


@hooks.register("register_admin_viewset")
def register_demand_viewset():
    return demand_viewset


@hooks.register("construct_main_menu")
def add_demands_to_media_watch_menu(request, menu_items):
    """Demands go in the Media watch menu, after its other items."""
    item = demand_viewset.get_menu_item(order=100)
    join_media_watch_menu(menu_items, item)


@hooks.register("register_log_actions")
def register_demand_log_actions(actions):
    actions.register_action(
        "media_watch.demand_create", gettext_lazy("Draft a demand"), gettext_lazy("Demand drafted")
    )
    actions.register_action(
        "media_watch.demand_send", gettext_lazy("Send a demand"), gettext_lazy("Demand sent")
    )
    actions.register_action(
        "media_watch.demand_published",
        gettext_lazy("Record the outlet's publication"),
        gettext_lazy("Published by the outlet"),
    )
    actions.register_action(
        "media_watch.demand_refused",
        gettext_lazy("Record the outlet's refusal"),
        gettext_lazy("Refused by the outlet"),
    )
    actions.register_action(
        "media_watch.demand_close", gettext_lazy("Close a demand"), gettext_lazy("Demand closed")
    )
    actions.register_action(
        "media_watch.demand_letter_download",
        gettext_lazy("Download a demand letter"),
        gettext_lazy("Demand letter downloaded"),
    )
