"""Wagtail hooks of the media watch: its "Media watch" menu (sources with their health, and
outlets) and its settings (the watch terms, Settings → Media watch)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin.sources import outlet_viewset, source_viewset
from .admin.terms import term_viewset


class MediaWatchViewSetGroup(ViewSetGroup):
    """Each item is shown to those who may see its records (the press secretaries and the
    Heads); the menu itself only if one of them is."""

    menu_label = _("Media watch")
    menu_name = "media-watch"
    menu_icon = "search"
    menu_order = 270
    items = (source_viewset, outlet_viewset)


@hooks.register("register_admin_viewset")
def register_media_watch_viewsets():
    return [MediaWatchViewSetGroup(), term_viewset]
