"""Admin hooks for the editor side of moderation: review screens, emergency publication, state.

The "Review" tab itself is part of each moderated page type's ``edit_handler``
(``workflows.panels.ModeratedTabbedInterface``); this module adds the screens it links to, the
"Emergency publish…" action and the flags the page explorer needs to show each page's state
without a query per page.
"""

from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from .. import views
from ..mixins import is_guarded
from ..services import can_emergency_publish
from ..status import annotate_page_states

review_urls = [
    path("pages/<int:page_id>/findings/", views.FindingsView.as_view(), name="findings"),
    path(
        "pages/<int:page_id>/emergency-publish/",
        views.EmergencyPublishView.as_view(),
        name="emergency_publish",
    ),
    path("reports/<int:task_state_id>/", views.CheckReportView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("moderation/", include((review_urls, "workflows_review")))]


class EmergencyPublishMenuItem(ActionMenuItem):
    """Saves what is in the editor as a draft, then opens the emergency publication form.

    A submit button rather than a link, so the text on screen is what gets published.
    """

    name = "action-emergency-publish"
    label = _("Emergency publish…")
    icon_name = "warning"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"].specific
        return is_guarded(page) and can_emergency_publish(context["request"].user, page)


@hooks.register("register_page_action_menu_item")
def register_emergency_publish_menu_item():
    return EmergencyPublishMenuItem(order=45)


@hooks.register("after_edit_page")
def open_emergency_publish_form(request, page):
    """After "Emergency publish…" saved the draft, continue to the form (which checks roles)."""
    if request.POST.get(EmergencyPublishMenuItem.name) and is_guarded(page.specific):
        return redirect("workflows_review:emergency_publish", page.pk)
    return None


@hooks.register("construct_explorer_page_queryset")
def annotate_review_states(parent_page, pages, request):
    """The explorer already prefetches workflow states; add the emergency and withdrawal flags."""
    return annotate_page_states(pages)
