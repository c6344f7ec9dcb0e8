"""What moderation leaves on record: clearances, waivers, emergency publications, withdrawals,
overdue-review reminders and escalations of pages with a deadline.

Models of the ``workflows`` app that the guard writes and reads; ``workflows.models``
re-exports them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agency.dates import local_moment


class Clearance(models.Model):
    """Permission for one exact revision to go live: a finished review or an emergency publish."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("Full review")
        EMERGENCY = "emergency", _("Emergency publication")

    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="clearances"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clearances",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("clearance")
        verbose_name_plural = _("clearances")
        ordering = ["-granted_at"]
        permissions = [("emergency_publish", _("Can publish in an emergency without full review"))]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.revision}"


class Waiver(models.Model):
    """A legal reviewer's decision that one finding on one page may be published."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    category = models.CharField(_("category"), max_length=32)
    rule = models.CharField(_("rule"), max_length=120)
    excerpt = models.CharField(_("excerpt"), max_length=200)
    field = models.CharField(_("field"), max_length=255, blank=True)
    justification = models.TextField(_("justification"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    waived_at = models.DateTimeField(_("waived"), auto_now_add=True)

    class Meta:
        verbose_name = _("waiver")
        verbose_name_plural = _("waivers")
        ordering = ["-waived_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "fingerprint"], name="unique_waiver_per_page")
        ]

    def __str__(self):
        return f"{self.category} {self.excerpt}"


class EmergencyPublication(models.Model):
    """A page published without full review, waiting for its follow-up review."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The follow-up review."),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("emergency publication")
        verbose_name_plural = _("emergency publications")
        ordering = ["-published_at"]

    def __str__(self):
        return f"{self.page} ({local_moment(self.published_at)})"


class Withdrawal(models.Model):
    """Why a page was unpublished, and the public notice shown at its address, if any."""

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    url_path = models.CharField(max_length=255, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    reason = models.TextField(
        _("reason"), help_text=_("Kept in the audit log; never shown publicly.")
    )
    show_notice = models.BooleanField(_("show a public withdrawal notice"), default=False)
    notice = models.TextField(_("public explanation"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return self.title


class ReviewReminder(models.Model):
    """An overdue review that was reported to the press secretaries, so it is reported once."""

    task_state = models.OneToOneField(
        "wagtailcore.TaskState", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdue review reminder")
        verbose_name_plural = _("overdue review reminders")

    def __str__(self):
        return f"{self.task_state_id} ({local_moment(self.sent_at)})"


class Escalation(models.Model):
    """A page with a deadline that the heads were told about, at one step, so each is told once.

    ``after_minutes`` is the step: how long after the event it is (120 for 2 h). Written in the
    same transaction as the mail, so a failure leaves the step to the next run.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    after_minutes = models.PositiveIntegerField(_("minutes after the event"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        constraints = [
            models.UniqueConstraint(fields=["page", "after_minutes"], name="escalation_once")
        ]

    def __str__(self):
        return f"{self.page_id} +{self.after_minutes} min ({local_moment(self.sent_at)})"
