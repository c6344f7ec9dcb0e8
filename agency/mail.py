"""The agency's one mail path: compose in the recipient's language and hand to the outbox.

Every message the site sends (moderation notices, acknowledgements, answers, reminders,
announcements to journalists, Wagtail's own mail) is composed with the helpers here and handed
to ``EMAIL_BACKEND``, which is :class:`agency.outbox.OutboxEmailBackend`: the message is kept
in the outbox in the same transaction as the event that causes it, and a worker delivers it
(see :mod:`agency.outbox`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_supported_language_variant

from wagtail.users.models import UserProfile

from .outbox import OutboxEmailBackend, run_on_sent

AUTO_HEADERS = {"Auto-Submitted": "auto-generated"}


def recipient_language(user) -> str:
    """The language to write to a staff ``user`` in: their admin language, else the site's."""
    code = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def admin_url(path: str) -> str:
    """The full address of an admin ``path`` (from ``reverse``), for links in mail."""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/") + path


def render(template: str, language: str, context: dict) -> tuple[str, str]:
    """``(subject, body)`` from ``<template>_subject.txt`` and ``<template>.txt``, rendered in
    ``language`` and the site's time zone. The subject is folded to one line."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context).strip()
    return subject, body


def message(
    to, subject: str, body: str, *, headers: dict | None = None, group: str = ""
) -> EmailMultiAlternatives:
    """A plain-text message from the site, marked as sent automatically (RFC 3834).

    ``group`` names what kind of message it is, for the outbox's list in the admin.
    """
    result = EmailMultiAlternatives(
        subject,
        body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers={**AUTO_HEADERS, **(headers or {})},
    )
    result.outbox_group = group
    return result


def compose(
    to, template: str, context: dict, *, language: str, headers=None, group: str = ""
) -> EmailMultiAlternatives:
    """A message rendered from ``template`` in ``language`` (see :func:`render`)."""
    subject, body = render(template, language, context)
    return message(to, subject, body, headers=headers, group=group or template.rsplit("/", 1)[-1])


def after_sending(mail: EmailMultiAlternatives, function: str, *args) -> EmailMultiAlternatives:
    """Call the function at dotted path ``function`` with ``args`` once ``mail`` was accepted
    by the mail server (at once with a backend that sends directly)."""
    mail.outbox_on_sent = (function, list(args))
    return mail


def send(messages) -> int:
    """Hand ``messages`` to ``EMAIL_BACKEND``: the number it took."""
    messages = [m for m in messages if m is not None]
    if not messages:
        return 0
    connection = get_connection()
    sent = connection.send_messages(messages) or 0
    if not isinstance(connection, OutboxEmailBackend):
        for mail in messages:
            run_on_sent(getattr(mail, "outbox_on_sent", None))
    return sent


def mail_users(users, template: str, context: dict, *, group: str = "") -> int:
    """Mail ``template`` to each user with an address, each in their own language."""
    return send(
        compose(
            user.email,
            template,
            {**context, "user": user},
            language=recipient_language(user),
            group=group,
        )
        for user in users
        if user.email
    )
