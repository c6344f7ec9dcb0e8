"""The government's day transfers, which the holiday package cannot know in advance."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day whose working status the government decreed differently from the rule.

    The rule is Monday to Friday minus the public holidays of the ``holidays`` package (with
    observed days). A row here wins over it: an extra day off (``is_working=False``) or a working
    Saturday (``is_working=True``).
    """

    date = models.DateField(_("date"), unique=True)
    is_working = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Tick for a working Saturday or Sunday; leave empty for an extra day off."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("The decree that transferred the day, for example its number and date."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar transfer")
        verbose_name_plural = _("calendar transfers")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"
