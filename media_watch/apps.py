from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaWatchConfig(AppConfig):
    """Media watch: outlets' feeds and sitemaps polled, their items grouped into stories, and
    the mentions of the agency, its officials and its topics with their tone."""

    name = "media_watch"
    label = "media_watch"
    verbose_name = _("Media watch")
    default_auto_field = "django.db.models.BigAutoField"
