"""The case actions, as domain functions the admin views (and anything else) call.

Each function takes ``(request_obj, user, ...)``, checks the user's permission (raising
``PermissionDenied``), validates the action against the case's state and its legal clocks
(raising ``ValidationError`` with a translated message), writes the change and a
:class:`~citizen_requests.models.RequestEvent` in one transaction, and queues what the
requester must be told through :mod:`citizen_requests.delivery` (sent after the commit).

Events the requester should see on the status page (extended, forwarded, refused, answered,
and the notices) are ``public``; internal steps (assignment, sub-tasks) are not.

Clocks come from :mod:`citizen_requests.deadlines`. A late forward or refusal is still
recorded (the law demands the action, not its prevention) and marked ``late`` in the event;
an extension beyond what the law allows is refused.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agency.models import AgencyProfile

from .kinds import REFUSAL_GROUNDS, RequestKind, Status
from .models import (
    Answer,
    CitizenRequest,
    InformationSubtask,
    RequestAttachment,
    RequestEvent,
    Unit,
)

Action = RequestEvent.Action

#: The permission each action needs (app label ``citizen_requests``).
PERMISSIONS = {
    "view": "citizen_requests.view_citizenrequest",
    "personal_data": "citizen_requests.view_personal_data",
    "assign": "citizen_requests.change_citizenrequest",
    "ask_unit": "citizen_requests.add_informationsubtask",
    "answer_subtask": "citizen_requests.change_informationsubtask",
    "extend": "citizen_requests.decide_request",
    "forward": "citizen_requests.decide_request",
    "refuse": "citizen_requests.decide_request",
    "answer": "citizen_requests.decide_request",
    "mark_posted": "citizen_requests.change_citizenrequest",
    "publish_faq": "citizen_requests.decide_request",
}


def can(user, action: str) -> bool:
    """Whether ``user`` may do ``action`` (a key of :data:`PERMISSIONS`) on any case."""
    return bool(user and user.is_active and user.has_perm(PERMISSIONS[action]))


def require(user, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied(_("You are not allowed to do this with requests."))


def _require_open(request_obj: CitizenRequest) -> None:
    if not request_obj.is_open:
        raise ValidationError(
            _("The case is closed (%(status)s): nothing more can be done with it.")
            % {"status": request_obj.get_status_display()}
        )


def _locked(request_obj: CitizenRequest) -> CitizenRequest:
    """The case re-read under a row lock, so two officers cannot act on it at once."""
    return CitizenRequest.objects.select_for_update().get(pk=request_obj.pk)


def _refresh(target: CitizenRequest, source: CitizenRequest) -> None:
    for field in target._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def event(
    request_obj: CitizenRequest,
    user,
    action: str,
    *,
    public: bool = False,
    note: str = "",
    **data,
) -> RequestEvent:
    """Add a line to the case timeline."""
    return RequestEvent.objects.create(
        request=request_obj,
        actor=user if user and user.is_authenticated else None,
        action=action,
        public=public,
        note=note,
        data={key: _jsonable(value) for key, value in data.items()},
    )


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _today() -> datetime.date:
    return timezone.localdate()


def _date(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


# Assignment and sub-tasks ------------------------------------------------------------------


def eligible_executors():
    """Active staff who may work on requests (directly or through a group)."""
    User = get_user_model()
    perm = Q(
        user_permissions__codename="change_citizenrequest",
        user_permissions__content_type__app_label="citizen_requests",
    ) | Q(
        groups__permissions__codename="change_citizenrequest",
        groups__permissions__content_type__app_label="citizen_requests",
    )
    return (
        User.objects.filter(is_active=True)
        .filter(perm | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def assign(request_obj: CitizenRequest, user, *, unit: Unit | None, executor) -> CitizenRequest:
    """Give the case to a unit and an executor; a registered case is then in progress."""
    require(user, "assign")
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
        if unit is None and executor is None:
            raise ValidationError(_("Choose a unit, an executor or both."))
        if unit is not None and not unit.active:
            raise ValidationError(_("This unit is no longer active."))
        if executor is not None and not eligible_executors().filter(pk=executor.pk).exists():
            raise ValidationError(_("This person cannot work on requests."))
        case.unit = unit
        case.executor = executor
        if case.status == Status.REGISTERED:
            case.status = Status.IN_PROGRESS
        case.save(update_fields=["unit", "executor", "status", "updated_at"])
        event(
            case,
            user,
            Action.ASSIGNED,
            unit=unit.name if unit else "",
            executor=executor.get_username() if executor else "",
        )
        if executor is not None and executor != user:
            from .delivery import notify_executor

            notify_executor(case, executor)
    _refresh(request_obj, case)
    return request_obj


def default_subtask_due(request_obj: CitizenRequest) -> datetime.date:
    """Two working days from today, and never after the case's own due date."""
    from . import deadlines

    due = deadlines.add_working_days(_today(), 2)
    return min(due, request_obj.answer_due) if request_obj.answer_due >= _today() else due


