"""Settings administrators change in the admin."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="mail")
class RequestSettings(BaseGenericSetting):
    """How requests are handled across the site: calendar rule, signatory and retention."""

    move_calendar_deadlines = models.BooleanField(
        _("move calendar-day deadlines off non-working days"),
        default=False,
        help_text=_(
            "By default a deadline counted in calendar days stays on its day even when that day "
            "is not a working day. Tick to move it to the next working day."
        ),
    )
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=200,
        blank=True,
        help_text=_("Who signs answers unless the officer names someone else."),
    )
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=200,
        blank=True,
        help_text=_("Printed under the answer, for example «Head of the press service»."),
    )
    operator_bin = models.CharField(
        _("operator's BIN"),
        max_length=12,
        blank=True,
        help_text=_(
            "The agency's business identification number, stated in the consent to the "
            "processing of personal data (Personal Data Law, Art. 8 p.4)."
        ),
    )
    anonymise_after_years = models.PositiveSmallIntegerField(
        _("anonymise after (years)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(75)],
        help_text=_("Personal data of a closed case is removed this many years after closure."),
    )
    reminder_days = models.CharField(
        _("remind executors (working days before the due date)"),
        max_length=50,
        default="3,1",
        help_text=_("Comma-separated numbers of working days."),
    )

    panels = [
        FieldPanel("move_calendar_deadlines"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_position"),
        FieldPanel("operator_bin"),
        FieldPanel("reminder_days"),
        FieldPanel("anonymise_after_years"),
    ]

    class Meta:
        verbose_name = _("request settings")
