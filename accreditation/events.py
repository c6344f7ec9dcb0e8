"""Press events: registration by accredited journalists, places and the waiting list, questions.

A journalist registers with the number on their card; the confirmation link goes to the e-mail
address on the accreditation, so only the holder of that mailbox can take a place (the right to
attend is the accredited journalist's own, Mass Media Law Art. 28 p.3).
Places are given in order of confirmation: when an event is full, confirmed registrations join
the waiting list and move up, in order, when a place is freed or the event gets more places.

Registrations, places and notices belong to the event behind a briefing page, in whichever
language it is read (:mod:`accreditation.briefings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from press_pages.models import BriefingPage

from . import notices
from .briefings import event_day, event_for
from .models import (
    NUMBER_SERIES,
    Accreditation,
    AccreditationType,
    EventQuestion,
    EventRegistration,
)

#: At most this many questions per registration.
MAX_QUESTIONS = 5
MAX_QUESTION_LENGTH = 2000

Status = EventRegistration.Status
CancelReason = EventRegistration.CancelReason


class RegistrationClosed(Exception):
    """Registration for the event is not open (no registration, deadline passed, cancelled)."""


# ---------------------------------------------------------------------------------------------
# When registration, confirmation and changes are open
# ---------------------------------------------------------------------------------------------
def registration_open(event, now=None) -> bool:
    """Whether journalists may ask for a place now."""
    now = now or timezone.now()
    return (
        event.registration_deadline is not None
        and not event.cancelled
        and now <= event.registration_deadline
        and now < event.starts_at
    )


def confirmation_open(registration, now=None) -> bool:
    """A link asked for before the deadline may still be used until the event starts."""
    event = registration.briefing
    now = now or timezone.now()
    return (
        event.registration_deadline is not None
        and not event.cancelled
        and registration.created_at <= event.registration_deadline
        and now < event.starts_at
    )


def changes_open_for(event, now=None) -> bool:
    """Questions and cancellations are taken until the event starts."""
    return not event.cancelled and (now or timezone.now()) < event.starts_at


def changes_open(registration, now=None) -> bool:
    return changes_open_for(registration.briefing, now)


# ---------------------------------------------------------------------------------------------
# Who may register
# ---------------------------------------------------------------------------------------------
CARD_DIGITS = re.compile(r"^(\d{4})[-\s]?(\d{1,6})$")
#: Latin letters that look like the Cyrillic ones of the card prefix (КАР), as journalists type them.
LOOKALIKES = str.maketrans({"K": "К", "A": "А", "P": "Р"})


def normalise_card_number(value: str) -> str:
    """The card number as stored: ``КАР-2026-000017``.

    Accepts spaces, lower case, Latin look-alike letters and the bare ``2026-17``.
    """
    text = "".join(value.split()).upper()
    if match := CARD_DIGITS.match(text):
        return f"{NUMBER_SERIES['card']}-{match[1]}-{int(match[2]):06d}"
    prefix, _sep, rest = text.partition("-")
    if prefix.translate(LOOKALIKES) == NUMBER_SERIES["card"] and (match := CARD_DIGITS.match(rest)):
        return f"{NUMBER_SERIES['card']}-{match[1]}-{int(match[2]):06d}"
    return text


def find_accreditation(card_number: str) -> Accreditation | None:
    number = normalise_card_number(card_number)
    if not number:
        return None
    return Accreditation.objects.select_related("outlet").filter(card_number=number).first()


class Ineligible:
    """Why an accreditation does not let its holder register for an event."""

    DEPRIVED = "deprived"
    EXPIRED = "expired"
    NOT_YET = "not_yet"
    OTHER_EVENT = "other_event"


def ineligibility(accreditation: Accreditation, event, today=None) -> str | None:
    """``None`` if ``accreditation`` is active now and on the day of ``event``, else why not.

    A temporary accreditation is for its own event only.
    """
    today = today or timezone.localdate()
    state = accreditation.state(today)
    if state == "deprived":
        return Ineligible.DEPRIVED
    if state == "expired" or accreditation.valid_until < event_day(event):
        return Ineligible.EXPIRED
    if accreditation.valid_from > event_day(event):
        return Ineligible.NOT_YET
    if accreditation.kind == AccreditationType.TEMPORARY:
        own = accreditation.briefing
        if own is None or own.translation_key != event.translation_key:
            return Ineligible.OTHER_EVENT
    return None


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Places:
    capacity: int | None
    registered: int
    waitlisted: int

    @property
    def left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.registered >= self.capacity


def places(event) -> Places:
    counts = dict.fromkeys((Status.REGISTERED, Status.WAITLISTED), 0)
    for status in EventRegistration.objects.filter(
        briefing=event, status__in=list(counts)
    ).values_list("status", flat=True):
        counts[status] += 1
    return Places(event.capacity, counts[Status.REGISTERED], counts[Status.WAITLISTED])


def _lock(event) -> BriefingPage:
    """Lock the event's row for the rest of the transaction and return its current state.

    Confirmations, cancellations and promotions of one event then run one at a time, so two
    journalists can never take the last place together (PostgreSQL; SQLite writes one at a
    time anyway).
    """
    return BriefingPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


# ---------------------------------------------------------------------------------------------
# Registering, confirming, cancelling
# ---------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What a registration request did. The public page shows the same message for all of
    them, so a card number reveals nothing; the e-mail to the card holder says which."""

    kind: str  # "link_sent", "ineligible", "unknown"
    registration: EventRegistration | None = None
    reason: str | None = None