def ask_unit(
    request_obj: CitizenRequest,
    user,
    *,
    unit: Unit,
    question: str,
    due_on: datetime.date | None = None,
) -> InformationSubtask:
    """Ask a unit for information, as a sub-task with its own due date (duty 10.6)."""
    require(user, "ask_unit")
    question = (question or "").strip()
    if not question:
        raise ValidationError(_("Write the question for the unit."))
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
        if not unit.active:
            raise ValidationError(_("This unit is no longer active."))
        due_on = due_on or default_subtask_due(case)
        if due_on < _today():
            raise ValidationError(_("The sub-task cannot be due in the past."))
        if due_on > case.answer_due:
            raise ValidationError(
                _("The unit must answer by the case's own due date, %(due)s.")
                % {"due": _date(case.answer_due)}
            )
        subtask = InformationSubtask.objects.create(
            request=case, unit=unit, question=question, due_on=due_on, asked_by=user
        )
        if case.status == Status.REGISTERED:
            case.status = Status.IN_PROGRESS
            case.save(update_fields=["status", "updated_at"])
        event(
            case,
            user,
            Action.SUBTASK,
            note=question,
            unit=unit.name,
            due_on=due_on,
            subtask=subtask.pk,
        )
        if unit.email:
            from .delivery import notify_unit

            notify_unit(subtask)
    _refresh(request_obj, case)
    return subtask


def answer_subtask(subtask: InformationSubtask, user, *, response: str) -> InformationSubtask:
    """Record the unit's answer to a sub-task."""
    require(user, "answer_subtask")
    response = (response or "").strip()
    if not response:
        raise ValidationError(_("Write what the unit provided."))
    with transaction.atomic():
        subtask = InformationSubtask.objects.select_for_update().get(pk=subtask.pk)
        if subtask.answered_at:
            raise ValidationError(_("This sub-task has already been answered."))
        subtask.response = response
        subtask.answered_at = timezone.now()
        subtask.save(update_fields=["response", "answered_at"])
        event(
            subtask.request,
            user,
            Action.SUBTASK_DONE,
            note=response,
            unit=subtask.unit.name,
            subtask=subtask.pk,
            late=subtask.answered_at.date() > subtask.due_on,
        )
    return subtask


# Decisions ----------------------------------------------------------------------------------


