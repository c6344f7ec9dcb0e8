"""Sending the week's announcements to the authorised body, by hand or every Friday.

The message goes through the one mail path (:mod:`agency.mail`): it is kept in the outbox in the
same transaction as its :class:`~media_watch.models.AnnouncementSending` record, with the PDF in
Kazakh, the PDF in Russian and the spreadsheet attached. Its text is in Kazakh, then in Russian.

:func:`send_if_due` is the schedule's job (every hour): from Friday's configured hour (Asia/Almaty)
until the week starts it sends the coming week once. A second worker, or a second run, finds the
week's automatic record and sends nothing (the record is unique per week and written together
with the message). A week already sent by hand is not sent again. Nothing is sent while the
sending is off or has no address.
"""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from agency import mail
from agency.calendar import LOCAL_TZ

from ..models import AnnouncementSending, AnnouncementSettings
from . import documents
from .items import LANGUAGES, announcements
from .week import FRIDAY, Week

logger = logging.getLogger(__name__)

TEMPLATE = "media_watch/mail/announcements"
GROUP = "weekly-announcements"
#: The permission to preview, download and send the announcements.
PERMISSION = "media_watch.send_announcements"


def can_send(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def compose(week: Week, items, addresses: list[str]):
    """The message to ``addresses``: the text in Kazakh and Russian, the three files."""
    texts = [
        mail.render(
            TEMPLATE,
            language,
            {
                "week": week,
                "count": len(items),
                "agency": documents.agency_name(language),
                "files": [documents.pdf_filename(week, language), documents.xlsx_filename(week)],
            },
        )
        for language in LANGUAGES
    ]
    subject = " / ".join(subject for subject, _body in texts)
    body = "\n\n———\n\n".join(body for _subject, body in texts)
    message = mail.message(addresses, subject, body, group=GROUP)
    for filename, content, mimetype in documents.attachments(week, items):
        message.attach(filename, content, mimetype)
    return message


def _send(week: Week, addresses: list[str], *, automatic: bool, user=None) -> AnnouncementSending:
    items = announcements(week)
    record = AnnouncementSending.objects.create(
        week_start=week.monday,
        sent_at=timezone.now(),
        automatic=automatic,
        user=user,
        recipients=", ".join(addresses),
        item_count=len(items),
    )
    mail.send([compose(week, items, addresses)])
    return record


class NotConfigured(Exception):
    """No address is set for the weekly announcements."""


def send_now(week: Week, user) -> AnnouncementSending:
    """Send ``week``'s announcements at once (an officer's "send now"), on or off the schedule.

    Raises :class:`NotConfigured` when no address is set.
    """
    addresses = AnnouncementSettings.load().addresses
    if not addresses:
        raise NotConfigured
    with transaction.atomic():
        return _send(week, addresses, automatic=False, user=user)


def due_week(now: datetime.datetime, send_hour: int) -> Week | None:
    """The week to send at ``now``: the coming one, from Friday ``send_hour`` until Sunday's
    end (a sending missed on Friday still goes before the week starts); else ``None``."""
    local = now.astimezone(LOCAL_TZ)
    if local.weekday() < FRIDAY or (local.weekday() == FRIDAY and local.hour < send_hour):
        return None
    return Week.coming(now)


def send_if_due(now: datetime.datetime | None = None) -> AnnouncementSending | None:
    """Send the coming week's announcements if they are due and not yet sent (the job)."""
    now = now or timezone.now()
    settings = AnnouncementSettings.load()
    if not settings.configured:
        return None
    week = due_week(now, settings.send_hour)
    if week is None or AnnouncementSending.objects.filter(week_start=week.monday).exists():
        return None
    try:
        with transaction.atomic():
            return _send(week, settings.addresses, automatic=True)
    except IntegrityError:
        logger.info("The announcements of the week of %s were sent by another run", week.monday)
        return None


def next_sending(settings: AnnouncementSettings, now: datetime.datetime | None = None):
    """When the next automatic sending is due (Asia/Almaty), or ``None`` while it is off."""
    if not settings.configured:
        return None
    now = (now or timezone.now()).astimezone(LOCAL_TZ)
    week = due_week(now, settings.send_hour)
    if week is not None and not AnnouncementSending.objects.filter(week_start=week.monday).exists():
        return now
    friday = Week.of(now.date()).monday + datetime.timedelta(days=FRIDAY)
    moment = datetime.datetime.combine(friday, datetime.time(settings.send_hour), tzinfo=LOCAL_TZ)
    if moment <= now:
        moment += datetime.timedelta(weeks=1)
    return moment


def last_sending() -> AnnouncementSending | None:
    return AnnouncementSending.objects.select_related("user").first()
