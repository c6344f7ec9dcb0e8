"""Obligatory messages (Law on Mass Media Art. 37) e-mailed to the accredited journalists.

The authorised body's rules spread an official message through the site, messages to
journalists and briefings. ``press_pages`` sends ``obligatory_message_published`` when a message
goes live; the receiver here queues :func:`deliver` through the kernel's job outbox, so it runs
after the publication commits. :func:`deliver` e-mails every journalist whose permanent
accreditation is active and who opted in to announcements, each in the language of their
application with the link to the message in that language, once per message
(``MessageDelivery``, written in the same transaction as the mail), and notes it in the page's
history. A correction published later is not sent again.
"""

from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone

from wagtail.log_actions import log

from agency import mail, queue
from press_pages.models import ObligatoryMessagePage
from press_pages.signals import obligatory_message_published

from .models import Accreditation, MessageDelivery
from .notice_links import notices_url
from .notices import accreditation_language, opted_in_recipients

DELIVER_JOB = "accreditation.jobs.deliver_obligatory_message"
DELIVERED_ACTION = "accreditation.obligatory_message_sent"


def recipients(today=None):
    """Permanent accreditations active ``today`` whose holders opted in to announcements."""
    return opted_in_recipients(today)


def localized(page: ObligatoryMessagePage, language: str) -> ObligatoryMessagePage:
    """``page`` in ``language`` if that translation is live, else ``page`` itself."""
    translation = (
        ObligatoryMessagePage.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    return translation or page


def message(accreditation: Accreditation, page: ObligatoryMessagePage, language: str):
    """The message to one journalist, with the stop link in a ``List-Unsubscribe`` header."""
    local = localized(page, language)
    stop_url = notices_url(accreditation, language)
    return mail.compose(
        accreditation.email,
        "accreditation/email/obligatory_message",
        {
            "accreditation": accreditation,
            "page": local,
            "page_url": local.get_full_url() or "",
            "notices_url": stop_url,
        },
        language=language,
        headers={"List-Unsubscribe": f"<{stop_url}>"} if stop_url else None,
        group="obligatory message",
    )


def _claim(page: ObligatoryMessagePage, now) -> MessageDelivery | None:
    try:
        with transaction.atomic():
            return MessageDelivery.objects.create(page=page, sent_at=now)
    except IntegrityError:
        return None


def deliver(page_id: int, now=None) -> int:
    """E-mail the live message ``page_id`` to the journalists, once. Returns how many.

    Harmless to run twice: the delivery record is taken first, in the transaction that keeps the
    mail in the outbox, so a second run finds it and sends nothing.
    """
    now = now or timezone.now()
    page = ObligatoryMessagePage.objects.live().filter(pk=page_id).first()
    if page is None:
        return 0
    with transaction.atomic():
        delivery = _claim(page, now)
        if delivery is None:
            return 0
        messages = [
            message(accreditation, page, accreditation_language(accreditation))
            for accreditation in recipients(timezone.localdate(now))
        ]
        delivery.recipients = len(messages)
        delivery.save(update_fields=["recipients"])
        mail.send(messages)
        log(
            instance=page,
            action=DELIVERED_ACTION,
            user=None,
            data={"recipients": len(messages)},
        )
    return len(messages)


@receiver(obligatory_message_published)
def queue_delivery(sender, page, **kwargs):
    """Queue the delivery of a message that went live, kept with its publication."""
    if MessageDelivery.objects.filter(page=page).exists():
        return  # a correction: the message was sent when it first went live
    queue.submit(
        DELIVER_JOB, page.pk, name=f"obligatory message {page.pk} sent", group="accreditation"
    )
