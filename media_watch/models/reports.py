"""The annual report to the population: which draft page holds each year's report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnualReport(models.Model):
    """The draft news item of a year's report to the population (Access to Information Law
    Art. 14), made once per year: drafting the same year again opens this page.

    The model also carries the permission to read the reports for the first head.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report to the population")
        verbose_name_plural = _("annual reports to the population")
        permissions = [("view_head_reports", "Can read the reports for the Heads")]

    def __str__(self) -> str:
        return str(self.year)
