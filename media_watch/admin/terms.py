"""Settings → Media watch: the names and topics the media watch looks for, per language.

A change takes effect at the next poll: the matcher is built again when the terms change.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet

from agency.admin import RefusingViewSetMixin

from ..models import WatchTerm


class WatchTermViewSet(RefusingViewSetMixin, ModelViewSet):
    """The watch terms: the agency's names, its officials' names and its topics."""

    model = WatchTerm
    icon = "search"
    menu_label = _("Media watch")
    menu_name = "media-watch-terms"
    menu_order = 630
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["text", "language", "kind", "active"]
    list_display = [
        "text",
        Column("language", label=_("language"), accessor="get_language_display"),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        BooleanColumn("active", label=_("active")),
        UpdatedAtColumn(),
    ]
    list_filter = ["language", "kind", "active"]
    search_fields = ["text"]
    ordering = ["language", "kind", "text"]
    list_per_page = 50


term_viewset = WatchTermViewSet("media_watch_terms", url_prefix="media-watch/terms")
