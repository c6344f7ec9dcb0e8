"""What the media watch read: items, each stored once, grouped into stories."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sources import Language, Outlet, Source


class Story(models.Model):
    """One piece of news and its copies: the items of several outlets (or of one outlet,
    published again) whose title and text are the same or nearly the same.

    ``title_key`` and ``sketch`` are the fingerprint of the first item
    (:mod:`media_watch.stories`); ``StoryKey`` rows index it for finding a story by a new
    copy. ``item_count`` and ``outlet_count`` are kept up to date as copies join.
    """

    title = models.CharField(_("title"), max_length=500)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title_key = models.CharField(max_length=40, db_index=True, editable=False)
    sketch = models.JSONField(default=list, editable=False)
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now, db_index=True)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("first published"), db_index=True)
    item_count = models.PositiveIntegerField(_("copies"), default=0)
    outlet_count = models.PositiveIntegerField(_("outlets"), default=0)
    alerted_at = models.DateTimeField(
        _("alert sent"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the alert about this story went out; an alert goes once per story."),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title

    def outlets(self):
        """The outlets that carried this story, in the order they first did."""
        first = models.Min("items__published_at")
        return Outlet.objects.filter(items__story=self).annotate(first=first).order_by("first")


class StoryKey(models.Model):
    """An index entry of a story's fingerprint: a copy that shares a key is a candidate."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="keys")
    key = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="media_watch_story_key")
        ]

    def __str__(self) -> str:
        return f"{self.story_id}:{self.key}"


class Item(models.Model):
    """One publication read from a source: stored once, under its canonical address."""

    class Text(models.TextChoices):
        FEED = "feed", _("From the feed only")
        WANTED = "wanted", _("Article text to fetch")
        EXTRACTED = "extracted", _("Article text extracted")
        FAILED = "failed", _("Article text not available")

    canonical_url = models.URLField(_("canonical address"), max_length=2000, unique=True)
    url = models.URLField(
        _("address"), max_length=2000, help_text=_("The link as the feed or sitemap gave it.")
    )
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    text = models.TextField(_("article text"), blank=True)
    text_state = models.CharField(
        _("article text"), max_length=10, choices=Text.choices, default=Text.FEED, db_index=True
    )
    published_at = models.DateTimeField(_("published"), db_index=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="items"
    )
    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.PROTECT, related_name="items"
    )
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.title
