from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    """The kernel the whole state body shares; it imports no other product app."""

    name = "agency"
    verbose_name = _("Agency")

    def ready(self):
        # cache: the page cache's invalidation receivers; names: names in the reader's language
        from . import cache, names  # noqa: F401
        from .staff_auth import language  # noqa: F401  (new accounts' admin language)

        for label in names.NAMED_MODELS:
            names.install(apps.get_model(label))
