"""What the media watch looks for, what it found, and the officers' corrections of its tone."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .items import Item, Story
from .sources import Language


class Tone(models.TextChoices):
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral")
    POSITIVE = "positive", _("Positive")


class WatchTerm(models.Model):
    """A name or topic to find in the media, in one language, in any of its word forms."""

    class Kind(models.TextChoices):
        AGENCY = "agency", _("The agency")
        PERSON = "person", _("An official")
        TOPIC = "topic", _("A topic")

    text = models.CharField(
        _("words"),
        max_length=200,
        help_text=_(
            "As written in a dictionary, for example “Министерство просвещения” or "
            "“Ахметов”: inflected forms are found too."
        ),
    )
    #: The words in lower case, one space apart: one term per language whatever its case.
    key = models.CharField(max_length=200, editable=False)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["language", "kind", "text"]
        verbose_name = _("watch term")
        verbose_name_plural = _("watch terms")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"],
                name="media_watch_term_once_per_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.language})"

    def save(self, *args, **kwargs):
        self.text = " ".join((self.text or "").split())
        self.key = self.key_of(self.text)
        super().save(*args, **kwargs)

    def clean(self):
        self.text = " ".join((self.text or "").split())
        self.key = self.key_of(self.text)
        twins = WatchTerm.objects.filter(key=self.key, language=self.language).exclude(pk=self.pk)
        if self.language and twins.exists():
            raise ValidationError({"text": _("This term is already watched in this language.")})

    @staticmethod
    def key_of(text: str) -> str:
        return " ".join((text or "").split()).casefold()


class Mention(models.Model):
    """An item that names at least one watch term, with the tone the lexicon gave it.

    ``hits`` lists every match: ``{"term", "text", "kind", "matched", "field"}`` (the term's
    id, its words and kind, the words as written in the item, and ``title``, ``summary`` or
    ``text``). The automatic tone stays as scored; an officer's correction is kept beside it
    (``corrected_tone``) and in the history of :class:`ToneCorrection`.
    """

    item = models.OneToOneField(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="mention"
    )
    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="mentions"
    )
    terms = models.ManyToManyField(WatchTerm, verbose_name=_("terms"), related_name="mentions")
    hits = models.JSONField(_("matched words"), default=list)
    tone = models.CharField(_("tone"), max_length=10, choices=Tone, db_index=True)
    tone_score = models.FloatField(_("tone score"), default=0.0)
    reasons = models.JSONField(
        _("tone reasons"), default=list, help_text=_("The words that decided the tone.")
    )
    corrected_tone = models.CharField(
        _("tone set by an officer"), max_length=10, choices=Tone, blank=True
    )
    created_at = models.DateTimeField(_("found"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")

    def __str__(self) -> str:
        return str(self.item)

    @property
    def current_tone(self) -> str:
        """The officer's tone when one was set, otherwise the automatic one."""
        return self.corrected_tone or self.tone


class ToneCorrection(models.Model):
    """An officer's change of a mention's tone, kept for the record and for measuring the
    lexicon's accuracy."""

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="corrections")
    tone = models.CharField(_("tone"), max_length=10, choices=Tone)
    previous_tone = models.CharField(_("previous tone"), max_length=10, choices=Tone)
    note = models.TextField(_("note"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tone correction")
        verbose_name_plural = _("tone corrections")

    def __str__(self) -> str:
        return f"{self.mention_id}: {self.previous_tone} → {self.tone}"
