"""What the accreditation officer and the public forms do, as checked and audited functions.

The rules (Mass Media Law Art. 28–30; the Typical Rules, legal-basis §2.5 and §3):

* Permanent accreditation is applied for during an **intake**, which lasts
  ``AccreditationSettings.intake_working_days`` working days after it opens and is announced in
  Kazakh and Russian. It lasts ``permanent_months`` (12) months from the approval.
* Temporary accreditation is for one event; the application must arrive **at least one working
  day before** the event (on the last working day before it at the latest).
* The review is due ``review_working_days`` (3) working days after receipt, or
  ``review_working_days_strategic`` (10) if the agency is a strategic object.
* Each journalist is approved or refused separately; a refusal names its ground.
* Foreign media are accredited by the Ministry of Foreign Affairs (Art. 30), so their
  journalists are refused at once with that note.
* A journalist deprived of accreditation cannot be accredited again for ``deprivation_bar_months``
  (6) months; the bar follows the IIN, whichever outlet applies.

Working days come from :mod:`citizen_requests.deadlines` and numbers from
:mod:`agency.numbering`: the agency keeps one calendar and one numbering scheme.
Officer actions check the user's permissions and are written to Wagtail's audit log
(``accreditation.*`` actions, shown in the admin's Logs report).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from agency import mail
from agency.calendar import WorkingCalendar, local_date
from agency.numbering import next_number
from agency.private_files import private_storage

from .models import (
    Accreditation,
    AccreditationSettings,
    AccreditationType,
    Application,
    ApplicationJournalist,
    DeprivationGround,
    Intake,
    Outlet,
    RefusalGround,
)

logger = logging.getLogger(__name__)

#: The note that goes with every refusal of a foreign outlet (Mass Media Law Art. 30).
MFA_NOTE = _(
    "Foreign media and their journalists are accredited by the Ministry of Foreign Affairs of "
    "the Republic of Kazakhstan (Mass Media Law, Art. 30). Please apply to the Ministry."
)

#: Grounds an officer may give when refusing by hand (the automatic ones are set by the system).
MANUAL_REFUSAL_GROUNDS = (
    RefusalGround.COURT_SUSPENSION,
    RefusalGround.DOCUMENTS,
    RefusalGround.NOT_IN_REGISTER,
    RefusalGround.FOREIGN_MEDIA,
    RefusalGround.DEPRIVATION_BAR,
    RefusalGround.TOO_LATE,
)


class AccreditationError(ValidationError):
    """A rule forbids the action; the message is for the user."""


# ---------------------------------------------------------------------------
# Settings, clocks and rules
# ---------------------------------------------------------------------------
def rules() -> AccreditationSettings:
    return AccreditationSettings.load()


def _now(now=None) -> datetime.datetime:
    return now or timezone.now()


def _require(user, *perms: str) -> None:
    if user is None or not user.is_authenticated or not user.has_perms(perms):
        raise PermissionDenied(gettext("You are not allowed to do this with accreditations."))


def intake_closes_on(opens_on: datetime.date, *, calendar: WorkingCalendar | None = None):
    """The last day of an intake that opens on ``opens_on``: the ``intake_working_days``-th
    working day after it."""
    calendar = calendar or WorkingCalendar.load()
    return calendar.add_working_days(opens_on, rules().intake_working_days)


def review_due(received_on: datetime.date, *, calendar: WorkingCalendar | None = None):
    """3 working days after receipt, or 10 if the agency is a strategic object."""
    calendar = calendar or WorkingCalendar.load()
    config = rules()
    days = (
        config.review_working_days_strategic
        if config.strategic_object
        else config.review_working_days
    )
    return calendar.add_working_days(received_on, days)


def event_date(briefing) -> datetime.date:
    return local_date(briefing.starts_at)


def temporary_deadline(briefing, *, calendar: WorkingCalendar | None = None) -> datetime.date:
    """The last day a temporary application for ``briefing`` may arrive: the last working day
    before the event (so at least one working day is left for the review)."""
    calendar = calendar or WorkingCalendar.load()
    return calendar.subtract_working_days(event_date(briefing), 1)


def temporary_open(briefing, today=None, *, calendar: WorkingCalendar | None = None) -> bool:
    today = today or timezone.localdate()
    if getattr(briefing, "cancelled", False) or not briefing.live:
        return False
    return today <= temporary_deadline(briefing, calendar=calendar)


def temporary_events(locale=None, today=None):
    """Live, not cancelled, future briefings in ``locale`` that still take temporary
    applications, soonest first."""
    from press_pages.models import BriefingPage

    today = today or timezone.localdate()
    events = BriefingPage.objects.live().filter(starts_at__gt=timezone.now(), cancelled=False)
    if locale is not None:
        events = events.filter(locale=locale)
    calendar = WorkingCalendar.load()
    return [
        event
        for event in events.order_by("starts_at", "pk")
        if temporary_open(event, today, calendar=calendar)
    ]


def permanent_valid_until(valid_from: datetime.date) -> datetime.date:
    """The last day of a permanent accreditation that starts on ``valid_from`` (12 months)."""
    end = WorkingCalendar(move=False).add_months(valid_from, rules().permanent_months, move=False)
    return end - datetime.timedelta(days=1)


def current_intake(today=None) -> Intake | None:
    today = today or timezone.localdate()
    return (
        Intake.objects.filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("-opens_on", "-pk")
        .first()
    )


def announced_intake(today=None) -> Intake | None:
    """The open intake, else the next one announced, else ``None``."""
    today = today or timezone.localdate()
    return current_intake(today) or (
        Intake.objects.filter(opens_on__gt=today).order_by("opens_on", "pk").first()
    )


def barred_until(iin: str, today=None) -> datetime.date | None:
    """The day until which ``iin`` may not be accredited again after a deprivation, or ``None``."""
    today = today or timezone.localdate()
    if not iin:
        return None
    bar = (
        Accreditation.objects.filter(iin=iin, barred_until__gte=today)
        .order_by("-barred_until")
        .values_list("barred_until", flat=True)
        .first()
    )
    return bar


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
    _require(user, "accreditation.add_intake")
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
    now = _now(now)
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
            _close_if_decided(application, now)
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
        ) % {"date": bar.isoformat()}
        journalist.decided_at = now


def _close_if_decided(application: Application, now) -> bool:
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
# Decisions
# ---------------------------------------------------------------------------
def _locked_journalist(journalist: ApplicationJournalist) -> ApplicationJournalist:
    locked = (
        ApplicationJournalist.objects.select_for_update()
        .select_related("application", "application__outlet")
        .get(pk=journalist.pk)
    )
    if locked.decision != ApplicationJournalist.Decision.PENDING:
        raise AccreditationError(
            _("%(name)s has already been decided on."),
            code="decided",
            params={"name": locked.full_name},
        )
    return locked


def approve(journalist: ApplicationJournalist, *, user, now=None) -> Accreditation:
    """Accredit one journalist of an application and give them a card number."""
    _require(user, "accreditation.change_applicationjournalist", "accreditation.add_accreditation")
    now = _now(now)
    today = local_date(now)
    with transaction.atomic():
        journalist = _locked_journalist(journalist)
        application = journalist.application
        outlet = application.outlet
        if outlet.is_foreign:
            raise AccreditationError(MFA_NOTE, code="foreign")
        bar = barred_until(journalist.iin, today)
        if bar is not None:
            raise AccreditationError(
                _(
                    "This journalist was deprived of accreditation and cannot be accredited "
                    "again until %(date)s."
                ),
                code="barred",
                params={"date": bar.isoformat()},
            )
        if application.kind == AccreditationType.TEMPORARY:
            briefing = application.briefing
            if briefing is None or event_date(briefing) < today:
                raise AccreditationError(_("The event has already taken place."), code="event_over")
            valid_from = valid_until = event_date(briefing)
            if briefing.ends_at:
                valid_until = max(valid_until, local_date(briefing.ends_at))
        else:
            valid_from = today
            valid_until = permanent_valid_until(valid_from)
        _sequence, card_number = next_number("card", today.year)
        accreditation = Accreditation.objects.create(
            card_number=card_number,
            kind=application.kind,
            journalist=journalist,
            outlet=outlet,
            briefing=application.briefing
            if application.kind == AccreditationType.TEMPORARY
            else None,
            full_name=journalist.full_name,
            position=journalist.position,
            iin=journalist.iin,
            email=journalist.email,
            phone=journalist.phone,
            photo=journalist.photo.name,
            valid_from=valid_from,
            valid_until=valid_until,
            notices_opt_in=journalist.notices_opt_in,
        )
        journalist.decision = ApplicationJournalist.Decision.APPROVED
        journalist.decided_by = user
        journalist.decided_at = now
        journalist.save(update_fields=["decision", "decided_by", "decided_at"])
        log(
            journalist,
            "accreditation.approve",
            user=user,
            data={
                "application": application.number,
                "card_number": card_number,
                "valid_until": valid_until.isoformat(),
            },
        )
        _close_if_decided(application, now)
    return accreditation


def refuse(
    journalist: ApplicationJournalist, *, user, ground: str, note: str = "", now=None
) -> ApplicationJournalist:
    """Refuse one journalist of an application, naming the ground."""
    _require(user, "accreditation.change_applicationjournalist")
    if ground not in RefusalGround.values:
        raise AccreditationError(_("Choose the ground of the refusal."), code="ground")
    now = _now(now)
    with transaction.atomic():
        journalist = _locked_journalist(journalist)
        if ground == RefusalGround.FOREIGN_MEDIA and not note.strip():
            note = str(MFA_NOTE)
        journalist.decision = ApplicationJournalist.Decision.REFUSED
        journalist.refusal_ground = ground
        journalist.refusal_note = note.strip()
        journalist.decided_by = user
        journalist.decided_at = now
        journalist.save(
            update_fields=["decision", "refusal_ground", "refusal_note", "decided_by", "decided_at"]
        )
        log(
            journalist,
            "accreditation.refuse",
            user=user,
            data={"application": journalist.application.number, "ground": ground},
        )
        _close_if_decided(journalist.application, now)
    return journalist


def deprive(
    accreditation: Accreditation, *, user, ground: str, note: str = "", now=None
) -> Accreditation:
    """Withdraw an accreditation on a statutory ground; the IIN is barred for six months."""
    _require(user, "accreditation.deprive_accreditation")
    if ground not in DeprivationGround.values:
        raise AccreditationError(_("Choose the statutory ground."), code="ground")
    now = _now(now)
    today = local_date(now)
    with transaction.atomic():
        accreditation = Accreditation.objects.select_for_update().get(pk=accreditation.pk)
        if accreditation.status == Accreditation.Status.DEPRIVED:
            raise AccreditationError(
                _("This accreditation has already been withdrawn."), code="deprived"
            )
        bar = WorkingCalendar(move=False).add_months(
            today, rules().deprivation_bar_months, move=False
        )
        accreditation.status = Accreditation.Status.DEPRIVED
        accreditation.deprived_at = now
        accreditation.deprivation_ground = ground
        accreditation.deprivation_note = note.strip()
        accreditation.barred_until = bar
        accreditation.save(
            update_fields=[
                "status",
                "deprived_at",
                "deprivation_ground",
                "deprivation_note",
                "barred_until",
            ]
        )
        log(
            accreditation,
            "accreditation.deprive",
            user=user,
            data={"ground": ground, "barred_until": bar.isoformat()},
        )
    return accreditation


def set_notices_opt_in(
    accreditation: Accreditation, wanted: bool, *, user=None, via: str = "link"
) -> bool:
    """Switch the announcements of events on or off for one accreditation; ``True`` if changed.

    The journalist does it from the signed link in any notice (``via="link"``, no user); an
    officer from the admin (``via="admin"``), with the change permission. Each change is audited
    as ``accreditation.notices_on`` or ``accreditation.notices_off``.
    """
    if via != "link":
        _require(user, "accreditation.change_accreditation")
    wanted = bool(wanted)
    with transaction.atomic():
        changed = (
            Accreditation.objects.filter(pk=accreditation.pk)
            .exclude(notices_opt_in=wanted)
            .update(notices_opt_in=wanted)
        )
        accreditation.notices_opt_in = wanted
        if changed:
            log(
                accreditation,
                "accreditation.notices_on" if wanted else "accreditation.notices_off",
                user=user,
                data={"via": via},
            )
    return bool(changed)


def log_personal_data_view(instance, *, user, what: str) -> None:
    """Record that an officer saw personal data (IIN, photo, phone) of ``instance``."""
    log(instance, "accreditation.view_personal_data", user=user, data={"what": what})


# ---------------------------------------------------------------------------
# Mail
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
                "date": local_date(application.received_at).isoformat(),
            },
            gettext("The review is due by %(date)s.")
            % {"date": application.review_due.isoformat()},
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
                    "date": accreditation.valid_until.isoformat() if accreditation else "—",
                }
            else:
                detail = gettext("refused: %(ground)s") % {
                    "ground": journalist.get_refusal_ground_display()
                }
                if journalist.refusal_note:
                    detail += f" {journalist.refusal_note}"
            lines.append(f"— {journalist.full_name}: {detail}")
        _send(application.contact_email, subject, "\n".join(lines), "accreditation decision")
