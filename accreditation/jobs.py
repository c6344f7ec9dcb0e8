"""django-q2 jobs of the accreditation app: notices about press events and expiring accreditations.

* :func:`briefing_published` is queued by the ``page_published`` receiver of
  :mod:`accreditation.notices` after the commit: it announces a new briefing, tells registrants
  of a change or the cancellation, and gives places freed by a larger capacity to the waiting
  list;
* :func:`deliver_obligatory_message` is queued by the ``obligatory_message_published`` receiver
  of :mod:`accreditation.obligatory` after the commit: it e-mails an Art. 37 message to the
  accredited journalists who opted in;
* :func:`send_event_reminders` runs daily (the schedule of migration 0004) and reminds those with
  a place at tomorrow's events;
* :func:`send_expiry_reminders` runs daily (the schedule of migration 0005) and reminds holders
  of a permanent accreditation that it expires soon (:mod:`accreditation.expiry`).

Every notice is recorded (``EventNotice``, ``MessageDelivery``, ``EventRegistration.reminded_at``,
``Accreditation.expiry_reminded_at``); that record is what makes a second run, or a run after a
restart, send nothing twice. The daily jobs also run at most once per day
(:func:`agency.daily.once_a_day`).
"""

import logging

from django.utils import timezone

from agency.daily import once_a_day
from press_pages.models import BriefingPage

from . import events, expiry, notices, obligatory
from .models import EventNotice

logger = logging.getLogger(__name__)


def briefing_published(event_id: int, data: dict) -> dict:
    """The notices one publication of a briefing calls for. Returns what was sent."""
    event = BriefingPage.objects.filter(pk=event_id).first()
    if event is None:
        return {}
    result = {}
    if event.cancelled:
        if data.get("cancelled"):
            result["cancelled"] = notices.notify_registrants(event_id, EventNotice.Kind.CANCELLED)
        return result
    changes = data.get("changes") or {}
    if changes and event.starts_at > timezone.now():
        result["changed"] = notices.notify_registrants(event_id, EventNotice.Kind.CHANGED, changes)
    result["announced"] = notices.announce(event_id)
    result["promoted"] = len(events.promote(event))
    return result


def deliver_obligatory_message(page_id: int) -> int:
    """E-mail an obligatory message that went live to the journalists, once. Returns how many."""
    return obligatory.deliver(page_id)


@once_a_day("accreditation: send_event_reminders")
def send_event_reminders(today=None) -> int:
    """Remind registrants of tomorrow's events (daily). Returns the number of reminders."""
    return notices.remind(today)


@once_a_day("accreditation: send_expiry_reminders")
def send_expiry_reminders(today=None) -> int:
    """Remind holders of accreditations expiring soon (daily). Returns the number reminded."""
    return expiry.send_expiry_reminders(today)
