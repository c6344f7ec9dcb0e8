"""E-mails to journalists about press events.

* the confirmation link of a registration, and the answer to a card that cannot register;
* a place freed for someone on the waiting list;
* the announcement of a new briefing to every actively accredited journalist who opted in
  (Mass Media Law Art. 28 p.2: accredited journalists are told of events in advance), once per
  event;
* the reminder the day before, to those with a place;
* a change of date or venue, or the cancellation, to everyone registered, at once.

Each journalist gets a message of their own, in their language, with the link to the briefing in
that language. Mail goes through ``EMAIL_BACKEND`` (``agency.outbox.OutboxEmailBackend``): django-q2
sends it after the transaction commits, so a rolled-back change tells nobody anything. The
``page_published`` receiver at the end compares the published briefing with its previous live
revision and queues the work through the kernel's job outbox (:mod:`accreditation.jobs`).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from agency import mail, queue
from press_pages.models import BriefingPage

from .briefings import event_day, event_for, localized
from .models import Accreditation, AccreditationType, EventNotice, EventRegistration
from .notice_links import notices_url
from .pages import AccreditationPage

logger = logging.getLogger(__name__)

#: The fields whose change is announced to registrants.
WATCHED_FIELDS = ("starts_at", "ends_at", "venue")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------
def _language(code: str | None) -> str:
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def accreditation_language(accreditation: Accreditation) -> str:
    """The language of the journalist's application, or the site's default language."""
    journalist = accreditation.journalist
    application = journalist.application if journalist is not None else None
    return _language(application.language if application is not None else None)


def message(address: str, language: str, template: str, context: dict):
    """One plain-text message from ``templates/accreditation/events/email/<template>``.

    An announcement also names its stop link in a ``List-Unsubscribe`` header (RFC 2369), so
    mail programs can offer it.
    """
    headers = {}
    if template == "announcement" and context.get("notices_url"):
        headers["List-Unsubscribe"] = f"<{context['notices_url']}>"
    return mail.compose(
        address,
        f"accreditation/events/email/{template}",
        context,
        language=_language(language),
        headers=headers,
        group=f"event {template}",
    )


def page_url(event, language: str, route: str | None = None, **kwargs) -> str:
    """The full address of ``event`` in ``language`` (or a route of it)."""
    page = localized(event, language)
    url = page.get_full_url() or ""
    if route:
        url = url.rstrip("/") + "/" + page.reverse_subpage(route, kwargs=kwargs).lstrip("/")
    return url


def temporary_url(event, language: str) -> str:
    """The temporary-accreditation form on the accreditation page in ``language``, or ``""``."""
    pages = AccreditationPage.objects.live().select_related("locale")
    page = pages.filter(locale__language_code=language).first() or pages.first()
    if page is None:
        return ""
    url = page.get_full_url() or ""
    url = url.rstrip("/") + "/" + page.reverse_subpage("temporary").lstrip("/")
    return f"{url}?event={localized(event, language).pk}"


def event_context(event, language: str) -> dict:
    page = localized(event, language)
    return {"event": page, "event_url": page_url(event, language)}


def registration_context(registration: EventRegistration, language: str) -> dict:
    event = registration.briefing
    return {
        **event_context(event, language),
        "registration": registration,
        "accreditation": registration.accreditation,
        "notices_url": notices_url(registration.accreditation, language),
        "registration_url": page_url(event, language, "confirm", token=registration.confirm_token),
        "questions_url": page_url(event, language, "questions", token=registration.confirm_token),
    }


# ---------------------------------------------------------------------------------------------
# Registration mail (sent from the request, queued after its commit)
# ---------------------------------------------------------------------------------------------
def send_confirmation_link(registration: EventRegistration, language: str) -> int:
    """The link that confirms the registration, to the address on the accreditation."""
    language = _language(language)
    context = registration_context(registration, language)
    return mail.send([message(registration.accreditation.email, language, "confirm_link", context)])


def send_ineligible(accreditation: Accreditation, event, reason: str, language: str) -> int:
    """Tell the card holder why the card cannot be used to register, and what they can do."""
    language = _language(language)
    context = {
        **event_context(event, language),
        "accreditation": accreditation,
        "reason": reason,
        "temporary_url": temporary_url(event, language) if event.accreditation_required else "",
    }
    return mail.send([message(accreditation.email, language, "ineligible", context)])


def send_promoted(registration: EventRegistration) -> int:
    language = _language(registration.language)
    return mail.send(
        [
            message(
                registration.accreditation.email,
                language,
                "promoted",
                registration_context(registration, language),
            )
        ]
    )


def send_registrations_cancelled(
    accreditation: Accreditation, registrations: list[EventRegistration]
) -> int:
    """Tell the journalist whose accreditation was withdrawn which registrations were
    cancelled, in the language of their application."""
    language = accreditation_language(accreditation)
    context = {
        "accreditation": accreditation,
        "events": [event_context(r.briefing, language) for r in registrations],
    }
    return mail.send([message(accreditation.email, language, "deprived_cancelled", context)])


# ---------------------------------------------------------------------------------------------
# Notices to many (run by the django-q2 jobs of accreditation.jobs)
# ---------------------------------------------------------------------------------------------
def _lock_event(event_id: int):
    return BriefingPage.objects.select_for_update(of=("self",)).filter(pk=event_id).first()


def opted_in_recipients(today=None, until=None):
    """Permanent accreditations active from ``today`` to ``until`` (``today`` when not given)
    whose holders opted in to announcements."""
    today = today or timezone.localdate()
    return (
        Accreditation.objects.filter(
            kind=AccreditationType.PERMANENT,
            status=Accreditation.Status.ACTIVE,
            notices_opt_in=True,
            valid_from__lte=today,
            valid_until__gte=max(today, until or today),
        )
        .select_related("journalist__application")
        .order_by("pk")
    )


def announcement_recipients(event, today=None):
    """Permanent accreditations active today and on the event's day, whose holders opted in."""
    return opted_in_recipients(today, event_day(event))


