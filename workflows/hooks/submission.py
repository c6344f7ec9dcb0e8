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
from ..summary import blocking_in_report, brief_findings


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
    """The create view saved the new page as a draft; start its workflow as the editor asked.

    When the parent page has a workflow of its own, Wagtail's create view has already started
    it; then only what the check decided is left to say.
    """
    page = page.specific
    if not request.POST.get("action-submit") or not is_guarded(page):
        return None
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            _report_submission(request, page, state)
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = workflow.start(page, request.user)
    _report_submission(request, page, state)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_edit_page")
def report_check_outcome(request, page):
    """After a submission (or a restarted workflow), say at once when the automatic check sent
    the page back, in place of Wagtail's "submitted for moderation"."""
    submitted = request.POST.get("action-submit") or request.POST.get("action-restart-workflow")
    if submitted and is_guarded(page.specific):
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            _report_submission(request, page, state)
    return None


def _drop_queued_success_messages(request) -> None:
    """Forget the success messages this request queued (Wagtail's "submitted", "created").

    They would contradict the check's verdict shown in their place. Messages carried over from
    earlier requests are kept.
    """
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued:
        queued[:] = [message for message in queued if message.level != messages.SUCCESS]


def _report_submission(request, page, state):
    title = page.get_admin_display_title()
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        _drop_queued_success_messages(request)
        task_state = state.current_task_state
        messages.warning(
            request,
            gettext(
                "“%(title)s” was sent back by the automatic check “%(task)s”: %(reason)s "
                "Correct it and submit again; the Review tab shows where."
            )
            % {
                "title": title,
                # The task's kind, in the reader's language; its name is data, kept as typed.
                "task": task_state.task.specific.get_verbose_name(),
                "reason": returned_reason(page, task_state),
            },
        )
    else:
        messages.success(
            request,
            gettext("“%(title)s” has been submitted for moderation.") % {"title": title},
        )


def returned_reason(page, task_state) -> str:
    """Why an automatic task sent ``page`` back, briefly and in the reader's language."""
    task_state = task_state.specific
    blocking = blocking_in_report(getattr(task_state, "report", None))
    if not blocking:
        return task_state.get_comment()
    return brief_findings(page, blocking)