def extend(
    request_obj: CitizenRequest,
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
    from . import deadlines

    require(user, "extend")
    reason = (reason or "").strip()
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
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
                % {"due": _date(case.answer_due)}
            )
        if new_due > limit:
            raise ValidationError(
                _("The law allows an extension up to %(limit)s at the latest.")
                % {"limit": _date(limit)}
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
        from .delivery import send_notice

        send_notice(case, "extended", user=user)
    _refresh(request_obj, case)
    return request_obj


def forward(request_obj: CitizenRequest, user, *, to_body: str, note: str = "") -> CitizenRequest:
    """Send the request on to the competent body and tell the requester at the same time."""
    require(user, "forward")
    to_body = (to_body or "").strip()
    if not to_body:
        raise ValidationError(_("Name the body the request is forwarded to."))
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
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
        from .delivery import send_notice

        send_notice(case, "forwarded", user=user)
    _refresh(request_obj, case)
    return request_obj


def refusal_grounds(request_obj: CitizenRequest) -> list:
    return REFUSAL_GROUNDS.get(RequestKind(request_obj.kind), [])


def refuse(request_obj: CitizenRequest, user, *, ground: str, motivation: str) -> CitizenRequest:
    """Refuse on a ground from the closed list of the request's law, with a motivation."""
    require(user, "refuse")
    motivation = (motivation or "").strip()
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
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
        from .delivery import send_notice

        send_notice(case, "refused", user=user)
    _refresh(request_obj, case)
    return request_obj


def answer(
    request_obj: CitizenRequest,
    user,
    *,
    body: str,
    signatory_name: str = "",
    signatory_position: str = "",
    files=(),
) -> Answer:
    """Answer in the language of the request: the letter is rendered to PDF and delivered.

    ``files`` are uploads already checked by ``agency.uploads.check_files``
    (``CheckedFile``), attached to the answer and sent with it.
    """
    from .letters import render_answer_pdf

    require(user, "answer")
    if not _has_text(body):
        raise ValidationError(_("Write the answer."))
    default_name, default_position = AgencyProfile.default_signatory(request_obj.language)
    signatory_name = (signatory_name or default_name).strip()
    signatory_position = (signatory_position or default_position).strip()
    if not signatory_name or not signatory_position:
        raise ValidationError(
            _("Name the signatory and their position: the letter must state them.")
        )
    with transaction.atomic():
        case = _locked(request_obj)
        _require_open(case)
        if Answer.objects.filter(request=case).exists():
            raise ValidationError(_("This request has already been answered."))
        now = timezone.now()
        reply = Answer.objects.create(
            request=case,
            body=body,
            language=case.language,
            signatory_name=signatory_name,
            signatory_position=signatory_position,
            created_by=user,
        )
        for checked in files:
            RequestAttachment.objects.create(
                request=case,
                answer=reply,
                file=ContentFile(checked.data, name=checked.storage_name),
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                sha256=RequestAttachment.digest(checked.data),
            )
        case.status = Status.ANSWERED
        case.answered_at = now
        case.closed_at = now
        case.save(update_fields=["status", "answered_at", "closed_at", "updated_at"])
        reply.request = case
        reply.pdf.save(f"{case.number}.pdf", render_answer_pdf(reply), save=True)
        event(
            case,
            user,
            Action.ANSWERED,
            public=True,
            due=case.answer_due,
            late=timezone.localdate(now) > case.answer_due,
        )
        from .delivery import deliver_answer

        deliver_answer(reply, user=user)
    _refresh(request_obj, case)
    return reply


def mark_posted(request_obj: CitizenRequest, user, *, event_id: int) -> RequestEvent:
    """Record that a letter waiting to be posted has been posted."""
    require(user, "mark_posted")
    with transaction.atomic():
        pending = (
            RequestEvent.objects.select_for_update()
            .filter(request=request_obj, pk=event_id)
            .first()
        )
        if pending is None or pending.data.get("channel") != "post":
            raise ValidationError(_("There is no letter to be posted."))
        if pending.data.get("posted_at"):
            raise ValidationError(_("This letter has already been posted."))
        now = timezone.now()
        pending.data = {**pending.data, "posted_at": now.isoformat(), "posted_by": user.pk}
        pending.save(update_fields=["data"])
        if pending.action == Action.DELIVERED:
            Answer.objects.filter(request=request_obj, delivered_at__isnull=True).update(
                delivered_at=now
            )
        return event(
            request_obj,
            user,
            Action.NOTE,
            note=_("Letter posted."),
            posted=pending.pk,
        )


def letters_to_post(request_obj: CitizenRequest) -> list[RequestEvent]:
    """The "to be posted" records of a case not yet marked as posted."""
    return [
        e
        for e in request_obj.events.filter(action__in=[Action.DELIVERED, Action.NOTICE])
        if e.data.get("channel") == "post" and not e.data.get("posted_at")
    ]


def _has_text(html: str) -> bool:
    from django.utils.html import strip_tags

    return bool(strip_tags(html or "").strip())
