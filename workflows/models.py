from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class StopListTerm(index.Indexed, models.Model):
    """A phrase that must not be published, managed by legal reviewers.

    Typical entries are names covered by a court ban, organisations on the register of banned
    extremist materials, or a case the prosecutor asked to keep out of the press.
    """

    class Severity(models.TextChoices):
        BLOCK = "block", _("Block publication")
        WARN = "warn", _("Warn the reviewer")

    class Language(models.TextChoices):
        ANY = "", _("Any language")
        KK = "kk", "Қазақша"
        RU = "ru", "Русский"
        EN = "en", "English"

    phrase = models.CharField(
        _("phrase"),
        max_length=255,
        help_text=_(
            "Matched regardless of case, ё/е and Kazakh letters; inflected endings of the last "
            "word are tolerated."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, blank=True, default=""
    )
    severity = models.CharField(
        _("severity"), max_length=8, choices=Severity.choices, default=Severity.BLOCK
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=500,
        help_text=_("For example a court decision or a register entry, with its number and date."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("phrase"),
        FieldPanel("language"),
        FieldPanel("severity"),
        FieldPanel("legal_basis"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("phrase"),
        index.SearchField("legal_basis"),
        index.FilterField("severity"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = _("stop-list term")
        verbose_name_plural = _("stop-list terms")
        ordering = ["phrase"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "language"], name="unique_stop_list_phrase")
        ]

    def __str__(self):
        return self.phrase
