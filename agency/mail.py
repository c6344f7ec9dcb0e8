"""E-mail through the queue: messages leave with django-q2, after the transaction commits.

``QueuedEmailBackend`` is the site's ``EMAIL_BACKEND``, so everything the site sends (Wagtail's
moderation notifications, password resets, the overdue-review reminders) goes the same way:

* nothing is sent for a transaction that rolls back, and a worker never announces a change the
  database does not show yet;
* a slow or unreachable SMTP server does not hold up the editor's request; the worker sends
  with the backend named by ``EMAIL_DELIVERY_BACKEND`` (SMTP in production), and a failed send
  is recorded in django-q2's failed tasks like any other job.

Each message travels as plain data (:func:`serialize`), not as the message object, so a job
queued by one release can still be sent by the next.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils.module_loading import import_string

from django_q.tasks import async_task

logger = logging.getLogger(__name__)

DEFAULT_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def serialize(message) -> dict:
    """The parts of an ``EmailMessage`` needed to send it again, as plain data."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        # (filename, content, mimetype) triples; a ready-made MIME part is kept as it is.
        "attachments": [
            list(attachment) if isinstance(attachment, tuple) else attachment
            for attachment in message.attachments
        ],
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "encoding": message.encoding,
    }


def deserialize(data: dict) -> EmailMultiAlternatives:
    """The message :func:`serialize` described."""
    message = EmailMultiAlternatives(
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
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        if isinstance(attachment, list):
            message.attach(*attachment)
        else:
            message.attach(attachment)
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.encoding = data["encoding"]
    return message


def delivery_backend() -> str:
    path = getattr(settings, "EMAIL_DELIVERY_BACKEND", DEFAULT_DELIVERY_BACKEND)
    if issubclass(import_string(path), QueuedEmailBackend):
        raise ImproperlyConfigured(
            "EMAIL_DELIVERY_BACKEND must send mail, not queue it again: "
            f"{path} is a QueuedEmailBackend."
        )
    return path


def deliver(data: dict) -> int:
    """Send one queued message (the django-q2 job). Returns the number sent (1).

    Errors are not swallowed: django-q2 records the job as failed, with the reason.
    """
    message = deserialize(data)
    message.connection = get_connection(delivery_backend(), fail_silently=False)
    return message.send()


def enqueue(data: dict) -> None:
    recipients = len(data["to"]) + len(data["cc"]) + len(data["bcc"])
    async_task(
        deliver,
        data,
        task_name=f"mail to {recipients} recipient(s)",
        group="mail",
    )


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message on django-q2 once the current transaction commits.

    Outside a transaction the message is queued at once. If the broker cannot be reached at
    that moment, the error is logged and the request that sent the mail still succeeds.
    """

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            transaction.on_commit(partial(enqueue, serialize(message)), robust=True)
            queued += 1
        return queued
