"""The officer's decisions on a case: extend its deadline, forward it, refuse it.

Each checks the action against the case's legal clocks (:mod:`citizen_requests.deadlines`) and
tells the requester at the same time (:mod:`citizen_requests.delivery`). A late forward or
refusal is still recorded (the law demands the action, not its prevention) and marked ``late``
on the timeline; an extension beyond what the law allows is refused.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import deadlines
from ..delivery import send_notice
from ..kinds import REFUSAL_GROUNDS, RequestKind, Status
from ..models import CitizenRequest, RequestEvent
from .access import locked, refresh, require, require_open
from .timeline import event

Action = RequestEvent.Action


def extend(
    citizen_request: CitizenRequest,
    user,
    *,
    new_due: datetime.date,
    reason: str = "",
    condition_met: bool = False,
) -> CitizenRequest:
    """Extend the answer deadline, within the law's limit, and notify the requester at once.

    ``condition_met`` is the officer's confirmation of the legal condition of the kind's
    extension (for information and media requests: the information belongs to several holders).
    """
    require(user, "extend")
    reason = (reason or "").strip()
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
        rule = deadlines.clock(case.kind).extension
        if rule is None:
            raise ValidationError(_("The law does not allow extending this kind of request."))
        if rule.condition and not condition_met:
            raise ValidationError(
                _("The law allows this extension only when: %(condition)s")
                % {"condition": rule.condition}
            )
        if rule.reason_required and not reason:
            raise ValidationError(_("Give the reason for the extension: the requester is told it."))
        limit = deadlines.extension_limit(case)
        if limit is None:
            raise ValidationError(_("This request cannot be extended (again)."))
        if new_due <= case.answer_due:
            raise ValidationError(
                _("The new due date must be after the current one, %(due)s.")
                % {"due": date_format(case.answer_due, "DATE_FORMAT")}
            )
        if new_due > limit:
            raise ValidationError(
                _("The law allows an extension up to %(limit)s at the latest.")
                % {"limit": date_format(limit, "DATE_FORMAT")}
            )
        now = timezone.now()
        old_due = case.answer_due
        if case.original_answer_due is None:
            case.original_answer_due = old_due
        case.answer_due = new_due
        case.extended_at = now
        case.extension_reason = reason
        case.extension_notice_sent_at = now
        case.save(
            update_fields=[
                "answer_due",
                "original_answer_due",
                "extended_at",
                "extension_reason",
                "extension_notice_sent_at",
                "updated_at",
            ]
        )
        event(
            case,
            user,
            Action.EXTENDED,
            public=True,
            note=reason,
            previous_due=old_due,
            answer_due=new_due,
            notice_due=deadlines.extension_notice_due(case.kind, timezone.localdate(now)),
        )
        send_notice(case, "extended", user=user)
    refresh(citizen_request, case)
    return citizen_request


def forward(
    citizen_request: CitizenRequest, user, *, to_body: str, note: str = ""
) -> CitizenRequest:
    """Send the request on to the competent body and tell the requester at the same time."""
    require(user, "forward")
    to_body = (to_body or "").strip()
    if not to_body:
        raise ValidationError(_("Name the body the request is forwarded to."))
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
        if case.forward_due is None:
            raise ValidationError(
                _(
                    "This kind of request is not forwarded: if it is outside the agency's "
                    "competence, refuse it on that ground."
                )
            )
        now = timezone.now()
        case.status = Status.FORWARDED
        case.forwarded_at = now
        case.forwarded_to = to_body
        case.closed_at = now
        case.save(
            update_fields=["status", "forwarded_at", "forwarded_to", "closed_at", "updated_at"]
        )
        event(
            case,
            user,
            Action.FORWARDED,
            public=True,
            note=note.strip(),
            to=to_body,
            due=case.forward_due,
            late=timezone.localdate(now) > case.forward_due,
        )
        send_notice(case, "forwarded", user=user)
    refresh(citizen_request, case)
    return citizen_request


def refusal_grounds(citizen_request: CitizenRequest) -> list:
    return REFUSAL_GROUNDS.get(RequestKind(citizen_request.kind), [])


def refuse(
    citizen_request: CitizenRequest, user, *, ground: str, motivation: str
) -> CitizenRequest:
    """Refuse on a ground from the closed list of the request's law, with a motivation."""
    require(user, "refuse")
    motivation = (motivation or "").strip()
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
        grounds = refusal_grounds(case)
        if not grounds:
            raise ValidationError(
                _("The law gives no grounds to refuse this kind of request: answer it.")
            )
        if ground not in [g.value for g in grounds]:
            raise ValidationError(_("Choose a ground from the list the law gives."))
        if not motivation:
            raise ValidationError(_("A refusal must be motivated: explain it to the requester."))
        now = timezone.now()
        case.status = Status.REFUSED
        case.refused_at = now
        case.refusal_ground = ground
        case.refusal_motivation = motivation
        case.closed_at = now
        case.save(
            update_fields=[
                "status",
                "refused_at",
                "refusal_ground",
                "refusal_motivation",
                "closed_at",
                "updated_at",
            ]
        )
        due = case.refusal_due or case.answer_due
        event(
            case,
            user,
            Action.REFUSED,
            public=True,
            note=motivation,
            ground=ground,
            due=due,
            late=timezone.localdate(now) > due,
        )
        send_notice(case, "refused", user=user)
    refresh(citizen_request, case)
    return citizen_request