def announce(event_id: int, now=None) -> int:
    """Announce the event to accredited journalists, once. Returns the number of messages."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(event_id)
        if event is None or event.cancelled or event.starts_at <= now:
            return 0
        if EventNotice.objects.filter(briefing=event, kind=EventNotice.Kind.ANNOUNCED).exists():
            return 0
        messages = []
        for accreditation in announcement_recipients(event, timezone.localdate(now)):
            language = accreditation_language(accreditation)
            context = {
                **event_context(event, language),
                "accreditation": accreditation,
                "notices_url": notices_url(accreditation, language),
                "register_url": page_url(event, language, "register")
                if event.registration_deadline
                else "",
            }
            messages.append(message(accreditation.email, language, "announcement", context))
        EventNotice.objects.create(
            briefing=event,
            kind=EventNotice.Kind.ANNOUNCED,
            sent_at=now,
            recipients=len(messages),
        )
        mail.send(messages)
    return len(messages)


def registrants(event):
    """Those who hold a place or wait for one."""
    return (
        EventRegistration.objects.filter(
            briefing=event,
            status__in=[EventRegistration.Status.REGISTERED, EventRegistration.Status.WAITLISTED],
        )
        .select_related("accreditation")
        .order_by("pk")
    )


def notify_registrants(event_id: int, kind: str, changes: dict | None = None, now=None) -> int:
    """Tell every registrant of a change (``changed``) or the cancellation (``cancelled``).

    A change is told once per new state (``changes``, the new values); a cancellation once.
    """
    now = now or timezone.now()
    changes = changes or {}
    with transaction.atomic():
        event = _lock_event(event_id)
        if event is None:
            return 0
        notices = EventNotice.objects.filter(briefing=event, kind=kind)
        if kind == EventNotice.Kind.CANCELLED and notices.exists():
            return 0
        if kind == EventNotice.Kind.CHANGED and any(
            notice.data.get("changes") == changes for notice in notices
        ):
            return 0
        messages = []
        for registration in registrants(event):
            language = _language(registration.language)
            context = {
                **registration_context(registration, language),
                "changes": {
                    name: _display(name, value, language)
                    for name, value in changes.items()
                    if not name.startswith("_")
                },
                "previous": {
                    name: _display(name, value, language)
                    for name, value in (changes.get("_previous") or {}).items()
                },
            }
            template = "cancelled" if kind == EventNotice.Kind.CANCELLED else "changed"
            messages.append(message(registration.accreditation.email, language, template, context))
        EventNotice.objects.create(
            briefing=event,
            kind=kind,
            sent_at=now,
            recipients=len(messages),
            data={"changes": changes} if kind == EventNotice.Kind.CHANGED else {},
        )
        mail.send(messages)
    return len(messages)


def _display(name: str, value, language: str):
    """A changed value for the message: dates as local dates and times."""
    if name in ("starts_at", "ends_at") and isinstance(value, str):
        return timezone.localtime(datetime.datetime.fromisoformat(value))
    return value


def remind(today=None, now=None) -> int:
    """Remind everyone with a place at tomorrow's events (local dates). Each registration once."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    events = BriefingPage.objects.filter(
        cancelled=False, starts_at__gte=start, starts_at__lt=end
    ).filter(
        pk__in=EventRegistration.objects.filter(
            status=EventRegistration.Status.REGISTERED, reminded_at__isnull=True
        ).values("briefing_id")
    )
    sent = 0
    for event in events:
        with transaction.atomic():
            messages = []
            for registration in EventRegistration.objects.filter(
                briefing=event,
                status=EventRegistration.Status.REGISTERED,
                reminded_at__isnull=True,
            ).select_related("accreditation"):
                # Claim the reminder: a second run, or a second worker, finds it taken.
                claimed = EventRegistration.objects.filter(
                    pk=registration.pk, reminded_at__isnull=True
                ).update(reminded_at=now)
                if not claimed:
                    continue
                language = _language(registration.language)
                messages.append(
                    message(
                        registration.accreditation.email,
                        language,
                        "reminder",
                        registration_context(registration, language),
                    )
                )
            if messages:
                EventNotice.objects.create(
                    briefing=event,
                    kind=EventNotice.Kind.REMINDER,
                    sent_at=now,
                    recipients=len(messages),
                    data={"page": localized(event, settings.LANGUAGE_CODE).pk},
                )
                mail.send(messages)
                sent += len(messages)
    return sent


