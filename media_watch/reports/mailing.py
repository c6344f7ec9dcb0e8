"""The monthly report by mail: on the 1st of each month, last month's PDF and workbook go to
every member of the Heads group, each in their own admin language, through the one mail path
(:mod:`agency.mail`, the outbox). The job that calls it runs once a month
(``media_watch.jobs.send_monthly_report``)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from agency import mail
from workflows.roles import members_of

from . import documents
from .figures import month_figures, previous_month

TEMPLATE = "media_watch/mail/monthly_report"
GROUP = "media-watch-monthly-report"


def heads():
    """Active members of the Heads group with an e-mail address."""
    return members_of("heads")


def send_monthly_report(today: datetime.date | None = None) -> int:
    """Mail the report of the month before ``today``'s to the Heads; the number of messages."""
    today = today or timezone.localdate()
    first = previous_month(today)
    data = month_figures(first)
    files: dict[str, tuple[bytes, bytes]] = {}
    messages = []
    url = mail.admin_url(reverse("media_watch_reports:index") + f"?month={first:%Y-%m}")
    for user in heads():
        language = mail.recipient_language(user)
        if language not in files:
            files[language] = (
                documents.monthly_pdf(data, language),
                documents.monthly_xlsx(data, language),
            )
        pdf, xlsx = files[language]
        message = mail.compose(
            user.email,
            TEMPLATE,
            {"user": user, "first": first, "data": data, "url": url},
            language=language,
            group=GROUP,
        )
        message.attach(documents.filename(first, "pdf"), pdf, documents.PDF)
        message.attach(documents.filename(first, "xlsx"), xlsx, documents.XLSX)
        messages.append(message)
    return mail.send(messages)
