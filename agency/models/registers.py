"""Registers: the last number given in each series of records, per year."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisterCounter(models.Model):
    """The last registration number given in one series (a kind of record) and year.

    Taking a number locks the row (``select_for_update``) inside the registering transaction,
    so numbers have no gaps and no duplicates: a rolled-back registration gives its number back.
    """

    series = models.CharField(_("series"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("register counter")
        verbose_name_plural = _("register counters")
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="register_counter_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last}"
