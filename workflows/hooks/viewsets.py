"""Admin views for the stop-list."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from ..configuration import StopListTerm


class StopListTermViewSet(SnippetViewSet):
    model = StopListTerm
    icon = "warning"
    menu_label = _("Stop-list")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["phrase", "language", "severity", "legal_basis", "active", "updated_at"]
    list_filter = ["severity", "language", "active"]
    search_fields = ["phrase", "legal_basis"]
    ordering = ["phrase"]
