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

from ..guard import PublicationBlocked, check_publishable
from ..mixins import is_guarded


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
