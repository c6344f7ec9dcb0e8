"""Daily runs: the record that keeps each daily job to one run per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyRun(models.Model):
    """One daily job's run for one day (Asia/Almaty).

    A run claims its row before it starts (:mod:`agency.daily`); the unique ``(name, day)``
    makes a second run of the same day, in any process, find the claim and do nothing.
    """

    name = models.CharField(_("job"), max_length=100)
    day = models.DateField(_("day"))
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("daily run")
        verbose_name_plural = _("daily runs")
        constraints = [
            models.UniqueConstraint(fields=["name", "day"], name="agency_daily_run_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.day}"
