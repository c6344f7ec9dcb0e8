"""Wagtail hooks of the media watch: its "Media watch" menu (stories, sources with their health,
outlets, the reports for the Heads; the demands and the weekly announcements add themselves), its
settings (the watch terms, Settings → Media watch) and the Heads' dashboard panel."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin.sources import outlet_viewset, source_viewset
from .admin.stories import story_viewset
from .admin.terms import term_viewset
from .announcements import admin as announcements_admin  # noqa: F401 (Weekly announcements)
from .demands import admin as demands_admin  # noqa: F401 (its hooks: Media watch → Demands)
from .reports.admin import reports_viewset
from .reports.dashboard import add_panel


class MediaWatchViewSetGroup(ViewSetGroup):
    """Each item is shown to those who may see its records (the press secretaries and the
    Heads); the menu itself only if one of them is."""

    menu_label = _("Media watch")
    menu_name = "media-watch"
    menu_icon = "search"
    menu_order = 270
    items = (story_viewset, source_viewset, outlet_viewset, reports_viewset)


@hooks.register("register_admin_viewset")
def register_media_watch_viewsets():
    return [MediaWatchViewSetGroup(), term_viewset]


hooks.register("construct_homepage_panels", add_panel)


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action(
        "media_watch.story_handled",
        _("Mark a story handled"),
        _("Story marked handled"),
    )
    actions.register_action(
        "media_watch.tone_corrected",
        _("Correct a mention's tone"),
        _("Mention's tone corrected"),
    )
    actions.register_action(
        "media_watch.comment_drafted",
        _("Draft an official comment"),
        _("Official comment drafted"),
    )
    actions.register_action(
        "media_watch.annual_report_drafted",
        _("Draft the annual report to the population"),
        _("Annual report to the population drafted"),
    )