def request_registration(page, card_number: str, language: str) -> Outcome:
    """A journalist asks for a place at the event of ``page``: e-mail them the link.

    Raises :class:`RegistrationClosed` when registration is not open.
    """
    event = event_for(page)
    if not registration_open(event):
        raise RegistrationClosed
    accreditation = find_accreditation(card_number)
    if accreditation is None:
        return Outcome("unknown")
    reason = ineligibility(accreditation, event)
    if reason is not None:
        notices.send_ineligible(accreditation, event, reason, language)
        return Outcome("ineligible", reason=reason)
    with transaction.atomic():
        registration = (
            EventRegistration.objects.select_for_update()
            .filter(briefing=event, accreditation=accreditation)
            .first()
        )
        if registration is None:
            try:
                with transaction.atomic():
                    registration = EventRegistration.objects.create(
                        briefing=event, accreditation=accreditation, language=language
                    )
            except IntegrityError:  # a double submit created it meanwhile
                registration = EventRegistration.objects.get(
                    briefing=event, accreditation=accreditation
                )
        elif registration.status == Status.CANCELLED:
            registration.status = Status.UNCONFIRMED
            registration.cancel_reason = ""
            registration.confirmed_at = None
            registration.reminded_at = None
            registration.language = language
            registration.created_at = timezone.now()
            registration.save(
                update_fields=[
                    "status",
                    "cancel_reason",
                    "confirmed_at",
                    "reminded_at",
                    "language",
                    "created_at",
                ]
            )
        notices.send_confirmation_link(registration, language)
    return Outcome("link_sent", registration)


def get_registration(page, token: str) -> EventRegistration | None:
    """The registration of ``token`` for the event of ``page``, or ``None``."""
    event = event_for(page)
    return (
        EventRegistration.objects.select_related("accreditation__outlet", "briefing")
        .filter(briefing=event, confirm_token=token)
        .first()
    )


