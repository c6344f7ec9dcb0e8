"""Demands to an outlet to refute untrue information or to publish a reply (Law on Mass Media
Art. 38), each with its register number, its clocks and its status until it is closed."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .items import Item, Story
from .sources import Language, Outlet


class Demand(models.Model):
    """A letter to an outlet about one of its items: a refutation (Art. 38 p.1–2) or a reply
    (p.3).

    The demand must be sent within a year of the item's publication (p.1). Once it is sent the
    outlet has a deadline: for a reply, five calendar days at a daily and the next planned
    issue at the others (p.3); for a refutation the law names none, and after a month without
    it the agency may go to court (p.4), so that month is its deadline.
    """

    class Kind(models.TextChoices):
        REFUTATION = "refutation", _("Refutation (Art. 38 p.1–2)")
        REPLY = "reply", _("Reply (Art. 38 p.3)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent to the outlet")
        PUBLISHED = "published", _("Published by the outlet")
        REFUSED = "refused", _("Refused by the outlet")
        CLOSED = "closed", _("Closed")

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.PROTECT, related_name="demands"
    )
    item = models.ForeignKey(
        Item,
        verbose_name=_("copy answered"),
        on_delete=models.PROTECT,
        related_name="demands",
    )
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="demands"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    language = models.CharField(_("language of the letter"), max_length=2, choices=Language.choices)
    number = models.CharField(_("register number"), max_length=32, unique=True, editable=False)
    text = models.TextField(_("text of the demand"))
    limitation_ends = models.DateField(
        _("limitation ends"),
        help_text=_("The demand must be sent by this day: a year after the item's publication."),
    )
    planned_issue = models.DateField(
        _("next planned issue"),
        null=True,
        blank=True,
        help_text=_("For a reply to an outlet that is not a daily: the date of its next issue."),
    )
    publication_due = models.DateField(_("outlet's deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome_at = models.DateTimeField(_("outlet's answer recorded"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("demand to an outlet")
        verbose_name_plural = _("demands to outlets")

    def __str__(self) -> str:
        return self.number

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """A draft past the limitation, or a sent demand past the outlet's deadline."""
        today = today or timezone.localdate()
        if self.status == self.Status.DRAFT:
            return self.limitation_ends < today
        if self.status == self.Status.SENT and self.publication_due:
            return self.publication_due < today
        return False
