"""Intakes and applications: what an outlet sends, what the agency answers at once, and the
acknowledgement and decision letters to the outlet.

An outlet applies for its journalists (Mass Media Law Art. 28 p.1): permanent accreditation
during an open intake, temporary for one event. Foreign outlets and barred journalists are
refused at once, with their grounds. The letters are written to the outbox inside the
transaction that records the application or the decision, so a rolled-back change sends nothing.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from agency import mail
from agency.calendar import WorkingCalendar, local_date
from agency.dates import local_day
from agency.numbering import next_number
from agency.private_files import private_storage

from ..models import (
    AccreditationType,
    Application,
    ApplicationJournalist,
    Intake,
    Outlet,
    RefusalGround,
)
from .rules import (
    MFA_NOTE,
    AccreditationError,
    barred_until,
    current_intake,
    intake_closes_on,
    require,
    resolve_now,
    review_due,
    temporary_deadline,
    temporary_open,
)

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Intakes
# ---------------------------------------------------------------------------
def open_intake(
    *,
    user,
    opens_on: datetime.date,
    announcement_kk: str,
    announcement_ru: str,
    announcement_en: str = "",
) -> Intake:
    """Open (or schedule) an intake with its announcement in Kazakh and Russian."""
    require(user, "accreditation.add_intake")
    if not announcement_kk.strip() or not announcement_ru.strip():
        raise AccreditationError(
            _("The intake is announced in Kazakh and Russian: write both announcements."),
            code="announcement",
        )
    if opens_on < timezone.localdate():
        raise AccreditationError(_("An intake cannot open in the past."), code="past")
    closes_on = intake_closes_on(opens_on)
    overlapping = Intake.objects.filter(opens_on__lte=closes_on, closes_on__gte=opens_on)
    if overlapping.exists():
        raise AccreditationError(
            _("Another intake already covers some of these days (%(intake)s)."),
            code="overlap",
            params={"intake": str(overlapping.first())},
        )
    with transaction.atomic():
        intake = Intake.objects.create(
            opens_on=opens_on,
            closes_on=closes_on,
            announcement_kk=announcement_kk.strip(),
            announcement_ru=announcement_ru.strip(),
            announcement_en=announcement_en.strip(),
            opened_by=user,
        )
        log(
            intake,
            "accreditation.open_intake",
            user=user,
            data={"opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat()},
        )
    return intake


# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------
@dataclass
class JournalistData:
    full_name: str
    position: str
    iin: str
    email: str
    phone: str = ""
    #: ``agency.uploads.CheckedFile`` (a JPEG or PNG).
    photo: object = None
    #: The journalist asked for announcements of the agency's events.
    notices_opt_in: bool = False


@dataclass
class ApplicationData:
    outlet_name: str
    editor_in_chief: str
    contact_email: str
    contact_phone: str = ""
    registration_number: str = ""
    bin: str = ""
    is_foreign: bool = False
    country: str = ""
    website: str = ""
    list_publicly: bool = False
    journalists: list[JournalistData] = field(default_factory=list)


def _outlet_for(data: ApplicationData) -> Outlet:
    """The outlet with this BIN (its details brought up to date), or a new one."""
    details = {
        "name": data.outlet_name,
        "registration_number": data.registration_number,
        "is_foreign": data.is_foreign,
        "country": data.country if data.is_foreign else "",
        "editor_in_chief": data.editor_in_chief,
        "email": data.contact_email,
        "phone": data.contact_phone,
        "website": data.website,
        "list_publicly": data.list_publicly,
    }
    outlet = None
    if data.bin:
        outlet = Outlet.objects.select_for_update().filter(bin=data.bin).order_by("pk").first()
    if outlet is None:
        return Outlet.objects.create(bin=data.bin, **details)
    for name, value in details.items():
        setattr(outlet, name, value)
    outlet.save()
    return outlet


def apply(
    *,
    kind: str,
    data: ApplicationData,
    language: str,
    submission_token=None,
    briefing=None,
    now=None,
) -> tuple[Application, bool]:
    """Register an outlet's application: ``(application, created)``.

    Raises :class:`AccreditationError` when no intake is open (permanent) or the event is too
    close (temporary): nothing is registered then. A second submit of the same form
    (``submission_token``) returns the first application. Foreign outlets and barred journalists
    are refused at once, with their grounds.
    """
    now = resolve_now(now)
    received_on = local_date(now)
    kind = AccreditationType(kind)
    if not data.journalists:
        raise AccreditationError(_("Name at least one journalist."), code="no_journalists")
    if submission_token is not None:
        existing = Application.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, False
    calendar = WorkingCalendar.load()
    intake = None
    due = review_due(received_on, calendar=calendar)
    if kind == AccreditationType.PERMANENT:
        briefing = None
        intake = current_intake(received_on)
        if intake is None:
            raise AccreditationError(
                _(
                    "Applications for permanent accreditation are accepted only during an "
                    "intake, and none is open now."
                ),
                code="no_intake",
            )
    else:
        if briefing is None:
            raise AccreditationError(_("Choose the event."), code="no_event")
        if not temporary_open(briefing, received_on, calendar=calendar):
            raise AccreditationError(
                _(
                    "Temporary accreditation must be applied for at least one working day "
                    "before the event. It is too late for this event."
                ),
                code="too_late",
            )
        due = min(due, temporary_deadline(briefing, calendar=calendar))
    stored: list[str] = []
    try:
        with transaction.atomic():
            outlet = _outlet_for(data)
            _sequence, number = next_number("accreditation", received_on.year)
            application = Application.objects.create(
                number=number,
                kind=kind,
                intake=intake,
                briefing=briefing,
                outlet=outlet,
                editor_in_chief=data.editor_in_chief,
                contact_email=data.contact_email,
                contact_phone=data.contact_phone,
                language=language,
                received_at=now,
                review_due=due,
                consent_at=now,
                submission_token=submission_token,
            )
            for person in data.journalists:
                journalist = ApplicationJournalist(
                    application=application,
                    full_name=person.full_name,
                    position=person.position,
                    iin=person.iin,
                    email=person.email,
                    phone=person.phone,
                    notices_opt_in=person.notices_opt_in,
                )
                photo = person.photo
                journalist.photo.save(photo.storage_name, ContentFile(photo.data), save=False)
                stored.append(journalist.photo.name)
                _automatic_refusal(journalist, outlet, received_on, now)
                journalist.save()
            close_if_decided(application, now)
            log(
                application,
                "accreditation.apply",
                data={"kind": kind, "journalists": len(data.journalists)},
            )
            send_acknowledgement(application.pk)
    except IntegrityError:
        _remove(stored)
        if submission_token is not None:
            existing = Application.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                return existing, False
        raise
    except Exception:
        _remove(stored)
        raise
    return application, True


def _remove(names: list[str]) -> None:
    storage = private_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # pragma: no cover - best effort clean-up
            logger.warning("Could not remove %s", name, exc_info=True)


def _automatic_refusal(journalist, outlet, today, now) -> None:
    """Refuse at once what the rules leave no choice about: foreign media and barred IINs."""
    if outlet.is_foreign:
        journalist.decision = ApplicationJournalist.Decision.REFUSED
        journalist.refusal_ground = RefusalGround.FOREIGN_MEDIA
        journalist.refusal_note = str(MFA_NOTE)
        journalist.decided_at = now
        return
    bar = barred_until(journalist.iin, today)
    if bar is not None:
        journalist.decision = ApplicationJournalist.Decision.REFUSED
        journalist.refusal_ground = RefusalGround.DEPRIVATION_BAR
        journalist.refusal_note = gettext(
            "Deprived of accreditation; no new accreditation until %(date)s."
        ) % {"date": local_day(bar)}
        journalist.decided_at = now


def close_if_decided(application: Application, now) -> bool:
    pending = application.journalists.filter(decision=ApplicationJournalist.Decision.PENDING)
    if application.status == Application.Status.PENDING and not pending.exists():
        application.status = Application.Status.DECIDED
        application.decided_at = now
        application.save(update_fields=["status", "decided_at"])
        send_decision(application.pk)
        return True
    return False


def is_overdue(application: Application, today=None) -> bool:
    today = today or timezone.localdate()
    return application.status == Application.Status.PENDING and application.review_due < today


# ---------------------------------------------------------------------------
# Letters to the outlet
# ---------------------------------------------------------------------------
def _send(to: str, subject: str, body: str, group: str) -> None:
    mail.send([mail.message(to, subject, body, group=group)])


def send_acknowledgement(application_id: int) -> None:
    """Tell the outlet its application was received, with the number and the review date."""
    application = Application.objects.filter(pk=application_id).first()
    if application is None or not application.contact_email:
        return
    with translation.override(application.language):
        subject = gettext("Accreditation application %(number)s received") % {
            "number": application.number
        }
        lines = [
            gettext("Your application %(number)s has been received on %(date)s.")
            % {
                "number": application.number,
                "date": local_day(application.received_at),
            },
            gettext("The review is due by %(date)s.") % {"date": local_day(application.review_due)},
            "",
        ]
        lines += [f"— {j.full_name}" for j in application.journalists.all()]
        _send(application.contact_email, subject, "\n".join(lines), "accreditation received")


def send_decision(application_id: int) -> None:
    """Tell the outlet the decision on each of its journalists."""
    application = Application.objects.filter(pk=application_id).first()
    if application is None or not application.contact_email:
        return
    with translation.override(application.language):
        subject = gettext("Decision on accreditation application %(number)s") % {
            "number": application.number
        }
        lines = [
            gettext("The decision on your application %(number)s:")
            % {"number": application.number},
            "",
        ]
        for journalist in application.journalists.all():
            if journalist.decision == ApplicationJournalist.Decision.APPROVED:
                accreditation = getattr(journalist, "accreditation", None)
                detail = gettext("accredited, card %(card)s, valid until %(date)s") % {
                    "card": accreditation.card_number if accreditation else "—",
                    "date": local_day(accreditation.valid_until) if accreditation else "—",
                }
            else:
                detail = gettext("refused: %(ground)s") % {
                    "ground": journalist.get_refusal_ground_display()
                }
                if journalist.refusal_note:
                    detail += f" {journalist.refusal_note}"
            lines.append(f"— {journalist.full_name}: {detail}")
        _send(application.contact_email, subject, "\n".join(lines), "accreditation decision")
