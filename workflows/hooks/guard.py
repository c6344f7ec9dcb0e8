"""Admin hooks that turn the publication guard into clear messages instead of errors.

The guard itself lives in the model (``RestrictedInfoMixin.save``); these hooks only stop the
admin before it gets there, so the editor sees why and keeps what they typed.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import LogFormatter

from ..guard import PublicationBlocked, check_publishable, scan_bundle
from ..mixins import is_guarded
from ..panels import AUTOMATIC_DECISIONS
from ..summary import brief_findings


def _refuse(request, blocked: PublicationBlocked, page):
    blocked.shown = True
    messages.error(request, blocked.message)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def guard_publish_button(request, page):
    """The Publish button (and publishing a reverted version): the revision must be cleared."""
    page = page.specific
    if not is_guarded(page):
        return None
    try:
        check_publishable(page, page.get_latest_revision())
    except PublicationBlocked as blocked:
        return _refuse(request, blocked, page)
    return None


class PublishBlockedMenuItem(ActionMenuItem):
    """In place of "Publish" while the latest version has unwaived blocking findings: says why.

    A disabled button, so it keeps its place in the menu without pretending to be an action.
    """

    name = "action-publish-blocked"
    label = _("Publishing blocked by restricted information")
    icon_name = "warning"
    template_name = "workflows/admin/includes/publish_blocked.html"

    def __init__(self, reason: str, order=None):
        super().__init__(order=order)
        self.reason = reason

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reason"] = self.reason
        return context


@hooks.register("construct_page_action_menu")
def hide_publish_while_blocked(menu_items, request, context):
    """Publishing a version with unwaived blocking findings is refused; do not offer it."""
    if context.get("view") != "edit":
        return
    position = next((i for i, item in enumerate(menu_items) if item.name == "action-publish"), None)
    if position is None:
        return
    page = context["page"].specific
    revision = page.get_latest_revision() if is_guarded(page) else None
    if revision is None:
        return
    blocking = scan_bundle(page, revision).blocking
    if blocking:
        item = menu_items[position]
        menu_items[position] = PublishBlockedMenuItem(
            brief_findings(page, blocking), order=item.order
        )


@hooks.register("before_bulk_action")
def guard_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publishing: refuse the whole action if any page may not go live."""
    if action_type != "publish":
        return None
    include_descendants = request.POST.get("include_descendants") or request.GET.get(
        "include_descendants"
    )
    pages = list(objects)
    if include_descendants:
        for page in list(pages):
            pages.extend(page.get_descendants().not_live())
    refused = []
    for page in pages:
        page = page.specific
        if not is_guarded(page):
            continue
        try:
            check_publishable(page, page.get_latest_revision())
        except PublicationBlocked as blocked:
            blocked.shown = True
            refused.append(blocked.message)
    if refused:
        for message in refused[:10]:
            messages.error(request, message)
        return redirect(action_class_instance.next_url or reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("before_copy_page")
def guard_publish_copies(request, page):
    """Copies of moderated pages start as drafts: "publish copies" is refused for them."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    pages = [page.specific]
    if request.POST.get("copy_subpages"):
        pages.extend(page.get_descendants().specific())
    if any(is_guarded(p) for p in pages):
        messages.error(
            request,
            gettext(
                "Copies of news, briefings and answers cannot be published directly. "
                "Copy without publishing, then submit the copy for moderation."
            ),
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action("workflows.waive", _("Waive a finding"), _("Finding waived"))
    actions.register_action(
        "workflows.emergency_publish",
        _("Emergency publication"),
        _("Published without full review"),
    )
    actions.register_action("workflows.withdraw", _("Withdraw"), _("Withdrawn"))
    actions.register_action(
        "workflows.publication_blocked", _("Publication blocked"), _("Publication blocked")
    )
    actions.register_action(
        "workflows.schedule_resumed",
        _("Resume a cancelled schedule"),
        _("Cancelled schedule resumed after a waiver"),
    )


class AutomaticDecisionFormatter(LogFormatter):
    """Wagtail's message for a task approved or rejected, naming the automatic check that did it.

    An automatic task decides with no user (``workflows.models.decided_by_the_system``), which
    the page history shows as "system"; the message says which check it was.
    """

    def __init__(self, wagtail_formatter: LogFormatter):
        self.wagtail_formatter = wagtail_formatter
        self.label = wagtail_formatter.label

    def format_message(self, log_entry):
        task = ((log_entry.data or {}).get("workflow") or {}).get("task") or {}
        if log_entry.user_id is not None or not task.get("title"):
            return self.wagtail_formatter.format_message(log_entry)
        if log_entry.action == "wagtail.workflow.reject":
            return gettext("The automatic check “%(task)s” sent the page back.") % {
                "task": task["title"]
            }
        message = gettext(
            "The automatic check “%(task)s” found nothing that blocks publication."
        ) % {"task": task["title"]}
        next_task = ((log_entry.data or {}).get("workflow") or {}).get("next") or {}
        if next_task.get("title"):
            message += " " + gettext("Next step: “%(task)s”.") % {"task": next_task["title"]}
        return message

    def format_comment(self, log_entry):
        return self.wagtail_formatter.format_comment(log_entry)


@hooks.register("register_log_actions", order=100)
def name_the_automatic_check(actions):
    """After Wagtail's own formatters are registered (order 0), wrap those of task decisions."""
    for action in AUTOMATIC_DECISIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, AutomaticDecisionFormatter):
            actions.formatters[action] = AutomaticDecisionFormatter(formatter)
