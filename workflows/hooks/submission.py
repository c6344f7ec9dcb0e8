"""Submitting a new moderated page from the create view, and saying what the check decided.

Wagtail offers "Submit to …" on the create view only when the parent page has a workflow in
the page tree; moderated pages usually take the default workflow of their type (see
``ModerationSettings``), so the create view gets the button and the submission from here.
"""

from django.apps import apps
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.models import Page, WorkflowState

from ..configuration import ModerationSettings
from ..mixins import RestrictedInfoMixin, is_guarded


def workflow_for_new_page(page_class, parent_page):
    """The workflow a new page of ``page_class`` under ``parent_page`` will be submitted to."""
    return Page.get_workflow(parent_page) or ModerationSettings.load().workflow_for(page_class)


def created_page_class(request):
    """The page type the create view is making, from its URL."""
    match = request.resolver_match
    if match is None or match.url_name != "add":
        return None
    try:
        return apps.get_model(
            match.kwargs["content_type_app_name"], match.kwargs["content_type_model_name"]
        )
    except (KeyError, LookupError):
        return None


class SubmitNewPageMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <workflow>" on the create view of a moderated page type."""

    def is_shown(self, context):
        return context["view"] == "create"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        workflow = workflow_for_new_page(
            created_page_class(parent_context["request"]), parent_context["parent_page"]
        )
        context["label"] = _("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}
        return context


@hooks.register("construct_page_action_menu")
def offer_submission_on_create(menu_items, request, context):
    if context.get("view") != "create":
        return
    page_class, parent = created_page_class(request), context.get("parent_page")
    if page_class is None or parent is None or parent.has_workflow:
        return
    if not issubclass(page_class, RestrictedInfoMixin):
        return
    if workflow_for_new_page(page_class, parent) is None:
        return
    if any(item.name == "action-submit" for item in menu_items):
        return
    menu_items.insert(1, SubmitNewPageMenuItem(order=20))


@hooks.register("after_create_page")
def submit_new_page(request, page):
    """The create view saved the new page as a draft; start its workflow as the editor asked."""
    page = page.specific
    if not request.POST.get("action-submit") or not is_guarded(page):
        return None
    if page.current_workflow_state is not None:
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = workflow.start(page, request.user)
    _report_submission(request, page, state)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_edit_page")
def report_check_outcome(request, page):
    """After a submission, say at once when the automatic check sent the page back."""
    if request.POST.get("action-submit") and is_guarded(page.specific):
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            _report_submission(request, page, state)
    return None


def _report_submission(request, page, state):
    title = page.get_admin_display_title()
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        messages.warning(
            request,
            gettext("“%(title)s” was sent back: %(reason)s See the Review tab for the findings.")
            % {"title": title, "reason": state.current_task_state.comment},
        )
    else:
        messages.success(
            request,
            gettext("“%(title)s” has been submitted for moderation.") % {"title": title},
        )
