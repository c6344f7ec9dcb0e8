"""Reminders before a permanent accreditation expires, run daily by django-q2.

Each active permanent accreditation whose ``valid_until`` is within
``AccreditationSettings.expiry_reminder_days`` days is reminded once: ``expiry_reminded_at`` is
set in the same conditional update that claims the row, so a second run, a run after a restart
or two workers at once send nothing twice. A renewed accreditation is a new record and is
reminded on its own. Mail goes through ``EMAIL_BACKEND`` (queued after commit).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from agency import mail

from .models import Accreditation, AccreditationSettings, AccreditationType
from .notice_links import notices_url

logger = logging.getLogger(__name__)


def due_for_reminder(today=None):
    """Active permanent accreditations expiring within the reminder window, not yet reminded."""
    today = today or timezone.localdate()
    days = AccreditationSettings.load().expiry_reminder_days
    return Accreditation.objects.filter(
        kind=AccreditationType.PERMANENT,
        status=Accreditation.Status.ACTIVE,
        valid_from__lte=today,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=days),
        expiry_reminded_at__isnull=True,
    ).select_related("outlet", "journalist__application")


def _language(accreditation: Accreditation) -> str:
    journalist = accreditation.journalist
    if journalist is not None and journalist.application.language:
        return journalist.application.language
    return settings.LANGUAGE_CODE


def remind(accreditation: Accreditation) -> None:
    language = _language(accreditation)
    link = notices_url(accreditation, language)
    with translation.override(language):
        subject = gettext("Your accreditation %(card)s expires on %(date)s") % {
            "card": accreditation.card_number,
            "date": date_format(accreditation.valid_until, "DATE_FORMAT"),
        }
        body = "\n".join(
            [
                gettext("Dear %(name)s,") % {"name": accreditation.full_name},
                "",
                gettext(
                    "Your accreditation for %(outlet)s (card %(card)s) is valid until %(date)s."
                )
                % {
                    "outlet": accreditation.outlet.name,
                    "card": accreditation.card_number,
                    "date": date_format(accreditation.valid_until, "DATE_FORMAT"),
                },
                gettext(
                    "To stay accredited, your outlet should apply again during the next intake, "
                    "announced on our website."
                ),
            ]
        )
        if link:
            body += "\n\n" + (
                gettext("To stop announcements of our events, open this link:")
                if accreditation.notices_opt_in
                else gettext("To receive announcements of our events, open this link:")
            )
            body += f"\n{link}"
    mail.send([mail.message(accreditation.email, subject, body, group="accreditation expiry")])


def send_expiry_reminders(today=None) -> int:
    """Remind every accreditation due for it; the number reminded."""
    sent = 0
    now = timezone.now()
    for accreditation in due_for_reminder(today):
        with transaction.atomic():
            claimed = Accreditation.objects.filter(
                pk=accreditation.pk, expiry_reminded_at__isnull=True
            ).update(expiry_reminded_at=now)
            if not claimed:
                continue
            remind(accreditation)
        sent += 1
    if sent:
        logger.info("Accreditation expiry reminders sent: %s", sent)
    return sent
