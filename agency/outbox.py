"""The outbox: messages are kept with the event that causes them, and delivered by a worker.

:class:`OutboxEmailBackend` is the site's ``EMAIL_BACKEND``:

* each message becomes an :class:`~agency.models.OutboxMessage` row in the same transaction as
  the event that causes it, so a rolled-back event sends nothing and a committed one cannot
  lose its message, whatever happens to the broker or the worker afterwards;
* after the commit a django-q2 job (:func:`agency.jobs.deliver_message`) sends the row with the
  backend named by ``EMAIL_DELIVERY_BACKEND`` (SMTP in production); the row is marked sent only
  after the mail server accepted the message, and a failure is retried with a growing delay;
* a schedule (:func:`deliver_due`, every minute) sends what no job delivered: messages whose
  job could not be queued (the broker was down) or whose worker died mid-send. A message sent
  twice that way keeps its ``Message-ID``, the row's key.

Messages are stored as plain JSON data (:func:`serialize`), not as objects, so a message written
by one release can be sent by the next.
"""

from __future__ import annotations

import base64
import datetime
import email
import email.message
import logging
from email.mime.base import MIMEBase
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from . import queue
from .models import OutboxMessage

logger = logging.getLogger(__name__)

DEFAULT_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
#: How long a worker may hold a message it is sending before another may try it (seconds;
#: ``OUTBOX_CLAIM_SECONDS`` overrides it). A worker that died mid-send holds it this long.
CLAIM_SECONDS = 300
#: Attempts before a message is given up as failed (about two days with the delays below).
MAX_ATTEMPTS = 12
#: Sent messages are removed after this many days: their bodies hold personal data.
KEEP_SENT_DAYS = 30
#: The job that delivers one row, by dotted path (the jobs module imports this one).
DELIVER_JOB = "agency.jobs.deliver_message"


def _jsonable(attachment):
    if isinstance(attachment, MIMEBase):
        return {"mime": attachment.as_string()}
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "base64": base64.b64encode(content).decode(),
            "mimetype": mimetype,
        }
    return {"filename": filename, "text": str(content), "mimetype": mimetype}


class _StoredPart(MIMEBase):
    """A ready-made MIME attachment read back from its text (the parser builds it bare)."""

    def __init__(self):
        email.message.Message.__init__(self)


def _attachment(data):
    if "mime" in data:
        return email.message_from_string(data["mime"], _class=_StoredPart)
    if "base64" in data:
        return data["filename"], base64.b64decode(data["base64"]), data["mimetype"]
    return data["filename"], data["text"], data["mimetype"]


def serialize(mail) -> dict:
    """The parts of an ``EmailMessage`` needed to send it again, as JSON data."""
    return {
        "subject": str(mail.subject),
        "body": str(mail.body),
        "from_email": mail.from_email,
        "to": list(mail.to),
        "cc": list(mail.cc),
        "bcc": list(mail.bcc),
        "reply_to": list(mail.reply_to),
        "headers": {str(k): str(v) for k, v in mail.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(mail, "alternatives", [])
        ],
        "attachments": [_jsonable(attachment) for attachment in mail.attachments],
        "content_subtype": mail.content_subtype,
        "mixed_subtype": mail.mixed_subtype,
        "encoding": mail.encoding,
    }


def deserialize(data: dict) -> EmailMultiAlternatives:
    """The message :func:`serialize` described."""
    mail = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        mail.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        part = _attachment(attachment)
        if isinstance(part, tuple):
            mail.attach(*part)
        else:
            mail.attach(part)
    mail.content_subtype = data["content_subtype"]
    mail.mixed_subtype = data["mixed_subtype"]
    mail.encoding = data["encoding"]
    return mail


def _message_id(row: OutboxMessage, mail) -> str:
    domain = (mail.from_email or settings.DEFAULT_FROM_EMAIL or "").rpartition("@")[2]
    return f"<{row.key.hex}@{domain.strip('>') or 'localhost'}>"


