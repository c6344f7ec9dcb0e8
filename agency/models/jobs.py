"""The job outbox: background work, kept from the moment its cause is recorded until it ran."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QueuedJob(models.Model):
    """One background job on its way to a worker.

    The row is written in the same transaction as the event that calls for the job, so a
    rolled-back event queues nothing and a committed one cannot lose its job when the queue's
    broker is unreachable at the commit: the job is sent to the broker after the commit and,
    failing that, by the minute schedule once the broker is back. A worker takes the row
    (``claimed_until``) before it runs the job and marks it done afterwards, so a job that
    reached the broker twice runs once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to run")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    name = models.CharField(_("job"), max_length=100)
    group = models.CharField(_("kind of job"), max_length=60, blank=True)
    func = models.CharField(max_length=200, editable=False)
    args = models.JSONField(default=list, blank=True, editable=False)
    kwargs = models.JSONField(default=dict, blank=True, editable=False)
    #: Arguments that are Python objects rather than data (wagtail-localize's jobs), pickled
    #: as django-q2 itself would carry them.
    pickled = models.BinaryField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    pushes = models.PositiveSmallIntegerField(_("times sent to the queue"), default=0)
    pushed_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "pushed_at"], name="queuedjob_waiting")]

    def __str__(self) -> str:
        return self.name
