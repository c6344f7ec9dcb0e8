"""Where the media watch reads: outlets and the feeds or sitemaps each of them publishes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The languages the media watch reads and matches in."""

    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


class Outlet(models.Model):
    """A media outlet whose publications are watched.

    Whether it is a daily decides the deadline of a reply it must publish (Law on Mass Media
    Art. 38 p.3: five calendar days for a daily, the next planned issue for the others).
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language,
        default=Language.KK,
        help_text=_("The language of letters to the outlet."),
    )
    is_daily = models.BooleanField(
        _("daily outlet"),
        default=False,
        help_text=_(
            "A daily must publish a reply within five calendar days; other outlets in their "
            "next planned issue."
        ),
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    registered_outlet = models.ForeignKey(
        "accreditation.Outlet",
        verbose_name=_("accredited outlet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The same outlet in the accreditation records, with its contacts."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("watched outlet")
        verbose_name_plural = _("watched outlets")

    def __str__(self) -> str:
        return self.name


class Source(models.Model):
    """One feed (RSS or Atom) or news sitemap of an outlet, polled on a schedule.

    The poll keeps what the server said last (``etag``, ``last_modified``) to ask only for
    changes, and counts failures in a row: a source failing again and again is polled less
    often (``next_attempt_at``) and shown as unhealthy, and never holds up the others.
    """

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS or Atom feed")
        SITEMAP = "sitemap", _("News sitemap")

    class Health(models.TextChoices):
        NEW = "new", _("Not fetched yet")
        OK = "ok", _("Working")
        FAILING = "failing", _("Failing")
        UNHEALTHY = "unhealthy", _("Unhealthy")

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="sources"
    )
    url = models.URLField(_("address"), max_length=2000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FEED)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language,
        help_text=_("The language of items whose feed and text do not make it clear."),
    )
    active = models.BooleanField(_("active"), default=True)
    fetch_articles = models.BooleanField(
        _("fetch article text"),
        default=False,
        help_text=_(
            "Also fetch each new item's page for its full text, so that mentions found only "
            "in the article are seen."
        ),
    )
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    health = models.CharField(
        _("health"), max_length=10, choices=Health.choices, default=Health.NEW, editable=False
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, editable=False)
    last_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, editable=False)
    last_new_items = models.PositiveIntegerField(
        _("new items at the last poll"), default=0, editable=False
    )
    consecutive_failures = models.PositiveIntegerField(
        _("failures in a row"), default=0, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    next_attempt_at = models.DateTimeField(
        _("next poll"), null=True, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["outlet__name", "url"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.url

    def save(self, *args, **kwargs):
        """A source given a new address starts afresh: what the old server said and how it
        was doing do not carry over."""
        if self.pk and kwargs.get("update_fields") is None:
            previous = Source.objects.filter(pk=self.pk).values_list("url", flat=True).first()
            if previous is not None and previous != self.url:
                self.etag = self.last_modified = self.last_error = ""
                self.health = self.Health.NEW
                self.consecutive_failures = 0
                self.next_attempt_at = None
        super().save(*args, **kwargs)