class OutboxEmailBackend(BaseEmailBackend):
    """Writes each message to the outbox in the current transaction; a worker sends it after
    the commit. If the broker cannot be reached then, the minute schedule sends it later."""

    def send_messages(self, email_messages) -> int:
        stored = 0
        for mail in email_messages:
            if not mail.recipients():
                continue
            function, args = getattr(mail, "outbox_on_sent", None) or ("", [])
            row = OutboxMessage(
                group=getattr(mail, "outbox_group", "")[:60],
                recipients=", ".join(mail.recipients())[:2000],
                subject=str(mail.subject)[:255],
                on_sent=function,
                on_sent_args=args,
                data={},
            )
            data = serialize(mail)
            data["headers"].setdefault("Message-ID", _message_id(row, mail))
            row.data = data
            row.save()
            transaction.on_commit(partial(enqueue, row.pk), robust=True)
            stored += 1
        return stored


def delivery_backend() -> str:
    path = getattr(settings, "EMAIL_DELIVERY_BACKEND", DEFAULT_DELIVERY_BACKEND)
    if issubclass(import_string(path), OutboxEmailBackend):
        raise ImproperlyConfigured(
            "EMAIL_DELIVERY_BACKEND must send mail, not store it again: "
            f"{path} is an OutboxEmailBackend."
        )
    return path


def enqueue(pk: int) -> None:
    """Queue the delivery of outbox row ``pk`` on django-q2; if the broker is down, the row
    waits for :func:`deliver_due`."""
    queue.send(DELIVER_JOB, pk, name=f"mail {pk}", group="mail")


def _retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 240))


def claim() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "OUTBOX_CLAIM_SECONDS", CLAIM_SECONDS))


def _claim(pk: int, now) -> bool:
    """Take row ``pk`` for sending, unless it is sent, not due, or another worker holds it."""
    return bool(
        OutboxMessage.objects.filter(
            pk=pk, status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now
        )
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + claim())
    )


def run_on_sent(hook) -> None:
    """Call what the message's sender asked for once it was accepted (``mail.after_sending``).

    It runs in a savepoint of its own: a failure is logged and undoes only its own writes.
    """
    if not hook or not hook[0]:
        return
    function, args = hook
    try:
        with transaction.atomic():
            import_string(function)(*args)
    except Exception:
        logger.exception("After sending, %s failed", function)


def deliver(pk: int) -> bool:
    """Send outbox row ``pk`` (the django-q2 job). ``True`` if this call sent it.

    A refused or failed send is recorded on the row and tried again later; after
    :data:`MAX_ATTEMPTS` the row is marked failed and the error logged.
    """
    backend = delivery_backend()
    now = timezone.now()
    if not _claim(pk, now):
        return False
    row = OutboxMessage.objects.get(pk=pk)
    mail = deserialize(row.data)
    mail.connection = get_connection(backend, fail_silently=False)
    try:
        mail.send()
    except Exception as error:
        row.attempts += 1
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.claimed_until = None
        if row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxMessage.Status.FAILED
            logger.error("Gave up sending %s to %s: %s", row.pk, row.recipients, row.last_error)
        else:
            row.next_attempt_at = timezone.now() + _retry_delay(row.attempts)
            logger.warning("Sending %s failed, will retry: %s", row.pk, row.last_error)
        row.save(
            update_fields=["attempts", "last_error", "claimed_until", "status", "next_attempt_at"]
        )
        return False
    row.status = OutboxMessage.Status.SENT
    row.sent_at = timezone.now()
    row.attempts += 1
    row.claimed_until = None
    row.last_error = ""
    # The row is marked sent together with what its sending records (a timeline line).
    with transaction.atomic():
        row.save(update_fields=["status", "sent_at", "attempts", "claimed_until", "last_error"])
        run_on_sent((row.on_sent, row.on_sent_args))
    return True


def deliver_due(limit: int = 200) -> int:
    """Send the messages that are due and held by no worker (the minute schedule)."""
    now = timezone.now()
    due = (
        OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(deliver(pk) for pk in list(due))


def prune_sent(days: int = KEEP_SENT_DAYS) -> int:
    """Remove sent messages older than ``days`` (the daily schedule). Returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _kinds = OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