def confirm(registration: EventRegistration, now=None) -> EventRegistration:
    """Confirm ``registration``: a place if one is free, else the waiting list.

    Confirming twice changes nothing. Raises :class:`RegistrationClosed` if the link came too
    late, or the accreditation is no longer valid for the event.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(registration.briefing)
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status in (Status.REGISTERED, Status.WAITLISTED):
            return registration
        if registration.status == Status.CANCELLED or not confirmation_open(registration, now):
            raise RegistrationClosed
        if ineligibility(registration.accreditation, event) is not None:
            raise RegistrationClosed
        full = places(event).full
        registration.status = Status.WAITLISTED if full else Status.REGISTERED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    return registration


def cancel(
    registration: EventRegistration, *, user=None, reason: str | None = None
) -> list[EventRegistration]:
    """Give up ``registration``'s place (or waiting-list entry); the next in line moves up.

    ``user`` is the officer who did it, for the audit log; ``None`` when the journalist did.
    ``reason`` is an ``EventRegistration.CancelReason``, by default who did it.
    Returns the registrations that got a place.
    """
    if reason is None:
        reason = CancelReason.JOURNALIST if user is None else CancelReason.OFFICER
    with transaction.atomic():
        event = _lock(registration.briefing)
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return []
        previous = registration.status
        registration.status = Status.CANCELLED
        registration.cancel_reason = reason
        registration.save(update_fields=["status", "cancel_reason"])
        if user is not None:
            log(
                registration,
                "accreditation.registration_cancel",
                user=user,
                data={
                    "briefing": event.pk,
                    "card_number": registration.accreditation.card_number,
                    "reason": reason,
                },
            )
        promoted = _promote(event) if previous == Status.REGISTERED else []
    return promoted


def cancel_upcoming(accreditation: Accreditation, *, user, now=None) -> list[EventRegistration]:
    """Cancel ``accreditation``'s registrations for events not yet started, and tell the
    journalist which (a withdrawn accreditation gives no right to attend, Mass Media Law
    Art. 28 p.4). Places freed go to the waiting lists. Past events keep their records.

    Returns the registrations cancelled.
    """
    now = now or timezone.now()
    with transaction.atomic():
        upcoming = (
            EventRegistration.objects.filter(
                accreditation=accreditation, briefing__starts_at__gt=now
            )
            .exclude(status=Status.CANCELLED)
            .select_related("briefing")
            .order_by("briefing__starts_at", "pk")
        )
        cancelled = []
        for registration in upcoming:
            cancel(registration, user=user, reason=CancelReason.DEPRIVED)
            registration.refresh_from_db()
            cancelled.append(registration)
        if cancelled:
            notices.send_registrations_cancelled(accreditation, cancelled)
    return cancelled


def promote(event) -> list[EventRegistration]:
    """Give free places to the waiting list, in order (after the event got more places)."""
    with transaction.atomic():
        return _promote(_lock(event))


def _promote(event) -> list[EventRegistration]:
    if event.cancelled or event.starts_at <= timezone.now():
        return []
    left = places(event).left
    waiting = (
        EventRegistration.objects.filter(briefing=event, status=Status.WAITLISTED)
        .select_related("accreditation")
        .order_by("confirmed_at", "created_at", "pk")
    )
    if left is not None:
        waiting = waiting[:left]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Status.REGISTERED
        registration.save(update_fields=["status"])
        notices.send_promoted(registration)
    return promoted


def waiting_position(registration: EventRegistration) -> int | None:
    """1 for the first on the waiting list, or ``None`` if not waiting."""
    if registration.status != Status.WAITLISTED:
        return None
    ahead = (
        EventRegistration.objects.filter(briefing=registration.briefing, status=Status.WAITLISTED)
        .filter(confirmed_at__lt=registration.confirmed_at)
        .count()
    )
    return ahead + 1


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------
class QuestionRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def ask(registration: EventRegistration, text: str, now=None) -> EventQuestion:
    """Record a question before the event from a confirmed (or waiting) registrant."""
    text = text.strip()
    if registration.status not in (Status.REGISTERED, Status.WAITLISTED):
        raise QuestionRefused(_("Confirm your registration before sending questions."))
    if not changes_open(registration, now):
        raise QuestionRefused(_("Questions are taken until the event starts."))
    if not text:
        raise QuestionRefused(_("Write your question."))
    if len(text) > MAX_QUESTION_LENGTH:
        raise QuestionRefused(
            _("A question may be at most %(limit)s characters long.")
            % {"limit": MAX_QUESTION_LENGTH}
        )
    if registration.questions.count() >= MAX_QUESTIONS:
        raise QuestionRefused(
            _("You have already sent %(limit)s questions, the most for one event.")
            % {"limit": MAX_QUESTIONS}
        )
    return EventQuestion.objects.create(registration=registration, text=text)


def attendance(event, statuses=(Status.REGISTERED,)):
    """The registrations of ``event`` for the attendance list, in the order of confirmation."""
    return (
        EventRegistration.objects.filter(briefing=event, status__in=list(statuses))
        .select_related("accreditation__outlet")
        .order_by("confirmed_at", "created_at", "pk")
    )


def default_language() -> str:
    return settings.LANGUAGE_CODE
