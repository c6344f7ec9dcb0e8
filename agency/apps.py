from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    """The kernel the whole state body shares; it imports no other product app."""

    name = "agency"
    verbose_name = _("Agency")

    def ready(self):
        from . import cache  # noqa: F401  (the page cache's invalidation receivers)
        from .staff_auth import language  # noqa: F401  (new accounts' admin language)
