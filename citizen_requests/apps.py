from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .kinds import NUMBER_PREFIXES


class CitizenRequestsConfig(AppConfig):
    """Information and media requests, appeals, their legal clocks and their case handling."""

    name = "citizen_requests"
    verbose_name = _("Requests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agency import numbering

        numbering.register_series({str(kind): prefix for kind, prefix in NUMBER_PREFIXES.items()})
