"""Settings administrators change in the admin."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from ..kinds import UnsignedPolicy


@register_setting(icon="mail")
class RequestSettings(BaseGenericSetting):
    """How requests are handled across the site: calendar rule, reminders and retention.

    The agency's BIN and the default signatory of letters are in the agency profile.
    """

    move_calendar_deadlines = models.BooleanField(
        _("move calendar-day deadlines off non-working days"),
        default=False,
        help_text=_(
            "By default a deadline counted in calendar days stays on its day even when that day "
            "is not a working day. Tick to move it to the next working day."
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

    unsigned_requests = models.CharField(
        _("electronic requests without an ЭЦП"),
        max_length=10,
        choices=UnsignedPolicy.choices,
        default=UnsignedPolicy.ACCEPT,
        help_text=_(
            "The Access to Information Law (Art. 11 p.5) says a written request in electronic "
            "form is certified by the requester's electronic digital signature. The form offers "
            "signing with NCALayer; choose what happens to a request sent without a signature."
        ),
    )

    panels = [
        FieldPanel("unsigned_requests"),
        FieldPanel("move_calendar_deadlines"),
        FieldPanel("reminder_days"),
        FieldPanel("anonymise_after_years"),
    ]

    class Meta:
        verbose_name = _("request settings")
