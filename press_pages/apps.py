from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressPagesConfig(AppConfig):
    name = "press_pages"
    verbose_name = _("Press pages")

    def ready(self):
        from . import checks, signals  # noqa: F401  (system checks, the page_published receiver)
