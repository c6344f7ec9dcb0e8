"""The officer's decisions: approve or refuse each journalist of an application, and deprive a
journalist of an accreditation.

Each journalist is approved or refused separately, and a refusal names its ground (Typical
Rules, legal-basis §3). Deprivation follows Mass Media Law Art. 28 p.4 and bars the IIN for
``deprivation_bar_months``. Every decision checks the officer's permissions and is written to
Wagtail's audit log (``accreditation.*`` actions, shown in the admin's Logs report); the last
decision on an application sends the outlet its decision letter.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from agency.calendar import WorkingCalendar, local_date
from agency.dates import local_day
from agency.numbering import next_number

from .. import events
from ..models import (
    Accreditation,
    AccreditationType,
    ApplicationJournalist,
    DeprivationGround,
    RefusalGround,
)
from .applications import close_if_decided
from .rules import (
    MFA_NOTE,
    AccreditationError,
    barred_until,
    event_date,
    permanent_valid_until,
    require,
    resolve_now,
    rules,
)


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
    require(user, "accreditation.change_applicationjournalist", "accreditation.add_accreditation")
    now = resolve_now(now)
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
                params={"date": local_day(bar)},
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
        close_if_decided(application, now)
    return accreditation


def refuse(
    journalist: ApplicationJournalist, *, user, ground: str, note: str = "", now=None
) -> ApplicationJournalist:
    """Refuse one journalist of an application, naming the ground."""
    require(user, "accreditation.change_applicationjournalist")
    if ground not in RefusalGround.values:
        raise AccreditationError(_("Choose the ground of the refusal."), code="ground")
    now = resolve_now(now)
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
        close_if_decided(journalist.application, now)
    return journalist


def deprive(
    accreditation: Accreditation, *, user, ground: str, note: str = "", now=None
) -> Accreditation:
    """Withdraw an accreditation on a statutory ground; the IIN is barred for six months.

    The journalist's registrations for events not yet started are cancelled, and the
    journalist is told which (:func:`accreditation.events.cancel_upcoming`).
    """
    require(user, "accreditation.deprive_accreditation")
    if ground not in DeprivationGround.values:
        raise AccreditationError(_("Choose the statutory ground."), code="ground")
    now = resolve_now(now)
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
        events.cancel_upcoming(accreditation, user=user, now=now)
    return accreditation
