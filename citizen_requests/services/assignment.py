"""Giving a case to a unit and an executor, and asking units for the information it needs."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import deadlines
from ..delivery import notify_executor, notify_unit
from ..kinds import Status
from ..models import CitizenRequest, InformationSubtask, RequestEvent, Unit
from .access import locked, refresh, require, require_open
from .timeline import event

Action = RequestEvent.Action


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


def assign(citizen_request: CitizenRequest, user, *, unit: Unit | None, executor) -> CitizenRequest:
    """Give the case to a unit and an executor; a registered case is then in progress."""
    require(user, "assign")
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
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
            notify_executor(case, executor)
    refresh(citizen_request, case)
    return citizen_request


def default_subtask_due(citizen_request: CitizenRequest) -> datetime.date:
    """Two working days from today, and never after the case's own due date."""
    today = timezone.localdate()
    due = deadlines.add_working_days(today, 2)
    return min(due, citizen_request.answer_due) if citizen_request.answer_due >= today else due


def ask_unit(
    citizen_request: CitizenRequest,
    user,
    *,
    unit: Unit,
    question: str,
    due_on: datetime.date | None = None,
) -> InformationSubtask:
    """Ask a unit for information, as a sub-task with its own due date (Model Regulation
    387-НҚ p.10(6): the press office asks the body's units for what an answer needs)."""
    require(user, "ask_unit")
    question = (question or "").strip()
    if not question:
        raise ValidationError(_("Write the question for the unit."))
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
        if not unit.active:
            raise ValidationError(_("This unit is no longer active."))
        due_on = due_on or default_subtask_due(case)
        if due_on < timezone.localdate():
            raise ValidationError(_("The sub-task cannot be due in the past."))
        if due_on > case.answer_due:
            raise ValidationError(
                _("The unit must answer by the case's own due date, %(due)s.")
                % {"due": date_format(case.answer_due, "DATE_FORMAT")}
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
            notify_unit(subtask)
    refresh(citizen_request, case)
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