# ---------------------------------------------------------------------------------------------
# Publishing a briefing
# ---------------------------------------------------------------------------------------------
def previous_live_revision(page, revision):
    """The revision that was live before ``revision`` was published, or ``None``.

    ``page_published`` is sent before Wagtail writes the publish to the audit log, so the latest
    logged publish other than ``revision`` is the one it replaced.
    """
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .exclude(revision_id=getattr(revision, "pk", None))
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry is not None else None


def _value(page, name: str):
    value = getattr(page, name)
    return value.isoformat() if isinstance(value, datetime.datetime) else value


def changes_between(previous, current) -> dict:
    """The watched fields that differ, as ``{name: new value}`` plus ``_previous`` values."""
    if previous is None:
        return {}
    changed = {
        name: _value(current, name)
        for name in WATCHED_FIELDS
        if _value(previous, name) != _value(current, name)
    }
    if changed:
        changed["_previous"] = {name: _value(previous, name) for name in changed}
    return changed


@receiver(page_published)
def briefing_published(sender, instance, revision, **kwargs):
    """Queue the notices a publication of a briefing calls for, kept with the publication."""
    if not isinstance(instance, BriefingPage):
        return
    event = event_for(instance)
    if event.pk != instance.pk:
        return  # a translation, published with its source; the source speaks for the event
    previous_revision = previous_live_revision(instance, revision)
    previous = previous_revision.as_object() if previous_revision is not None else None
    data = {
        "changes": changes_between(previous, instance),
        "cancelled": bool(instance.cancelled and not (previous and previous.cancelled)),
    }
    queue.submit(
        "accreditation.jobs.briefing_published",
        instance.pk,
        data,
        name=f"briefing {instance.pk} published",
        group="accreditation",
    )
