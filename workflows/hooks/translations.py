"""Admin hooks for translators: the "ready for review" screen, its button and its log entries."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button

from ..readiness import NOT_READY_ACTION, READY_ACTION, can_mark, translation_of
from ..readiness_views import TranslationReadinessView


@hooks.register("register_admin_urls")
def register_readiness_urls():
    return [
        path(
            "moderation/pages/<int:page_id>/translation-ready/",
            TranslationReadinessView.as_view(),
            name="workflows_translation_ready",
        )
    ]


@hooks.register("register_page_header_buttons")
def translation_ready_button(page, user, view_name=None, next_url=None):
    """The "Ready for review…" item of a translated page's header menu (one page, one query)."""
    if page.is_root() or not can_mark(user, page) or translation_of(page) is None:
        return
    yield Button(
        _("Ready for review…"),
        reverse("workflows_translation_ready", args=[page.pk]),
        icon_name="check",
        priority=65,
    )


@hooks.register("register_log_actions")
def register_readiness_log_actions(actions):
    actions.register_action(
        READY_ACTION, _("Mark translation ready"), _("Translation marked ready for review")
    )
    actions.register_action(
        NOT_READY_ACTION,
        _("Withdraw translation ready mark"),
        _("Translation no longer marked ready for review"),
    )
