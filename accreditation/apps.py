from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    """Journalist accreditation, accreditation cards and press-event registration."""

    name = "accreditation"
    verbose_name = _("Accreditation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agency import numbering

        # The receivers that queue the notices about press events and obligatory messages.
        from . import notices, obligatory  # noqa: F401
        from .models import NUMBER_SERIES

        numbering.register_series(NUMBER_SERIES)
