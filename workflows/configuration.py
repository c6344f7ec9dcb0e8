"""What legal reviewers and administrators configure: the stop-list and the moderation settings.

Models of the ``workflows`` app that the guard and the scanner read; ``workflows.models``
re-exports them.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Workflow
from wagtail.search import index


def default_required_locales() -> list[str]:
    return list(settings.WORKFLOWS_REQUIRED_LOCALES)


class LanguageListField(models.JSONField):
    """A JSON list of language codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


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


def default_workflow_field(verbose_name, help_text=None) -> models.ForeignKey:
    """The default workflow of one page type, used where the page tree assigns none."""
    return models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text
        or _("Used unless a workflow is assigned to the page or a parent in the page tree."),
    )


@register_setting(icon="tasks")
class ModerationSettings(BaseGenericSetting):
    """Which workflow moderates each page type, and which languages must go live together."""

    news_workflow = default_workflow_field(_("news workflow"))
    briefing_workflow = default_workflow_field(_("briefing workflow"))
    faq_workflow = default_workflow_field(_("FAQ answer workflow"))
    obligatory_message_workflow = default_workflow_field(
        _("obligatory message workflow"),
        help_text=_(
            "Used for every obligatory message, even where the page tree assigns another "
            "workflow: the head approves its text. Without it, the page tree's workflow is used."
        ),
    )
    required_locales = LanguageListField(
        _("required languages"),
        default=default_required_locales,
        help_text=_("A page goes live only together with its translations into these languages."),
    )

    panels = [
        FieldPanel("news_workflow"),
        FieldPanel("briefing_workflow"),
        FieldPanel("faq_workflow"),
        FieldPanel("obligatory_message_workflow"),
        FieldPanel("required_locales"),
    ]

    class Meta:
        verbose_name = _("moderation")

    def workflow_for(self, page_class) -> Workflow | None:
        """The default workflow for ``page_class``, or None when it has none."""
        field = {
            "newspage": "news_workflow",
            "briefingpage": "briefing_workflow",
            "faqanswerpage": "faq_workflow",
            "obligatorymessagepage": "obligatory_message_workflow",
        }.get(page_class._meta.model_name)
        workflow = getattr(self, field) if field else None
        return workflow if workflow is not None and workflow.active else None

    def get_required_locales(self) -> list[str]:
        codes = {code for code, _name in settings.LANGUAGES}
        return [code for code in (self.required_locales or []) if code in codes]
