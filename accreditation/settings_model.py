"""The agency's accreditation settings (Settings → Accreditation settings)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class UnsignedApplications(models.TextChoices):
    """What the site does with an application sent without the outlet's ЭЦП."""

    ACCEPT = "accept", _("Accept it")
    REFUSE = "refuse", _("Do not accept it: a signature is required")


@register_setting(icon="user")
class AccreditationSettings(BaseGenericSetting):
    """The agency's accreditation rules (its own rules follow the Typical Rules)."""

    strategic_object = models.BooleanField(
        _("the agency is a strategic object"),
        default=False,
        help_text=_("Strategic objects review applications in 10 working days instead of 3."),
    )
    intake_working_days = models.PositiveSmallIntegerField(
        _("intake length (working days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    review_working_days = models.PositiveSmallIntegerField(
        _("review (working days)"), default=3, validators=[MinValueValidator(1)]
    )
    review_working_days_strategic = models.PositiveSmallIntegerField(
        _("review for strategic objects (working days)"),
        default=10,
        validators=[MinValueValidator(1)],
    )
    permanent_months = models.PositiveSmallIntegerField(
        _("permanent accreditation lasts (months)"), default=12, validators=[MinValueValidator(1)]
    )
    deprivation_bar_months = models.PositiveSmallIntegerField(
        _("no re-accreditation after deprivation for (months)"),
        default=6,
        validators=[MinValueValidator(1)],
    )
    expiry_reminder_days = models.PositiveSmallIntegerField(
        _("remind before expiry (days)"), default=30, validators=[MinValueValidator(1)]
    )
    rules_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("the agency's accreditation rules"),
        help_text=_("Published on the accreditation page."),
    )
    unsigned_applications = models.CharField(
        _("applications without an ЭЦП"),
        max_length=10,
        choices=UnsignedApplications.choices,
        default=UnsignedApplications.ACCEPT,
        help_text=_(
            "The application form offers signing with the ЭЦП of the outlet's editor-in-chief "
            "or authorised person (NCALayer); choose whether an application sent without a "
            "signature is accepted."
        ),
    )

    panels = [
        FieldPanel("strategic_object"),
        FieldPanel("intake_working_days"),
        FieldPanel("review_working_days"),
        FieldPanel("review_working_days_strategic"),
        FieldPanel("permanent_months"),
        FieldPanel("deprivation_bar_months"),
        FieldPanel("expiry_reminder_days"),
        FieldPanel("rules_document"),
        FieldPanel("unsigned_applications"),
    ]

    class Meta:
        verbose_name = _("accreditation settings")
